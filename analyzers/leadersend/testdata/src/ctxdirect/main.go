// Command ctxdirect has runnables whose Start the package also calls
// directly. A Start called only with contexts that are not done while it
// waits (the manager's context through a wrapper's Start, Background in
// a one-off) still has no way out of its select on a standby; one
// called with a context that has a deadline does.
package main

import (
	"context"
	"time"

	ctrl "sigs.k8s.io/controller-runtime"
)

type hub struct {
	wrapped chan string
	timed   chan string
	spawned chan string
}

// consumer is the only receiver: leader-only.
type consumer struct{ h *hub }

func (c *consumer) NeedLeaderElection() bool { return true }

func (c *consumer) Start(ctx context.Context) error {
	for {
		select {
		case <-c.h.wrapped:
		case <-c.h.timed:
		case <-c.h.spawned:
		case <-ctx.Done():
			return nil
		}
	}
}

// inner runs on every replica, started by outer's Start with the
// manager's context.
type inner struct{ h *hub }

func (i *inner) NeedLeaderElection() bool { return false }

func (i *inner) Start(ctx context.Context) error {
	select {
	case i.h.wrapped <- "up": // want `^send in inner\.Start blocks for ever on standby replicas`
	case <-ctx.Done():
	}
	return nil
}

type outer struct{ in *inner }

func (o *outer) NeedLeaderElection() bool { return false }

func (o *outer) Start(ctx context.Context) error { return o.in.Start(ctx) }

// probe runs on every replica; the package also calls its Start with a
// deadline.
type probe struct{ h *hub }

func (p *probe) NeedLeaderElection() bool { return false }

func (p *probe) Start(ctx context.Context) error {
	select {
	case p.h.timed <- "up": // ok: one caller gives up after a second
	case <-ctx.Done():
	}
	return nil
}

// spawner's Start leaves a goroutine waiting; its only caller, a
// wrapper's Start, cancels the child context as soon as it returns.
type spawner struct{ h *hub }

func (s *spawner) NeedLeaderElection() bool { return false }

func (s *spawner) Start(ctx context.Context) error {
	go func() {
		select {
		case s.h.spawned <- "up": // ok: the wrapper cancels ctx once Start returns
		case <-ctx.Done():
		}
	}()
	return nil
}

type spawnWrapper struct{ s *spawner }

func (w *spawnWrapper) NeedLeaderElection() bool { return false }

func (w *spawnWrapper) Start(ctx context.Context) error {
	child, cancel := context.WithCancel(ctx)
	defer cancel()
	return w.s.Start(child)
}

func check(p *probe) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = p.Start(ctx)
}

func main() {
	h := &hub{wrapped: make(chan string), timed: make(chan string), spawned: make(chan string)}
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	_ = mgr.Add(&consumer{h: h})
	_ = mgr.Add(&outer{in: &inner{h: h}})
	p := &probe{h: h}
	_ = mgr.Add(p)
	check(p)
	_ = mgr.Add(&spawnWrapper{s: &spawner{h: h}})
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
