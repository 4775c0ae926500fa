// Command foreign hands its controllers' builders to another package's
// helpers, which may set their options: where those controllers run is
// not known here, so what only they release is not reported. A builder
// that stays in this package is still read.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	"example.com/ctrlhelp"
)

type hub struct {
	wrapped chan string // sent to by wrappedRec
	tuned   chan string // sent to by tunedRec
	plain   chan string // sent to by plainRec
}

type wrappedRec struct{ h *hub }

func (r *wrappedRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	select {
	case r.h.wrapped <- req.Name:
	default:
	}
	return reconcile.Result{}, nil
}

type tunedRec struct{ h *hub }

func (r *tunedRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	select {
	case r.h.tuned <- req.Name:
	default:
	}
	return reconcile.Result{}, nil
}

type plainRec struct{ h *hub }

func (r *plainRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	select {
	case r.h.plain <- req.Name:
	default:
	}
	return reconcile.Result{}, nil
}

type waiter struct{ h *hub }

func (w *waiter) OnAdd(obj any, _ bool) {
	<-w.h.wrapped // ok: ctrlhelp.Everywhere may run wrappedRec on every replica
	<-w.h.tuned   // ok: ctrlhelp.Tune sees the builder
	<-w.h.plain   // want `receive in waiter.OnAdd can wait for ever: it runs in an informer event handler on every replica, but the channel's sender, plainRec.Reconcile, runs only on the leader`
}
func (w *waiter) OnUpdate(_, obj any) {}
func (w *waiter) OnDelete(obj any)    {}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	h := &hub{wrapped: make(chan string), tuned: make(chan string), plain: make(chan string)}
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	var wh cache.ResourceEventHandler = &waiter{h: h}
	_, _ = inf.AddEventHandler(wh)
	_ = ctrlhelp.Everywhere(ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{})).Complete(&wrappedRec{h: h})
	b := ctrl.NewControllerManagedBy(mgr).For(&core_v1.Service{})
	ctrlhelp.Tune(b)
	_ = b.Complete(&tunedRec{h: h})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.ConfigMap{}).Named("plain").Complete(&plainRec{h: h})
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
