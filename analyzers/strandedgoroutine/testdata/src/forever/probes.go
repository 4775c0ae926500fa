package forever

import (
	"context"
	"errors"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Ordinary checks before the start do not make it once per object: all
// reported. (From a review's probes.)

var errNotReady = errors.New("not ready")

type config struct{ Feature bool }

// Checks has the checks real reconcilers have.
type Checks struct {
	Log    func(string)
	items  []string
	Config config
	p      Poller
}

func (r *Checks) enabled() bool { return r.Config.Feature }

func (r *Checks) withRetry(f func()) { f() }

func check() error { return nil }

func (r *Checks) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if r.Log != nil {
		r.Log("reconciling")
	}
	if len(r.items) > 0 {
		r.Log("items")
	}
	for _, it := range r.items {
		_ = it
	}
	if err := check(); errors.Is(err, errNotReady) {
		return reconcile.Result{}, nil
	}
	if ctx.Value("skip") != nil {
		return reconcile.Result{}, nil
	}
	go r.p.poll(context.Background(), req.Name) // want `goroutine started per reconcile never returns`
	return reconcile.Result{}, nil
}

// Flagged starts one per reconcile while a feature flag is on.
type Flagged struct{ Checks }

func (r *Flagged) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if r.Config.Feature {
		go r.p.poll(context.Background(), req.Name) // want `goroutine started per reconcile never returns`
	}
	if r.enabled() {
		go r.p.poll(context.Background(), req.Name) // want `goroutine started per reconcile never returns`
	}
	labels := map[string]string{"poll": "true"}
	if labels["poll"] == "true" {
		go r.p.poll(context.Background(), req.Name) // want `goroutine started per reconcile never returns`
	}
	r.withRetry(func() {
		go r.p.poll(context.Background(), req.Name) // want `goroutine started per reconcile never returns`
	})
	return reconcile.Result{}, nil
}

// Counter's goroutine counts in a literal of its own: the context stays
// dead.
type Counter struct{}

func (r *Counter) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	bg := context.Background()
	go func() { // want `goroutine started per reconcile never returns`
		n := 0
		bump := func() { n++ }
		for {
			select {
			case <-bg.Done():
				return
			default:
				bump()
			}
		}
	}()
	return reconcile.Result{}, nil
}

// TwoUp checks a map two calls above the start: silent.
type TwoUp struct {
	seen map[string]bool
	p    Poller
}

func (r *TwoUp) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if !r.seen[req.Name] {
		r.seen[req.Name] = true
		r.ensure(req.Name)
	}
	return reconcile.Result{}, nil
}

func (r *TwoUp) ensure(name string) { r.start(name) }

func (r *TwoUp) start(name string) {
	go r.p.poll(context.Background(), name) // ok: every call is behind the map check, two calls up
}
