package allowlist // want package:"releases\\(allowlist.A1.objs, allowlist.A3.known, allowlist.Other.crds, allowlist.Reconciler.CrdResources, k8s.io/api/core/v1.PodSpec.Containers, k8s.io/api/core/v1.PodSpec.InitContainers\\)"

// A map keyed by the object's name, grown only for the
// names of a configured list (external-secrets' CRD reconciler records the
// readiness of its own CRDs, `if slices.Contains(r.CrdResources,
// req.Name)`): as many keys as the list has. Without the check, or with a
// check of another value, it grows per object.

import (
	"context"
	"slices"
	"sync"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Reconciler struct {
	CrdResources []string
	allowed      map[string]bool
	mu           sync.Mutex
	ready        map[string]bool
	seen         map[string]bool
	byAllowed    map[string]int
}

func New(crds []string) *Reconciler {
	return &Reconciler{CrdResources: crds, allowed: map[string]bool{}, ready: map[string]bool{}, seen: map[string]bool{}, byAllowed: map[string]int{}}
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if slices.Contains(r.CrdResources, req.NamespacedName.Name) {
		r.mu.Lock()
		r.ready[req.NamespacedName.Name] = true // ok: one of the configured CRDs
		r.mu.Unlock()
	}
	if !slices.Contains(r.CrdResources, req.Name) {
		return reconcile.Result{}, nil
	}
	r.seen[req.Name] = true // ok: the early return leaves only the listed names
	if _, ok := r.allowed[req.Namespace]; ok {
		r.byAllowed[req.Namespace]++ // ok: a namespace of the allowed set
	}
	return reconcile.Result{}, nil
}

// Other checks another value than the key it grows.
type Other struct {
	crds []string
	m    map[string]bool
}

func (o *Other) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if slices.Contains(o.crds, req.Namespace) {
		o.m[req.Name] = true // want `map Other.m grows per reconcile`
	}
	return reconcile.Result{}, nil
}

// Grows reports the state it grows for every name, checked or not.
type Grows struct {
	names []string
	m     map[string]bool
}

func (g *Grows) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if _, ok := g.m[req.Name]; ok {
		return reconcile.Result{}, nil
	}
	g.m[req.Name] = true // want `map Grows.m grows per reconcile`
	return reconcile.Result{}, nil
}
