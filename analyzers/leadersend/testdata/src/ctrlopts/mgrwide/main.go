// Command mgrwide turns leader election off for every controller through
// the manager's controller configuration; one controller turns it back
// on in its own options, which take precedence.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/config"
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

type everyRec struct{ h *hub }

func (r *everyRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // want `send in everyRec.Reconcile blocks for ever on standby replicas: it runs in a reconciler on every replica, once per request`
	return reconcile.Result{}, nil
}

type electedRec struct{ h *hub }

func (r *electedRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // ok: its own options turn leader election back on
	return reconcile.Result{}, nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{
		LeaderElection: true,
		Controller:     config.Controller{NeedLeaderElection: ptr.To(false)},
	})
	h := &hub{ch: make(chan string, 16)}
	_ = mgr.Add(&collector{h: h})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).Complete(&everyRec{h: h})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Service{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(true)}).
		Complete(&electedRec{h: h})
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
