// Command mgrwarm warms up every controller through the manager's
// controller configuration, set on an options variable: the watches run
// on every replica, the reconcilers stay on the leader.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type hub struct{ ch chan string }

type collector struct{ h *hub }

func (c *collector) NeedLeaderElection() bool { return true }

func (c *collector) Start(ctx context.Context) error {
	for s := range c.h.ch {
		_ = s
	}
	return nil
}

type rec struct{ h *hub }

func (r *rec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // ok: the reconciler of a warmed-up controller still runs on the leader
	return reconcile.Result{}, nil
}

func (r *rec) mapService(ctx context.Context, o client.Object) []reconcile.Request {
	r.h.ch <- o.GetName() // want `send in rec.mapService can block for ever: it runs in an informer event handler on every replica, but its only receiver, collector.Start, runs only on the leader`
	return nil
}

func main() {
	opts := ctrl.Options{LeaderElection: true}
	opts.Controller.EnableWarmup = ptr.To(true)
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), opts)
	h := &hub{ch: make(chan string, 16)}
	_ = mgr.Add(&collector{h: h})
	r := &rec{h: h}
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(r.mapService)).
		Complete(r)
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
