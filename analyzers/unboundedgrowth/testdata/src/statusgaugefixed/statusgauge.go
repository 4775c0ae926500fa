// Package statusgaugefixed is statusgauge after the fix: the series is
// deleted when the object is being deleted.
package statusgaugefixed

import (
	"context"

	"example.com/objstatusfixed"
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
		objstatusfixed.Forget("connection", c)
		return reconcile.Result{}, nil
	}
	c.Valid = c.Name != ""
	return r.updateStatus(ctx, c) // ok: Forget deletes the series
}

func (r *Reconciler) updateStatus(ctx context.Context, c *Connection) (reconcile.Result, error) {
	objstatusfixed.Record("connection", c, c.Valid)
	return reconcile.Result{}, r.Status().Update(ctx, c)
}
