// Package closedkeys: a key made by converting the request's name to a
// named string type that has constants (type Key string; const NoKey Key
// = "") is still the request's name, here and through another package's
// helper; a value that is of an enum type already stays a closed set.
package closedkeys

import (
	"context"

	"example.com/keys"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Key string

const NoKey Key = ""

func keyOf(req reconcile.Request) string {
	return string(Key(req.Namespace + "/" + req.Name))
}

type Reconciler struct {
	seen   map[string]int
	remote map[string]int
	phases map[string]int
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.seen[keyOf(req)]++                      // want `map Reconciler.seen grows per reconcile without bound`
	r.remote[keys.KeyOf(req)]++               // want `map Reconciler.remote grows per reconcile without bound`
	r.phases[keys.PhaseLabel(keys.Pending)]++ // ok: a closed set
	return reconcile.Result{}, nil
}
