// Command ctxexit sends on every replica in selects whose other case is
// the Done channel of a context that is not done while the send waits:
// the context the manager gives a runnable's Start (done at shutdown),
// the per-event context controller-runtime gives an event handler or a
// map function (cancelled only after the call returns), a child of one
// whose cancel is only deferred, and what a private helper is given from
// there. The only receiver runs on the leader, so each send blocks for
// ever on a standby. Contexts with a deadline, or cancelled elsewhere, or
// handed in by callers we cannot see, are a way out.
package main

import (
	"context"
	"time"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/util/workqueue"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/event"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type hub struct {
	starts  chan string
	derived chan string
	helped  chan string
	events  chan string
	mapped  chan string
	timed   chan string
	early   chan string
	spawned chan string
	ready   chan struct{}
	later   chan string
	valued  chan string
	logged  chan string
}

type key struct{}

// consumer is the only receiver of every channel: leader-only.
type consumer struct{ h *hub }

func (c *consumer) NeedLeaderElection() bool { return true }

func (c *consumer) Start(ctx context.Context) error {
	for {
		select {
		case <-c.h.starts:
		case <-c.h.derived:
		case <-c.h.helped:
		case <-c.h.events:
		case <-c.h.mapped:
		case <-c.h.timed:
		case <-c.h.early:
		case <-c.h.spawned:
		case <-c.h.later:
		case <-c.h.valued:
		case <-c.h.logged:
		case <-ctx.Done():
			return nil
		default:
			close(c.h.ready)
		}
	}
}

// announcer runs on every replica.
type announcer struct{ h *hub }

func (a *announcer) NeedLeaderElection() bool { return false }

func (a *announcer) Start(ctx context.Context) error {
	select {
	case a.h.starts <- "up": // want `^send in announcer\.Start blocks for ever on standby replicas: .* the channel is unbuffered`
	case <-ctx.Done():
	}
	child, cancel := context.WithCancel(ctx)
	defer cancel()
	select {
	case a.h.derived <- "up": // want `^send in announcer\.Start blocks for ever on standby replicas: .* the channel is unbuffered`
	case <-child.Done():
	}
	a.tell(ctx)
	vctx := context.WithValue(ctx, key{}, 1)
	select {
	case a.h.valued <- "up": // want `^send in announcer\.Start blocks for ever on standby replicas`
	case <-vctx.Done():
	}
	lctx := ctrl.LoggerInto(ctx, ctrl.Log)
	select {
	case a.h.logged <- "up": // want `^send in announcer\.Start blocks for ever on standby replicas`
	case <-lctx.Done():
	}
	tctx, tcancel := context.WithTimeout(ctx, time.Second)
	defer tcancel()
	select {
	case a.h.timed <- "up": // ok: gives up after a second
	case <-tctx.Done():
	}
	early, ecancel := context.WithCancel(ctx)
	time.AfterFunc(time.Second, ecancel)
	select {
	case a.h.early <- "up": // ok: cancelled by a timer while the send waits
	case <-early.Done():
	}
	spawn, scancel := context.WithCancel(ctx)
	defer scancel()
	go func() {
		select {
		case a.h.spawned <- "up": // ok: Start may return and cancel spawn first
		case <-spawn.Done():
		}
	}()
	select {
	case <-a.h.ready: // ok: the runnable waits once for the leader, then goes on
	case <-ctx.Done():
	}
	<-ctx.Done()
	return nil
}

// tell is only called from Start, with the manager's context.
func (a *announcer) tell(ctx context.Context) {
	select {
	case a.h.helped <- "up": // want `^send in announcer\.tell blocks for ever on standby replicas`
	case <-ctx.Done():
	}
}

// Tell is exported: its callers may pass a context with a deadline.
func Tell(ctx context.Context, ch chan string) {
	select {
	case ch <- "up": // ok: the context comes from callers we cannot see
	case <-ctx.Done():
	}
}

type rec struct{}

func (r *rec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	h := &hub{starts: make(chan string), derived: make(chan string), helped: make(chan string), events: make(chan string),
		mapped: make(chan string), timed: make(chan string), early: make(chan string), spawned: make(chan string), ready: make(chan struct{}), later: make(chan string), valued: make(chan string), logged: make(chan string)}
	_ = mgr.Add(&consumer{h: h})
	_ = mgr.Add(&announcer{h: h})
	_ = ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).
		Watches(&core_v1.ConfigMap{}, handler.Funcs{
			CreateFunc: func(ctx context.Context, e event.CreateEvent, q workqueue.TypedRateLimitingInterface[reconcile.Request]) {
				go func() {
					select {
					case h.later <- "created": // ok: the handler returns, and then its context is done
					case <-ctx.Done():
					}
				}()
				select {
				case h.events <- "created": // want `^send in a function literal in main can block for ever: it runs in an informer event handler on every replica`
				case <-ctx.Done():
				}
			},
			UpdateFunc: func(ctx context.Context, e event.UpdateEvent, q workqueue.TypedRateLimitingInterface[reconcile.Request]) {
				select {
				case <-h.ready: // want `^receive in a function literal in main can wait for ever: it runs in an informer event handler on every replica`
				case <-ctx.Done():
				}
			},
		}).
		Watches(&core_v1.Secret{}, handler.EnqueueRequestsFromMapFunc(func(ctx context.Context, o client.Object) []reconcile.Request {
			select {
			case h.mapped <- o.GetName(): // want `^send in .* can block for ever`
			case <-ctx.Done():
			}
			return nil
		})).
		Complete(&rec{})
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
