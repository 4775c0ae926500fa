package handleradd // want package:"releases\\(handleradd.Monitors.monitors, handleradd.Watcher.watched\\)"

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

// Monitors adds a handler in a helper that its sync calls only for
// resources it does not monitor yet (Kubernetes' garbage collector and
// quota monitor).
type Monitors struct {
	informers map[string]cache.SharedIndexInformer
	monitors  map[string]bool
}

func (m *Monitors) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	m.sync([]string{req.Name})
	return reconcile.Result{}, nil
}

func (m *Monitors) sync(resources []string) {
	current := map[string]bool{}
	for _, r := range resources {
		if m.monitors[r] {
			current[r] = true
			continue
		}
		m.controllerFor(r)
		current[r] = true
	}
	m.monitors = current
}

func (m *Monitors) controllerFor(r string) {
	_, _ = m.informers[r].AddEventHandler(cache.ResourceEventHandlerFuncs{}) // ok: once per resource, its caller marks it
}

// Helped adds its handler in a helper of every reconcile.
type Helped struct {
	pods cache.SharedIndexInformer
}

func (r *Helped) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.watch()
	return reconcile.Result{}, nil
}

func (r *Helped) watch() {
	_, _ = r.pods.AddEventHandler(cache.ResourceEventHandlerFuncs{}) // want `event handler added per reconcile is never removed`
}
