package growmaps

import (
	"context"

	"k8s.io/apimachinery/pkg/types"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Marks updates entries that other code adds (kubemark's nodesToDelete
// and nodeGroupQueueSize): a write under a check that finds the key, or a
// decrement of a count, adds nothing.
type Marks struct {
	marked  map[types.NamespacedName]bool
	pending map[types.NamespacedName]int
	present map[types.NamespacedName]string
	seen    map[types.NamespacedName]bool
}

func (r *Marks) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if r.marked[req.NamespacedName] {
		r.marked[req.NamespacedName] = false // ok: the key is there
	}
	r.pending[req.NamespacedName]-- // ok: a count of something added before
	if _, ok := r.present[req.NamespacedName]; ok {
		r.present[req.NamespacedName] = "updated" // ok: the key is there
	}
	if !r.seen[req.NamespacedName] {
		r.seen[req.NamespacedName] = true // want `map Marks.seen grows per reconcile without bound`
	}
	return reconcile.Result{}, nil
}
