// Command slotcalls has functions that a leader-elected controller runs
// as its watches and that code on every replica also calls directly: a
// map function an informer handler calls, a predicate a runnable on
// every replica calls. They run on every replica too, so what waits for
// them there is released.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
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

type index struct {
	seen    chan string   // sent to by mapPods
	changed chan struct{} // sent to by onlyLeader
	fresh   chan struct{} // closed by keep
	made    chan string   // sent to by widget.Create
}

// mapPods is the watch's map function, and the handler below calls it
// too, on every replica.
func (x *index) mapPods(ctx context.Context, obj client.Object) []reconcile.Request {
	select {
	case x.seen <- obj.GetName():
	default:
	}
	return []reconcile.Request{{NamespacedName: client.ObjectKeyFromObject(obj)}}
}

// onlyLeader is a map function and nothing else calls it.
func (x *index) onlyLeader(ctx context.Context, obj client.Object) []reconcile.Request {
	select {
	case x.changed <- struct{}{}:
	default:
	}
	return nil
}

// keep is a predicate the warmer below also calls.
func (x *index) keep(obj client.Object) bool {
	select {
	case <-x.fresh:
	default:
		close(x.fresh)
	}
	return true
}

type handlerOnEvery struct{ x *index }

func (h *handlerOnEvery) OnAdd(obj any, _ bool) {
	if p, ok := obj.(*core_v1.Pod); ok {
		_ = h.x.mapPods(context.Background(), p)
	}
	<-h.x.seen    // ok: mapPods also runs here, on every replica
	<-h.x.changed // want `receive in handlerOnEvery.OnAdd can wait for ever: it runs in an informer event handler on every replica, but the channel's sender, index.onlyLeader, runs only on the leader`
}
func (h *handlerOnEvery) OnUpdate(_, obj any) {
	<-h.x.fresh // ok: keep also runs in warmer.Start, on every replica
}
func (h *handlerOnEvery) OnDelete(obj any) {
	<-h.x.made // ok: widget.Create runs where its callers run, none in sight
}

// warmer runs on every replica and calls the predicate once.
type warmer struct{ x *index }

func (w *warmer) NeedLeaderElection() bool { return false }

func (w *warmer) Start(ctx context.Context) error {
	w.x.keep(&core_v1.Pod{})
	return nil
}

// widget is an object the controller watches. Its Create takes no
// event: it is no handler method and does not run with the watch.
type widget struct {
	core_v1.Pod
	x *index
}

func (w *widget) Create(name string) { w.x.made <- name }

type podRec struct{}

func (podRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	x := &index{seen: make(chan string), changed: make(chan struct{}), fresh: make(chan struct{}), made: make(chan string)}
	_ = mgr.Add(&warmer{x: x})
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	var h cache.ResourceEventHandler = &handlerOnEvery{x: x}
	_, _ = inf.AddEventHandler(h)
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		Watches(&core_v1.Service{}, handler.EnqueueRequestsFromMapFunc(x.mapPods)).
		Watches(&core_v1.ConfigMap{}, handler.EnqueueRequestsFromMapFunc(x.onlyLeader), builder.WithPredicates(predicate.NewPredicateFuncs(x.keep))).
		Complete(podRec{})
	_ = event.CreateEvent{}
	c, _ := controller.New("widgets", mgr, controller.Options{Reconciler: podRec{}})
	_ = c.Watch(source.Kind(mgr.GetCache(), client.Object(&widget{x: x}), &handler.EnqueueRequestForObject{}))
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
