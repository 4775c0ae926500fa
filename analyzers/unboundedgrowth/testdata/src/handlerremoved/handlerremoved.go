package handlerremoved // want package:"releases\\(handlerremoved.Reconciler.regs\\)"

// handlerremoved keeps each registration and removes the handler when
// the object goes away.

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Reconciler struct {
	client.Client
	pods cache.SharedIndexInformer
	regs map[string]cache.ResourceEventHandlerRegistration
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var cm corev1.ConfigMap
	if err := r.Get(ctx, req.NamespacedName, &cm); err != nil {
		if apierrors.IsNotFound(err) {
			if reg, ok := r.regs[req.Name]; ok {
				_ = r.pods.RemoveEventHandler(reg)
				delete(r.regs, req.Name)
			}
		}
		return reconcile.Result{}, err
	}
	if _, ok := r.regs[req.Name]; ok {
		return reconcile.Result{}, nil
	}
	reg, err := r.pods.AddEventHandler(cache.ResourceEventHandlerFuncs{}) // ok: removed on NotFound
	if err != nil {
		return reconcile.Result{}, err
	}
	r.regs[req.Name] = reg
	return reconcile.Result{}, nil
}
