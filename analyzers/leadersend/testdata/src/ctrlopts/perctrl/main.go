// Command perctrl builds controllers whose own options decide where they
// run: NeedLeaderElection false (inline with ptr.To, through &f, from a
// helper, with controller.New) runs the reconciler and the watches on
// every replica; EnableWarmup runs the watches there. The only receiver
// of their channel is a leader-only runnable.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/util/workqueue"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/builder"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
	"sigs.k8s.io/controller-runtime/pkg/source"
)

type hub struct{ ch chan string }

// collector drains the hub on the leader only.
type collector struct{ h *hub }

func (c *collector) NeedLeaderElection() bool { return true }

func (c *collector) Start(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case s := <-c.h.ch:
			_ = s
		}
	}
}

// everyRec is reconciled by a controller with NeedLeaderElection false.
type everyRec struct{ h *hub }

func (r *everyRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // want `send in everyRec.Reconcile blocks for ever on standby replicas: it runs in a reconciler on every replica, once per request, but the channel's only receiver, collector.Start, runs only on the leader`
	return reconcile.Result{}, nil
}

// helperRec's options come from a helper that returns &f.
type helperRec struct{ h *hub }

func (r *helperRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // want `send in helperRec.Reconcile blocks for ever on standby replicas`
	return reconcile.Result{}, nil
}

func everywhereOptions() controller.Options {
	f := false
	return controller.Options{MaxConcurrentReconciles: 2, NeedLeaderElection: &f}
}

// leaderRec is leader-elected (the default): its sends are fine.
type leaderRec struct{ h *hub }

func (r *leaderRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // ok
	return reconcile.Result{}, nil
}

// warmRec warms up: its watches start on every replica, its reconciler
// stays on the leader.
type warmRec struct{ h *hub }

func (r *warmRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // ok
	return reconcile.Result{}, nil
}

// flagRec's option comes from a variable we cannot resolve: unknown.
type flagRec struct{ h *hub }

func (r *flagRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // ok
	return reconcile.Result{}, nil
}

// quietRec runs on every replica but never blocks.
type quietRec struct{ h *hub }

func (r *quietRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	select {
	case r.h.ch <- req.Name: // ok
	default:
	}
	return reconcile.Result{}, nil
}

// newRec is built with controller.New and NeedLeaderElection false.
type newRec struct{ h *hub }

func (r *newRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.h.ch <- req.Name // want `send in newRec.Reconcile blocks for ever on standby replicas`
	return reconcile.Result{}, nil
}

// podFilter is a predicate type of this package.
type podFilter struct{ h *hub }

func (p podFilter) Create(e event.CreateEvent) bool {
	p.h.ch <- "created" // want `send in podFilter.Create can block for ever: it runs in an informer event handler on every replica`
	return true
}
func (p podFilter) Delete(event.DeleteEvent) bool   { return true }
func (p podFilter) Update(event.UpdateEvent) bool   { return true }
func (p podFilter) Generic(event.GenericEvent) bool { return true }

var leaderElect bool

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	h := &hub{ch: make(chan string)}
	_ = mgr.Add(&collector{h: h})

	_ = ctrl.NewControllerManagedBy(mgr).
		For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(func(ctx context.Context, o client.Object) []reconcile.Request {
			h.ch <- o.GetName() // want `send in a function literal in main can block for ever: it runs in an informer event handler on every replica`
			return nil
		})).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).
		Complete(&everyRec{h: h})

	_ = ctrl.NewControllerManagedBy(mgr).
		For(&core_v1.Pod{}, builder.WithPredicates(predicate.NewPredicateFuncs(func(o client.Object) bool {
			h.ch <- o.GetName() // want `send in a function literal in main can block for ever`
			return true
		}))).
		WithOptions(everywhereOptions()).
		Complete(&helperRec{h: h})

	_ = ctrl.NewControllerManagedBy(mgr).
		For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(func(ctx context.Context, o client.Object) []reconcile.Request {
			h.ch <- o.GetName() // ok: the controller is leader-elected
			return nil
		})).
		Complete(&leaderRec{h: h})

	_ = ctrl.NewControllerManagedBy(mgr).
		For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(func(ctx context.Context, o client.Object) []reconcile.Request {
			h.ch <- o.GetName() // want `send in a function literal in main can block for ever: it runs in an informer event handler on every replica`
			return nil
		})).
		WithOptions(controller.Options{EnableWarmup: ptr.To(true)}).
		Complete(&warmRec{h: h})

	_ = ctrl.NewControllerManagedBy(mgr).
		For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(func(ctx context.Context, o client.Object) []reconcile.Request {
			h.ch <- o.GetName() // ok: unknown
			return nil
		})).
		WithOptions(controller.Options{NeedLeaderElection: &leaderElect}).
		Complete(&flagRec{h: h})

	_ = ctrl.NewControllerManagedBy(mgr).
		For(&core_v1.Pod{}, builder.WithPredicates(podFilter{h: h})).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).
		Complete(&quietRec{h: h})

	c, _ := controller.New("new", mgr, controller.Options{Reconciler: &newRec{h: h}, NeedLeaderElection: ptr.To(false)})
	_ = c.Watch(source.Kind(mgr.GetCache(), client.Object(&core_v1.Pod{}), handler.Funcs{
		CreateFunc: func(ctx context.Context, e event.CreateEvent, q workqueue.TypedRateLimitingInterface[reconcile.Request]) {
			h.ch <- e.Object.GetName() // want `send in a function literal in main can block for ever`
		},
	}))

	_ = mgr.Start(ctrl.SetupSignalHandler())
}
