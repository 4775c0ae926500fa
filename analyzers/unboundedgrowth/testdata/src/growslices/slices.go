package growslices // want package:"releases\\(growslices.ring.samples\\)"

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type history struct {
	samples []time.Time
}

func (h *history) record() {
	h.samples = append(h.samples, time.Now())
}

func (h *history) Run(ctx context.Context) {
	wait.UntilWithContext(ctx, func(ctx context.Context) {
		h.samples = append(h.samples, time.Now()) // want `slice history.samples grows per tick without bound: a function literal in history.Run appends to it \(wait.UntilWithContext calls it once per period\), and no code in sight truncates, trims or replaces it; cap it`
	}, time.Second)
}

// ring trims its samples: bounded.
type ring struct {
	samples []time.Time
}

func (r *ring) Run(ctx context.Context) {
	wait.UntilWithContext(ctx, func(ctx context.Context) {
		r.samples = append(r.samples, time.Now()) // ok: trimmed below
		if len(r.samples) > 100 {
			r.samples = r.samples[1:]
		}
	}, time.Second)
}

// events keeps every request it reconciled.
type events struct {
	seen []reconcile.Request
}

func (e *events) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	e.seen = append(e.seen, req) // want `slice events.seen grows per reconcile`
	return reconcile.Result{}, nil
}

// perCall appends per call of a setup function only.
type registry struct {
	names []string
}

func (r *registry) Add(name string) { // want Add:"grows\\(registry.names\\)"
	r.names = append(r.names, name) // ok: per call
}
