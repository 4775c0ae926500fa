// Package collector holds a tally made per reconcile and filled by a
// helper that drains a channel: the helper's loop runs per message, but
// the tally it fills dies with the reconcile, so it is not long-lived
// state. The same helper on a tally the reconciler keeps, or on one that
// main makes once for a loop that runs for ever, grows without bound.
package collector

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type result struct{ node string }

type tally struct {
	byNode map[string]int
}

func newTally() *tally { return &tally{byNode: map[string]int{}} }

// drain counts the results until the channel closes.
func (t *tally) drain(ch <-chan result) {
	for r := range ch {
		t.byNode[r.node]++ // ok: every caller makes its tally per reconcile
	}
}

type Reconciler struct {
	client.Client
	list func(ctx context.Context, ns string, out chan<- result)
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	ch := make(chan result)
	go r.list(ctx, req.Namespace, ch)
	t := newTally()
	t.drain(ch)
	u := &tally{byNode: map[string]int{}}
	u.drain(ch)
	return reconcile.Result{RequeueAfter: 0}, nil
}

// kept is the same shape on a tally that lives as long as the
// reconciler.
type keptTally struct {
	byNode map[string]int
}

func (t *keptTally) drain(ch <-chan result) {
	for r := range ch {
		t.byNode[r.node]++ // want `map keptTally.byNode grows per reconcile without bound`
	}
}

type KeptReconciler struct {
	client.Client
	tally *keptTally
	list  func(ctx context.Context, ns string, out chan<- result)
}

func (r *KeptReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	ch := make(chan result)
	go r.list(ctx, req.Namespace, ch)
	r.tally.drain(ch)
	return reconcile.Result{}, nil
}

// watch is made once by main, and its loop runs for ever.
type watch struct {
	byNode map[string]int
}

func (w *watch) run(events <-chan result) {
	for ev := range events {
		w.byNode[ev.node]++ // want `map watch.byNode grows per loop iteration without bound`
	}
}

func Main(events <-chan result) {
	w := &watch{byNode: map[string]int{}}
	w.run(events)
}
