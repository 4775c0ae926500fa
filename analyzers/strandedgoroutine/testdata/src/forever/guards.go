package forever

import (
	"context"
	"runtime"
	"sync/atomic"
	"time"

	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Goroutines started once per object, behind a check of kept state, and
// other ways out: silent. (From a review's probes.)

type watcher struct{ p Poller }

func (w *watcher) run(ctx context.Context) { w.p.poll(ctx, "w") }

// Lazy starts its watcher on first use.
type Lazy struct{ w *watcher }

func (r *Lazy) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if r.w == nil {
		r.w = &watcher{}
		go r.w.run(context.Background()) // ok: once, on first use
	}
	return reconcile.Result{}, nil
}

// Swapped starts it once, with a compare-and-swap.
type Swapped struct {
	started atomic.Bool
	p       Poller
}

func (r *Swapped) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if r.started.CompareAndSwap(false, true) {
		go r.p.poll(context.Background(), "all") // ok: once
	}
	return reconcile.Result{}, nil
}

// ByCaller's caller checks a map before it calls the starter.
type ByCaller struct {
	pollers map[string]struct{}
	p       Poller
}

func (r *ByCaller) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if _, ok := r.pollers[req.Name]; !ok {
		r.pollers[req.Name] = struct{}{}
		r.startPoller(req.Name)
	}
	return reconcile.Result{}, nil
}

func (r *ByCaller) startPoller(name string) {
	go r.p.poll(context.Background(), name) // ok: every call is behind the map check
}

// registry keeps what is running.
type registry struct{ m map[string]*watcher }

func (g *registry) Has(k string) bool { _, ok := g.m[k]; return ok }

func (g *registry) Add(k string, w *watcher) { g.m[k] = w }

// Registered checks a registry type of its own.
type Registered struct{ reg *registry }

func (r *Registered) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if r.reg.Has(req.Name) {
		return reconcile.Result{}, nil
	}
	w := &watcher{}
	r.reg.Add(req.Name, w)
	go w.run(context.Background()) // ok: once per name, kept in the registry
	return reconcile.Result{}, nil
}

// Factory hands the start to a get-or-create helper.
type Factory struct{ cache map[string]*watcher }

func (r *Factory) getOrCreate(k string, mk func() *watcher) *watcher {
	if w, ok := r.cache[k]; ok {
		return w
	}
	w := mk()
	r.cache[k] = w
	return w
}

func (r *Factory) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.getOrCreate(req.Name, func() *watcher {
		w := &watcher{}
		go w.run(context.Background()) // ok: the helper decides how often
		return w
	})
	return reconcile.Result{}, nil
}

// Token takes a token with a non-blocking select.
type Token struct {
	token chan struct{}
	p     Poller
}

func (r *Token) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	select {
	case r.token <- struct{}{}:
		go r.p.poll(context.Background(), "one") // ok: only while a token is free
	default:
	}
	return reconcile.Result{}, nil
}

// Goexit ends its goroutine when the channel closes.
type Goexit struct{ events chan string }

func (r *Goexit) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	bg := context.Background()
	go func() { // ok: runtime.Goexit ends it
		for {
			select {
			case <-bg.Done():
				return
			case _, ok := <-r.events:
				if !ok {
					runtime.Goexit()
				}
			}
		}
	}()
	return reconcile.Result{}, nil
}

// Replaced puts a timeout on the captured context inside the goroutine.
type Replaced struct{}

func (r *Replaced) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	bctx := context.Background()
	var cancel context.CancelFunc
	go func() { // ok: the goroutine gives the context a deadline
		bctx, cancel = context.WithTimeout(bctx, time.Minute)
		defer cancel()
		<-bctx.Done()
	}()
	return reconcile.Result{}, nil
}

// Still reported: unrelated maps and flags do not guard the start.

type opts struct{ Force bool }

func use(o *opts, labels map[string]string) {}

// Labelled builds a label map and an options struct, then starts a poller.
type Labelled struct{ p Poller }

func (r *Labelled) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	use(&opts{Force: true}, map[string]string{"app": req.Name})
	go r.p.poll(context.Background(), req.Name) // want `goroutine started per reconcile never returns`
	return reconcile.Result{}, nil
}

// HandlerSetup marks its setup in a map; the handler it registers starts
// a poller per event.
type HandlerSetup struct {
	handlers map[string]bool
	p        Poller
}

func (c *HandlerSetup) Setup(inf cache.SharedIndexInformer) {
	c.handlers["x"] = true
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			go c.p.poll(context.Background(), "x") // want `goroutine started per event never returns`
		},
	})
}

// Waited has an empty Done case and a timer case: both reach the end.
type Waited struct{}

func (r *Waited) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	bg := context.Background()
	go func() { // ok: the timer case returns
		select {
		case <-bg.Done():
		case <-time.After(time.Minute):
		}
	}()
	return reconcile.Result{}, nil
}

// Generic starts a generic poller per reconcile: followed through the
// instance.
type Generic struct{}

func pollAll[T any](ctx context.Context, items []T) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func (r *Generic) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	go pollAll(context.Background(), []string{req.Name}) // want `goroutine started per reconcile never returns`
	return reconcile.Result{}, nil
}
