package main

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/util/workqueue"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type server struct{ cache map[string]int }

// newServer is a constructor main calls once.
func newServer() *server { return &server{cache: map[string]int{}} }

func setup() {}

// shared is called by main and by an event handler.
func shared() {}

// helper is called only from the handler type's OnAdd.
func helper() {}

type handlerType struct{}

func (handlerType) OnAdd(obj interface{}, isInInitialList bool) { helper() }
func (h handlerType) OnUpdate(oldObj, newObj interface{})       { h.lazyInit() }
func (handlerType) OnDelete(obj interface{})                    { shared() }

type reconciler struct{}

func (r *reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.sync()
	return reconcile.Result{}, nil
}

func (r *reconciler) sync() {}

type pred struct{}

func (pred) Create(e event.CreateEvent) bool { return true }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.serve() }

func (s *server) serve() {}

func tick() {}

func poll(ctx context.Context) (bool, error) { return true, nil }

func process(item any) {}

func worker(q workqueue.Interface) {
	for {
		item, shutdown := q.Get()
		if shutdown {
			return
		}
		process(item)
	}
}

// processOne takes one item; drainQueue calls it in a loop, the shape
// of client-go's sample controller (for c.processNextWorkItem() {}).
func processOne(q workqueue.Interface) bool {
	item, shutdown := q.Get()
	if shutdown {
		return false
	}
	handled(item)
	return true
}

func handled(item any) {}

func drainQueue(q workqueue.Interface) {
	for processOne(q) {
	}
}

func onTick() {}

func tickerLoop(ctx context.Context) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-t.C:
			onTick()
		case <-ctx.Done():
			return
		}
	}
}

func reload() {}

func watchFile(w *fsnotify.Watcher) {
	for ev := range w.Events {
		_ = ev
		reload()
	}
}

func onWatchEvent(ev watch.Event) {}

// watchObjects ranges over a watch's result channel: its body runs per
// change of a watched object.
func watchObjects(w watch.Interface) {
	for ev := range w.ResultChan() {
		onWatchEvent(ev)
	}
}

func slept() {}

// sleepLoop polls for ever, sleeping between rounds: per tick.
func sleepLoop() {
	for {
		slept()
		time.Sleep(time.Second)
	}
}

func retried() {}

// retry tries a fixed number of times, sleeping between rounds: bounded.
func retry(n int) {
	for i := 0; i < n; i++ {
		retried()
		time.Sleep(time.Second)
	}
}

func mapFn(ctx context.Context, obj client.Object) []reconcile.Request { return nil }

func handle(w http.ResponseWriter, r *http.Request) {}

// gather fans results in from one goroutine per name into a channel it
// makes, and a goroutine closes it once they are done: the loop over it
// ends with the names, it is not a long-running loop.
func gather(names []string) {
	results := make(chan string)
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- n
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		gathered(r)
	}
}

func gathered(string) {}

// gatherArg is gather with the channel handed to the producer as an
// argument, closed there.
func gatherArg(names []string) {
	out := make(chan string, len(names))
	go func(out chan<- string) {
		defer close(out)
		for _, n := range names {
			out <- n
		}
	}(out)
	for r := range out {
		gatheredArg(r)
	}
}

func gatheredArg(string) {}

// relay forwards a stream for ever into a channel it makes and closes at
// the very end: each message is an iteration of a long-running loop.
func relay(ctx context.Context, in <-chan string) {
	out := make(chan string)
	go func() {
		defer close(out)
		for {
			select {
			case s := <-in:
				out <- s
			case <-ctx.Done():
				return
			}
		}
	}()
	for s := range out {
		relayed(s)
	}
}

func relayed(string) {}

// stream is a source of messages that ends with an error.
type stream interface{ Recv() (string, error) }

// relayStream forwards a stream into a channel it closes when the stream
// ends: the loop has a way out and receives from no channel, yet runs as
// long as the stream does.
func relayStream(s stream) {
	out := make(chan string)
	go func() {
		defer close(out)
		for {
			m, err := s.Recv()
			if err != nil {
				return
			}
			out <- m
		}
	}()
	for m := range out {
		streamed(m)
	}
}

func streamed(string) {}

// pool fans jobs out to workers and their results in: both channels end
// with the names.
func pool(names []string) {
	jobs := make(chan string)
	results := make(chan string)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j
			}
		}()
	}
	go func() {
		for _, n := range names {
			jobs <- n
		}
		close(jobs)
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		pooled(r)
	}
}

func pooled(string) {}

func main() {
	s := newServer()
	gather(nil)
	gatherArg(nil)
	go relay(context.Background(), nil)
	go relayStream(nil)
	pool(nil)
	setup()
	shared()
	var inf cache.SharedIndexInformer
	inf.AddEventHandler(handlerType{})
	inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) { // per event
			shared()
		},
	})
	_ = predicate.Funcs{UpdateFunc: func(e event.UpdateEvent) bool { return true }}
	_ = handler.Funcs{}
	go wait.Until(tick, time.Second, nil)
	_ = wait.PollUntilContextTimeout(context.Background(), time.Second, time.Minute, true, poll)
	go worker(nil)
	go drainQueue(nil)
	go tickerLoop(context.Background())
	go watchFile(nil)
	go watchObjects(nil)
	go sleepLoop()
	retry(3)
	http.Handle("/", s)
	http.HandleFunc("/x", handle)
	_ = &reconciler{}
	_ = pred{}
	_ = handler.EnqueueRequestsFromMapFunc(mapFn)
	hooks.onStop = func() {} // handed on: also per call
	keep(func() {})          // a helper of this package calls it in place
}

// hooks holds functions that code we cannot see may call at any time.
var hooks struct{ onStop func() }

// setupOnce is a package-level once: what it runs runs once per process,
// even from a handler.
var setupOnce sync.Once

func keep(f func()) { f() }

// lazyInit runs per event and sets up once.
func (handlerType) lazyInit() {
	setupOnce.Do(func() {})
}

// init runs once per process (SSA calls it init#1), and so does what
// only it calls.
func init() { initHelper() }

func initHelper() {}
