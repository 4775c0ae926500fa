package okcases // want package:"releases\\(okcases.cache.entries, okcases.handed.m\\)"

// okcases holds look-alikes that must stay silent.

import (
	"context"
	"sync"

	"example.com/group"
	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Reconciler struct {
	client.Client
	name    string
	byOwner map[string]int
	mu      sync.Mutex
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	// a map made per reconcile, filled by goroutines of a group: it dies
	// with the reconcile
	seen := map[string]bool{}
	var g group.Group
	var mu sync.Mutex
	for _, n := range []string{"a", "b"} {
		g.Go(func() {
			mu.Lock()
			seen[req.Name+n] = true // ok: per-reconcile map
			mu.Unlock()
		})
	}
	_ = g.Wait()

	// keyed by the reconciler's own configuration: one key
	r.mu.Lock()
	r.byOwner[r.name]++ // ok: a closed set
	r.mu.Unlock()

	// the event's own object: not long-lived state
	var pod corev1.Pod
	if err := r.Get(ctx, req.NamespacedName, &pod); err != nil {
		return reconcile.Result{}, err
	}
	if pod.Labels == nil {
		pod.Labels = map[string]string{}
	}
	pod.Labels["seen-by"] = req.Name // ok: the object is per reconcile
	return reconcile.Result{}, nil
}

// cache is bounded by its size check.
type cache struct {
	entries map[string]string
}

func (c *cache) OnAdd(obj interface{}, isInInitialList bool) {
	o := obj.(client.Object)
	if len(c.entries) > 1000 {
		return
	}
	c.entries[o.GetName()] = o.GetNamespace() // ok: capped
}
func (c *cache) OnUpdate(oldObj, newObj interface{}) {}
func (c *cache) OnDelete(obj interface{})            {}

// handed to code we cannot follow: a janitor of another package may
// delete from it.
type handed struct {
	m map[string]int
}

func (h *handed) OnAdd(obj interface{}, isInInitialList bool) {
	h.m[obj.(client.Object).GetName()]++ // ok: the map escapes below
}
func (h *handed) OnUpdate(oldObj, newObj interface{}) {}
func (h *handed) OnDelete(obj interface{})            {}

func (h *handed) Janitor(clean func(map[string]int)) { clean(h.m) }
