package allowlist

// From a review: lists that are not fixed bound nothing.

import (
	"context"
	"slices"
	"sync"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// A1: the key was found in another per-object map, which is cleaned on
// delete; the grown map is not.
type A1 struct {
	client.Client
	mu       sync.Mutex
	objs     map[string]string
	lastSync map[string]int
}

func (r *A1) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var pod corev1.Pod
	if err := r.Get(ctx, req.NamespacedName, &pod); err != nil {
		if apierrors.IsNotFound(err) {
			r.mu.Lock()
			delete(r.objs, req.Name)
			r.mu.Unlock()
		}
		return reconcile.Result{}, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.objs[req.Name] = pod.Spec.NodeName
	if _, ok := r.objs[req.Name]; ok {
		r.lastSync[req.Name]++ // want `map A1.lastSync grows per reconcile`
	}
	return reconcile.Result{}, nil
}

// A2: the list is the event's own (the object's spec), not a configured one.
type A2 struct {
	client.Client
	owners map[string]string
}

func (r *A2) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var pod corev1.Pod
	if err := r.Get(ctx, req.NamespacedName, &pod); err != nil {
		return reconcile.Result{}, err
	}
	var names []string
	for _, v := range pod.Spec.InitContainers {
		names = append(names, v.Name)
	}
	for _, c := range pod.Spec.Containers {
		if slices.Contains(names, c.Name) {
			r.owners[c.Name] = req.Name // want `map A2.owners grows per reconcile`
		}
	}
	return reconcile.Result{}, nil
}

// A3: the list itself grows per event.
type A3 struct {
	known []string
	ready map[string]bool
}

func (r *A3) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if !slices.Contains(r.known, req.Name) {
		r.known = append(r.known, req.Name) // a known miss: an append guarded by a membership test of the same list
	}
	if slices.Contains(r.known, req.Name) {
		r.ready[req.Name] = true // want `map A3.ready grows per reconcile`
	}
	return reconcile.Result{}, nil
}
