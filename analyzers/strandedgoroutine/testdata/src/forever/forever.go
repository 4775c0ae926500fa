// Package forever: goroutines started per event, per reconcile or per
// request whose only way out is a context that is never done.
package forever

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/go-logr/logr"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/log"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Poller starts a poller per reconcile on a background context.
type Poller struct {
	client.Client
}

func (r *Poller) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	go r.poll(context.Background(), req.Name) // want `goroutine started per reconcile never returns: its only way out is context.Background\(\) being done, which it never is before the process stops; one more goroutine runs for ever each time \(Poller.Reconcile runs per reconcile\)`
	return reconcile.Result{}, nil
}

func (r *Poller) poll(ctx context.Context, name string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			_ = name
		}
	}
}

// Until runs wait.Until on wait.NeverStop in a goroutine per event.
func Until(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			go func() { // want `goroutine started per event never returns: its only way out is wait.NeverStop \(given to wait.Until\) being done`
				wait.Until(func() { _ = obj }, time.Second, wait.NeverStop)
			}()
		},
	})
}

// Direct starts wait.UntilWithContext itself, per reconcile.
type Direct struct{}

func (d *Direct) sync(ctx context.Context) {}

func (d *Direct) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	go wait.UntilWithContext(context.TODO(), d.sync, time.Minute) // want `its only way out is context.TODO\(\) \(given to wait.UntilWithContext\) being done`
	go wait.Forever(func() {}, time.Minute)                       // want `goroutine started per reconcile never returns: wait.Forever never stops; one more goroutine runs for ever each time \(Direct.Reconcile runs per reconcile\); use wait.Until with a stop channel closed when its work is over`
	return reconcile.Result{}, nil
}

// Served checks ctx.Err() in a sleeping loop, per request.
func Served(w http.ResponseWriter, req *http.Request) {
	ctx := context.Background()
	go func() { // want `goroutine started per request never returns`
		for {
			if ctx.Err() != nil {
				return
			}
			time.Sleep(time.Second)
		}
	}()
}

// Nested hands a logger context of a background one to a helper that
// loops in another helper.
type Nested struct{ log logr.Logger }

func (n *Nested) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	bg := log.IntoContext(context.Background(), n.log)
	go n.run(bg) // want `goroutine started per reconcile never returns`
	return reconcile.Result{}, nil
}

func (n *Nested) run(ctx context.Context) {
	n.loop(ctx)
}

func (n *Nested) loop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

// Cleanup waits for a context without cancel to end, per reconcile.
type Cleanup struct{}

func (c *Cleanup) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	detached := context.WithoutCancel(ctx)
	go func() { // want `its only way out is context.WithoutCancel\(\) being done`
		<-detached.Done()
		_ = req
	}()
	return reconcile.Result{}, nil
}

// ReqCtx hands on the reconcile's own context: controller-runtime gives
// Reconcile its controller's context, done only when the manager stops.
type ReqCtx struct{ p Poller }

func (r *ReqCtx) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) { // no fact: it runs per reconcile, and its start is reported here
	go r.p.poll(ctx, req.Name) // want `goroutine started per reconcile never returns: its only way out is the reconciler's context being done, which controller-runtime does only when the manager stops, not when Reconcile returns`
	return reconcile.Result{}, nil
}

// Helped hands the reconcile's context to a helper that starts the
// goroutine.
type Helped struct{ p Poller }

func (r *Helped) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) { // no fact: it runs per reconcile
	r.ensure(log.IntoContext(ctx, logr.Logger{}), req.Name)
	return reconcile.Result{}, nil
}

func (r *Helped) ensure(ctx context.Context, name string) {
	go r.p.poll(ctx, name) // want `its only way out is the reconciler's context being done`
}

// Follower is a runnable whose Start follows each event in a goroutine of
// its own that lives as long as the manager.
type Follower struct {
	events chan string
	p      Poller
}

func (f *Follower) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	for ev := range f.events {
		go f.p.poll(ctx, ev) // ok: per loop iteration alone is not reported, and Follow, which feeds the loop, is called only by importers; a known false negative
	}
	return nil
}

// Follow queues an event.
func (f *Follower) Follow(ev string) { f.events <- ev }

// FedFollower's events come from an informer handler of the package: its
// loop runs per event.
type FedFollower struct {
	events chan string
	p      Poller
}

func (f *FedFollower) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	for ev := range f.events {
		go f.p.poll(ctx, ev) // want `goroutine started per event never returns: its only way out is the context Start is given being done, which happens only when the manager stops; .*\(a loop over events, which a function literal in FedFollower.register sends on per event\)`
	}
	return nil
}

func (f *FedFollower) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) { f.events <- "added" },
	})
}

// Watching starts a poller for each change a watch reports.
type Watching struct{ p Poller }

func (w *Watching) follow(wi watch.Interface) {
	for ev := range wi.ResultChan() {
		_ = ev
		go w.p.poll(context.Background(), "x") // want `goroutine started per event never returns: its only way out is context.Background\(\) being done, .*\(a loop over a watch's events in follow\)`
	}
}

