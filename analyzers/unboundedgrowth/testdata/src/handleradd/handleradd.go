package handleradd // want package:"releases\\(handleradd.Watcher.watched\\)"

// handleradd adds an event handler to a long-lived informer on every
// reconcile and never removes it; and look-alikes that add it once.

import (
	"context"
	"sync"

	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Reconciler struct {
	client.Client
	pods cache.SharedIndexInformer
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	_, err := r.pods.AddEventHandler(cache.ResourceEventHandlerFuncs{ // want `event handler added per reconcile is never removed: Reconciler.Reconcile adds one more handler to the informer each time`
		UpdateFunc: func(oldObj, newObj interface{}) {},
	})
	return reconcile.Result{}, err
}

// Flagged adds its handler on the first reconcile only.
type Flagged struct {
	client.Client
	pods  cache.SharedIndexInformer
	added bool
}

func (r *Flagged) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if !r.added {
		_, _ = r.pods.AddEventHandler(cache.ResourceEventHandlerFuncs{}) // ok: guarded by a flag
		r.added = true
	}
	return reconcile.Result{}, nil
}

// Onced adds it under a sync.Once.
type Onced struct {
	client.Client
	pods cache.SharedIndexInformer
	once sync.Once
}

func (r *Onced) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.once.Do(func() {
		_, _ = r.pods.AddEventHandler(cache.ResourceEventHandlerFuncs{}) // ok: once
	})
	return reconcile.Result{}, nil
}

// Watcher adds a handler per kind it has not seen, and marks the kind
// in a set.
type Watcher struct {
	client.Client
	informers map[string]cache.SharedIndexInformer
	watched   sets.Set[string]
}

func (r *Watcher) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	kind := req.Namespace
	if r.watched.Has(kind) {
		return reconcile.Result{}, nil
	}
	if inf, ok := r.informers[kind]; ok {
		_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{}) // ok: marked in a set
		r.watched.Insert(kind)
	}
	return reconcile.Result{}, nil
}

// Local adds a handler to an informer of a factory it makes and shuts
// down itself: the handler goes with the factory.
type Local struct {
	client.Client
	cs kubernetes.Interface
}

func (r *Local) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	f := informers.NewSharedInformerFactory(r.cs, 0)
	defer f.Shutdown()
	inf := f.Core().V1().Pods().Informer()
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{}) // ok: goes with its factory
	f.Start(ctx.Done())
	return reconcile.Result{}, nil
}

// Setup adds it once, from the constructor.
func Setup(pods cache.SharedIndexInformer) {
	_, _ = pods.AddEventHandler(cache.ResourceEventHandlerFuncs{}) // ok: not recurring
}
