package rebuiltindex // want package:"releases\\(rebuiltindex.R.index\\)"

// Package rebuiltindex: a map grown per reconcile and rebuilt from scratch
// every minute by a method whose name looks like a constructor's
// (buildIndex): code that runs again and again replaces the map, so the
// store is a reset, whatever the name.

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type R struct{ index map[string]int }

func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.index[req.Name]++ // ok: buildIndex replaces the map every minute
	return reconcile.Result{}, nil
}

func (r *R) buildIndex() {
	r.index = make(map[string]int)
}

func (r *R) Start(ctx context.Context) error {
	wait.UntilWithContext(ctx, func(ctx context.Context) { r.buildIndex() }, time.Minute)
	return nil
}

// Never is the same reconciler whose buildIndex runs only from a
// constructor: nothing resets the map after that.
type Never struct{ index map[string]int }

func NewNever() *Never {
	n := &Never{}
	n.buildIndex()
	return n
}

func (n *Never) buildIndex() {
	n.index = make(map[string]int)
}

func (n *Never) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	n.index[req.Name]++ // want `map Never.index grows`
	return reconcile.Result{}, nil
}
