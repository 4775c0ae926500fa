package living // want package:"releases\\(living.Cached.factories\\)"

// living holds things made per reconcile or per event that live on: an
// informer factory started in Reconcile and never shut down, an event
// broadcaster made per event; and their bounded look-alikes.

import (
	"context"
	"time"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/record"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Reconciler struct {
	client.Client
	cs        kubernetes.Interface
	factory   informers.SharedInformerFactory
	factories map[string]informers.SharedInformerFactory
}

func NewReconciler(cs kubernetes.Interface) *Reconciler {
	f := informers.NewSharedInformerFactory(cs, time.Minute) // ok: made once
	f.Start(nil)
	return &Reconciler{cs: cs, factory: f, factories: map[string]informers.SharedInformerFactory{}}
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	f := informers.NewSharedInformerFactoryWithOptions(r.cs, time.Minute) // want `informer factory made per reconcile is never shut down: its informers keep watching and caching after Reconciler.Reconcile returns`
	f.Start(ctx.Done())
	f.WaitForCacheSync(ctx.Done())
	return reconcile.Result{}, nil
}

// Scoped shuts its factory down when it is done.
type Scoped struct {
	client.Client
	cs kubernetes.Interface
}

func (r *Scoped) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	f := informers.NewSharedInformerFactory(r.cs, 0) // ok: shut down below
	defer f.Shutdown()
	f.Start(ctx.Done())
	f.WaitForCacheSync(ctx.Done())
	return reconcile.Result{}, nil
}

// Cancelled starts its factory on a context cancelled when Reconcile
// returns.
type Cancelled struct {
	client.Client
	cs kubernetes.Interface
}

func (r *Cancelled) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	f := informers.NewSharedInformerFactory(r.cs, 0) // ok: stops with the local context
	f.Start(ctx.Done())
	f.WaitForCacheSync(ctx.Done())
	return reconcile.Result{}, nil
}

// Cached keeps one factory per namespace: the map is the state to judge,
// not the factory.
type Cached struct {
	client.Client
	cs        kubernetes.Interface
	factories map[string]informers.SharedInformerFactory
}

func (r *Cached) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if _, ok := r.factories[req.Namespace]; !ok {
		f := informers.NewSharedInformerFactory(r.cs, 0) // ok: kept in a map
		f.Start(ctx.Done())
		r.factories[req.Namespace] = f
	}
	if len(r.factories) > 100 {
		clear(r.factories)
	}
	return reconcile.Result{}, nil
}

// Unstarted makes a factory per reconcile only to reach a lister's
// types: nothing runs.
type Unstarted struct {
	client.Client
	cs kubernetes.Interface
}

func (r *Unstarted) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	f := informers.NewSharedInformerFactory(r.cs, 0) // ok: never started
	_ = f.Core()
	return reconcile.Result{}, nil
}

// announcer makes an event broadcaster per informer event.
type announcer struct{}

func (announcer) OnAdd(obj interface{}, isInInitialList bool) {
	b := record.NewBroadcaster() // want `event broadcaster made per event is never shut down: its goroutine and watchers run after announcer.OnAdd returns`
	b.StartLogging(func(string, ...interface{}) {})
	_ = b.NewRecorder(nil, "announcer")
}
func (announcer) OnUpdate(oldObj, newObj interface{}) {}

func (announcer) OnDelete(obj interface{}) {
	b := record.NewBroadcaster() // ok: shut down
	defer b.Shutdown()
	b.StartLogging(func(string, ...interface{}) {})
}
