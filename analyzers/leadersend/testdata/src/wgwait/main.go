// Command wgwait waits on sync.WaitGroups, in code that runs on every
// replica, that only the leader's code releases.
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

// loader loads on the leader only and marks its groups done.
type loader struct {
	loaded   sync.WaitGroup // added to in main, done on the leader
	own      sync.WaitGroup // added to and done on the leader only
	both     sync.WaitGroup // done in main too
	gone     sync.WaitGroup // done through a pointer handed on
	shared   *sync.WaitGroup
	launched sync.WaitGroup // released by Go
	minus    sync.WaitGroup // released by Add(-1) in main
	counted  sync.WaitGroup // released by an Add of a count we cannot read
}

func (l *loader) NeedLeaderElection() bool { return true }

func (l *loader) Start(ctx context.Context) error {
	l.loaded.Done()
	l.own.Add(1)
	defer l.own.Done()
	l.both.Done()
	l.gone.Done()
	l.shared.Done()
	l.minus.Done()
	l.counted.Done()
	<-ctx.Done()
	return nil
}

func release(wg *sync.WaitGroup) { wg.Done() }

func delta() int { return -1 }

type handler struct{ l *loader }

func (h *handler) OnAdd(obj any, _ bool) {
	h.l.loaded.Wait() // want `WaitGroup.Wait in handler.OnAdd can wait for ever: it runs in an informer event handler on every replica, where the group is added to, but its only Done, in loader.Start, runs only on the leader`
}

func (h *handler) OnUpdate(_, obj any) {
	h.l.own.Wait()      // ok: on standbys nothing is added, Wait returns at once
	h.l.both.Wait()     // ok: released on every replica too
	h.l.gone.Wait()     // ok: its address is handed on
	h.l.shared.Wait()   // ok: a pointer we do not follow
	h.l.launched.Wait() // ok: Go releases where it runs
	h.l.minus.Wait()    // ok: Add(-1) releases on every replica
	h.l.counted.Wait()  // ok: an Add of any count may release
}

func (h *handler) OnDelete(obj any) {}

type rec struct{ l *loader }

func (r *rec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.l.loaded.Wait() // want `WaitGroup.Wait in rec.Reconcile waits for ever on standby replicas: it runs in a reconciler on every replica, once per request`
	return reconcile.Result{}, nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	l := &loader{shared: new(sync.WaitGroup)}
	l.loaded.Add(1)
	l.both.Add(1)
	l.gone.Add(1)
	l.shared.Add(1)
	l.minus.Add(1)
	l.counted.Add(2)
	l.launched.Go(func() {})
	l.minus.Add(-1)
	l.counted.Add(delta())
	release(&l.gone)
	go l.both.Done()
	_ = mgr.Add(l)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	var h cache.ResourceEventHandler = &handler{l: l}
	_, _ = inf.AddEventHandler(h)
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).
		Complete(&rec{l: l})
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
