package crossuserok

import (
	"context"

	"example.com/forgetful"
	"example.com/recorder"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Reconciler struct {
	tracker *forgetful.Tracker
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.tracker.Track(req.Name)           // ok: forgetful deletes in Forget
	recorder.Record("fixed", "name", 1) // ok: constant labels
	local := forgetful.New()            // a tracker per reconcile: not long-lived
	local.Track(req.Name)               // ok
	return reconcile.Result{}, nil
}