// SelectFollower waits in a select, fed per event too.
type SelectFollower struct {
	events chan string
	p      Poller
}

func (f *SelectFollower) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	for {
		select {
		case ev := <-f.events:
			go f.p.poll(ctx, ev) // want `goroutine started per event never returns`
		case <-ctx.Done():
			return nil
		}
	}
}

func (f *SelectFollower) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		UpdateFunc: func(_, obj any) { f.events <- "updated" },
	})
}

// ListFollower is fed from a fixed list once: its loop is bounded.
type ListFollower struct {
	events chan string
	p      Poller
}

func (f *ListFollower) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	for ev := range f.events {
		go f.p.poll(ctx, ev) // ok: the senders run once
	}
	return nil
}

func (f *ListFollower) feed(names []string) {
	for _, n := range names {
		f.events <- n
	}
}

// PollFollower's goroutine per event ends when its own context does.
type PollFollower struct {
	events chan string
	p      Poller
}

func (f *PollFollower) Start(ctx context.Context) error {
	for ev := range f.events {
		tctx, cancel := context.WithTimeout(ctx, time.Minute)
		go func() {
			defer cancel()
			f.p.poll(tctx, ev) // ok: the context times out
		}()
	}
	return nil
}

func (f *PollFollower) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) { f.events <- "added" },
	})
}

// The silent ones.

// Bounded derives a context with a timeout from the reconcile's.
type Bounded struct{ p Poller }

func (r *Bounded) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	go func() {
		defer cancel()
		r.p.poll(tctx, req.Name) // ok: the context times out
	}()
	return reconcile.Result{}, nil
}

// Request is not controller-runtime's: its Reconcile's context is not
// known.
type Request struct{ Name string }

// OwnReconciler is not a controller-runtime reconciler.
type OwnReconciler struct{ p Poller }

func (r *OwnReconciler) Reconcile(ctx context.Context, req Request) error { // want Reconcile:"forever\\(param 0\\)"
	go r.p.poll(ctx, req.Name) // ok: not controller-runtime's Reconcile
	return nil
}

// Driven's Start is called by the package itself, with a context of its
// choosing.
type Driven struct {
	events chan string
	p      Poller
}

func (d *Driven) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	for ev := range d.events {
		go d.p.poll(ctx, ev) // ok: Start is called here with a context that may end
	}
	return nil
}

// Drive queues an event.
func (d *Driven) Drive(ev string) { d.events <- ev }

func drive(d *Driven) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_ = d.Start(ctx)
}

func main() {
	go (&Poller{}).poll(context.Background(), "once") // ok: main runs once
	http.HandleFunc("/", Served)
}

// Guarded starts one poller per name, and records it.
type Guarded struct {
	p       Poller
	pollers map[string]bool
}

func (r *Guarded) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if !r.pollers[req.Name] {
		r.pollers[req.Name] = true
		go r.p.poll(context.Background(), req.Name) // ok: once per name, recorded in a map
	}
	return reconcile.Result{}, nil
}

// OnceOnly starts it under a sync.Once.
type OnceOnly struct {
	p    Poller
	once sync.Once
}

func (r *OnceOnly) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.once.Do(func() {
		go r.p.poll(context.Background(), "all") // ok: once
	})
	return reconcile.Result{}, nil
}

// Stopped has another way out: its stop channel.
type Stopped struct {
	stop chan struct{}
}

func (s *Stopped) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	go s.watch(context.Background()) // ok: it also returns on s.stop
	return reconcile.Result{}, nil
}

func (s *Stopped) watch(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.stop:
			return
		}
	}
}

// Failing returns when its work fails.
type Failing struct{}

func (f *Failing) check() error { return errors.New("gone") }

func (f *Failing) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	go func() { // ok: it returns on an error
		ctx := context.Background()
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
				if err := f.check(); err != nil {
					return
				}
			}
		}
	}()
	return reconcile.Result{}, nil
}

// Timed runs on a context with a timeout: done by then.
type Timed struct{ p Poller }

func (t *Timed) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	tctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	go func() {
		defer cancel()
		t.p.poll(tctx, req.Name) // ok: the context times out
	}()
	return reconcile.Result{}, nil
}

// Ignoring never looks at its context: not this rule's report (the
// context is not its way out).
type Ignoring struct{}

func (i *Ignoring) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	go func(ctx context.Context) { // ok: the context is not consulted
		for {
			time.Sleep(time.Second)
		}
	}(context.Background())
	return reconcile.Result{}, nil
}

// Recovered has a deferred recover: a panic is not a way out.
type Recovered struct{ p Poller }

func (r *Recovered) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	go func() { // want `goroutine started per reconcile never returns`
		defer func() { _ = recover() }()
		r.p.poll(context.Background(), req.Name)
	}()
	return reconcile.Result{}, nil
}
