// Command recvwait waits, in code that runs on every replica, for
// channels that only the leader releases: an informer event handler
// waits for a readiness channel that a leader-only runnable closes, a
// reconciler without leader election for a value the leader sends.
package main

import (
	"context"
	"time"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// syncer closes ready and sends tokens, on the leader only.
type syncer struct {
	ready  chan struct{}
	tokens chan string
	both   chan struct{} // also closed on every replica
	lost   chan struct{} // also closed where we cannot tell
}

func (s *syncer) NeedLeaderElection() bool { return true }

func (s *syncer) Start(ctx context.Context) error {
	close(s.ready)
	close(s.both)
	close(s.lost)
	for {
		select {
		case s.tokens <- "t":
		case <-ctx.Done():
			return nil
		}
	}
}

// Unused is called from another package, or not at all: unknown.
func (s *syncer) Unused() { close(s.lost) }

type handler struct{ s *syncer }

func (h *handler) OnAdd(obj any, _ bool) {
	<-h.s.ready // want `receive in handler.OnAdd can wait for ever: it runs in an informer event handler on every replica, but the channel's closer, syncer.Start, runs only on the leader; on standby replicas the handler blocks for ever`
}

func (h *handler) OnUpdate(_, obj any) {
	select {
	case <-h.s.ready: // ok: the timer fires
	case <-time.After(time.Second):
	}
	<-h.s.both // ok: released on every replica too
	<-h.s.lost // ok: one release we cannot place
}

func (h *handler) OnDelete(obj any) {
	select {
	case <-h.s.ready: // want `receive in handler.OnDelete can wait for ever`
	case <-context.Background().Done():
	}
	select {
	case <-h.s.ready: // ok: non-blocking
	default:
	}
}

// request asks the leader's worker for an answer.
type request struct{ reply chan string }

// worker answers requests on the leader only.
type worker struct{ reqs chan *request }

func (w *worker) NeedLeaderElection() bool { return true }

func (w *worker) Start(ctx context.Context) error {
	for r := range w.reqs {
		r.reply <- "answer"
	}
	return nil
}

type asker struct{ w *worker }

func (a *asker) OnAdd(obj any, _ bool) {
	r := &request{reply: make(chan string)}
	select {
	case a.w.reqs <- r:
	default:
		return // nobody answers on a standby
	}
	<-r.reply // ok: reached only once the leader took the request
}
func (a *asker) OnUpdate(_, obj any) {
	r := &request{reply: make(chan string)}
	a.submit(r)
	<-r.reply // ok: the send in submit is reported, and blocks first
}

// submit hands a request to the leader's worker.
func (a *asker) submit(r *request) {
	a.w.reqs <- r // want `send in asker.submit`
}
func (a *asker) OnDelete(obj any) {}

type rec struct{ s *syncer }

func (r *rec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	t := <-r.s.tokens // want `receive in rec.Reconcile waits for ever on standby replicas: it runs in a reconciler on every replica, once per request, but the channel's sender, syncer.Start, runs only on the leader`
	_ = t
	return reconcile.Result{}, nil
}

type leaderRec struct{ s *syncer }

func (r *leaderRec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	t := <-r.s.tokens // ok: leader-elected
	_ = t
	return reconcile.Result{}, nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	s := &syncer{ready: make(chan struct{}), tokens: make(chan string), both: make(chan struct{}), lost: make(chan struct{})}
	_ = mgr.Add(s)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	var h cache.ResourceEventHandler = &handler{s: s}
	_, _ = inf.AddEventHandler(h)
	w := &worker{reqs: make(chan *request)}
	_ = mgr.Add(w)
	var ah cache.ResourceEventHandler = &asker{w: w}
	_, _ = inf.AddEventHandler(ah)
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).
		Complete(&rec{s: s})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Service{}).Complete(&leaderRec{s: s})
	go func() {
		<-s.ready // ok: one goroutine that waits to lead
	}()
	go close(s.both)
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
