// Package controller is a kubebuilder-style library package: an exported
// reconciler whose SetupWithManager registers an informer event handler
// that sends on a channel of the reconciler, which main wires and consumes.
package controller

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// PodReconciler reconciles pods and forwards pod names on Events.
type PodReconciler struct {
	client.Client
	Events chan string
	Quiet  chan string
}

func (r *PodReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// SetupWithManager registers the reconciler and a handler on pods.
func (r *PodReconciler) SetupWithManager(mgr ctrl.Manager) error {
	inf, err := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			r.Events <- obj.(*core_v1.Pod).Name
		},
		DeleteFunc: func(obj any) {
			r.Quiet <- "deleted" //ctrlvet:ignore leadersend -- the consumer of Quiet is started on every replica by every caller
		},
	})
	if err != nil {
		return err
	}
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).Complete(r)
}
