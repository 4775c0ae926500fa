// Command regressions holds look-alikes that once were, or could be,
// reported wrongly: each must stay silent.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

// A NeedLeaderElection that is not constant: we cannot tell.
type dynamic struct {
	leader bool
	ch     chan string
}

func (d *dynamic) NeedLeaderElection() bool { return d.leader }

func (d *dynamic) Start(ctx context.Context) error {
	for s := range d.ch {
		_ = s
	}
	return nil
}

// A runnable that opts out of leader election through an embedded type.
type everywhereBase struct{}

func (everywhereBase) NeedLeaderElection() bool { return false }

type embedded struct {
	everywhereBase
	ch chan string
}

func (e *embedded) Start(ctx context.Context) error {
	for s := range e.ch {
		_ = s
	}
	return nil
}

// A receiver reached through a getter: the channel escapes.
type hub struct{ ch chan string }

func (h *hub) Events() <-chan string { return h.ch }

func (h *hub) Start(ctx context.Context) error {
	for s := range h.ch {
		_ = s
	}
	return nil
}

type watcher struct {
	a, b chan string
	h    *hub
}

func (w *watcher) OnAdd(obj any, _ bool) {
	w.a <- "add"    // ok: dynamic NeedLeaderElection
	w.b <- "add"    // ok: the embedded runnable runs everywhere
	w.h.ch <- "add" // ok: Events() hands the channel to code we cannot see
}
func (w *watcher) OnUpdate(_, _ any) {}
func (w *watcher) OnDelete(any)      {}

// Sends on two branches: one runs, not two.
type single struct{ ch chan string }

func (s *single) NeedLeaderElection() bool { return true }

func (s *single) Start(ctx context.Context) error {
	<-s.ch
	return nil
}

var fast bool

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	d := &dynamic{ch: make(chan string)}
	e := &embedded{ch: make(chan string)}
	h := &hub{ch: make(chan string)}
	_ = mgr.Add(d)
	_ = mgr.Add(e)
	_ = mgr.Add(h)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Service{})
	_, _ = inf.AddEventHandler(&watcher{a: d.ch, b: e.ch, h: h})
	go func() {
		for s := range h.Events() {
			_ = s
		}
	}()

	s := &single{ch: make(chan string, 1)}
	_ = mgr.Add(s)
	if fast {
		s.ch <- "fast" // ok
	} else {
		s.ch <- "slow" // ok
	}
	_ = mgr.Start(context.Background())
}
