package main

import (
	"context"
	"net/http"
	"time"

	"github.com/fsnotify/fsnotify"
	"k8s.io/apimachinery/pkg/util/wait"
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
func (handlerType) OnUpdate(oldObj, newObj interface{})         {}
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

func mapFn(ctx context.Context, obj client.Object) []reconcile.Request { return nil }

func handle(w http.ResponseWriter, r *http.Request) {}

func main() {
	s := newServer()
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
	go tickerLoop(context.Background())
	go watchFile(nil)
	http.Handle("/", s)
	http.HandleFunc("/x", handle)
	_ = &reconciler{}
	_ = pred{}
	_ = handler.EnqueueRequestsFromMapFunc(mapFn)
}
