package capturedparam // want package:"releases\\(capturedparam.Released.timers\\)"

// A helper between Reconcile and the growth whose
// parameters a function literal captures (a retry loop's closure, a
// deferred recover). Go keeps such a parameter in a heap cell and reads it
// back from there; the receiver and a struct parameter
// held that way are still the caller's arguments. The shape of
// keikoproj/active-monitor's processOrRecoverHealthCheck, whose retry
// closure captured the reconciler on the way to its timer map.

import (
	"context"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

func retryOnConflict(fn func() error) error { return fn() }

type Reconciler struct {
	client.Client
	timers  map[string]*time.Timer
	lastRun map[string]time.Time
}

// Reconcile -> processOrRecover (captures r) -> schedule (grows timers).
func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return r.processOrRecover(ctx, req) // want `map Reconciler.timers grows per reconcile without bound: Reconciler.Reconcile through Reconciler.schedule adds a key` `map Reconciler.lastRun grows per reconcile without bound`
}

func (r *Reconciler) processOrRecover(ctx context.Context, req reconcile.Request) (res reconcile.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = context.Canceled
		}
	}()
	err = retryOnConflict(func() error {
		return r.Get(ctx, req.NamespacedName, nil)
	})
	r.schedule(req.Name)
	stamp(*r, req.Name)
	return res, err
}

func (r *Reconciler) schedule(name string) {
	r.timers[name] = time.AfterFunc(time.Minute, func() {})
}

// stamp takes the reconciler by value; a closure captures it.
func stamp(r Reconciler, name string) {
	defer func() { _ = r.Client }()
	r.lastRun[name] = time.Now()
}

// Released: the same path, with a delete on NotFound.
type Released struct {
	client.Client
	timers map[string]*time.Timer
}

func (r *Released) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	err := retryOnConflict(func() error {
		return r.Get(ctx, req.NamespacedName, nil)
	})
	if apierrors.IsNotFound(err) {
		delete(r.timers, req.Name)
		return reconcile.Result{}, nil
	}
	r.schedule(req.Name)
	return reconcile.Result{}, err
}

func (r *Released) schedule(name string) {
	defer func() { _ = r }()
	r.timers[name] = time.AfterFunc(time.Minute, func() {})
}

// tally is made per reconcile and handed to a helper whose closure
// captures it: it dies with the reconcile.
type tally struct{ counts map[string]int }

type Counter struct{ client.Client }

func (c *Counter) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	t := &tally{counts: make(map[string]int)}
	count(t, req.Name)
	return reconcile.Result{}, nil
}

func count(t *tally, name string) {
	defer func() { _ = t }()
	t.counts[name]++
}
