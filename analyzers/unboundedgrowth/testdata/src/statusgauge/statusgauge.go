// Package statusgauge is the reconciler side of objstatus: it records
// its object's status on every reconcile and returns early when the
// object is being deleted, leaving the series behind.
package statusgauge

import (
	"context"

	"example.com/objstatus"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Connection struct {
	metav1.TypeMeta
	metav1.ObjectMeta
	Valid bool
}

func (c *Connection) DeepCopyObject() runtime.Object { return c }

type Reconciler struct{ client.Client }

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	c := &Connection{}
	if err := r.Get(ctx, req.NamespacedName, c); err != nil {
		return reconcile.Result{}, client.IgnoreNotFound(err)
	}
	if c.GetDeletionTimestamp() != nil {
		return reconcile.Result{}, nil // the series stays
	}
	c.Valid = c.Name != ""
	return r.updateStatus(ctx, c) // want `metric vector Status grows per reconcile without bound: Reconciler.Reconcile through objstatus.Record makes a series per label value from the event's data`
}

func (r *Reconciler) updateStatus(ctx context.Context, c *Connection) (reconcile.Result, error) {
	objstatus.Record("connection", c, c.Valid)
	return reconcile.Result{}, r.Status().Update(ctx, c)
}
