// Command off runs without leader election: a controller with
// NeedLeaderElection false and a leader-only runnable both run on the
// only replica. Nothing blocks.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/controller"
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
	r.h.ch <- req.Name // ok: no standbys
	return reconcile.Result{}, nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: false})
	h := &hub{ch: make(chan string)}
	_ = mgr.Add(&collector{h: h})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).
		Complete(&rec{h: h})
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
