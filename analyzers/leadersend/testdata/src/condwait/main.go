// Command condwait waits on sync.Conds, in code that runs on every
// replica, that only the leader's code wakes.
package main

import (
	"context"
	"sync"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// loader loads on the leader only and broadcasts when it is done.
type loader struct {
	mu     sync.Mutex
	loaded bool
	ready  *sync.Cond // woken on the leader only
	both   *sync.Cond // woken in main too
	given  *sync.Cond // handed to code we do not read
}

func (l *loader) NeedLeaderElection() bool { return true }

func (l *loader) Start(ctx context.Context) error {
	l.mu.Lock()
	l.loaded = true
	l.mu.Unlock()
	l.ready.Broadcast()
	l.both.Broadcast()
	l.given.Broadcast()
	<-ctx.Done()
	return nil
}

type handler struct{ l *loader }

func (h *handler) OnAdd(obj any, _ bool) {
	h.l.mu.Lock()
	for !h.l.loaded {
		h.l.ready.Wait() // want `Cond.Wait in handler.OnAdd can wait for ever: it runs in an informer event handler on every replica, but every Signal or Broadcast, in loader.Start, runs only on the leader`
	}
	h.l.mu.Unlock()
}

func (h *handler) OnUpdate(_, obj any) {
	h.l.mu.Lock()
	for !h.l.loaded {
		h.l.both.Wait()  // ok: woken on every replica too
		h.l.given.Wait() // ok: the Cond is handed on
	}
	h.l.mu.Unlock()
}

func (h *handler) OnDelete(obj any) {}

type rec struct{ l *loader }

func (r *rec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.l.mu.Lock()
	for !r.l.loaded {
		r.l.ready.Wait() // want `Cond.Wait in rec.Reconcile waits for ever on standby replicas: it runs in a reconciler on every replica, once per request`
	}
	r.l.mu.Unlock()
	return reconcile.Result{}, nil
}

func keep(c *sync.Cond) {}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	l := &loader{}
	l.ready = sync.NewCond(&l.mu)
	l.both = sync.NewCond(&l.mu)
	l.given = sync.NewCond(&l.mu)
	keep(l.given)
	l.both.Broadcast()
	_ = mgr.Add(l)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	var h cache.ResourceEventHandler = &handler{l: l}
	_, _ = inf.AddEventHandler(h)
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).
		Complete(&rec{l: l})
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
