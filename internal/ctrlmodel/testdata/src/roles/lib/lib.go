// want package:"controllerfacts informer\\(Pod from Watcher.Setup\\)}$"
// Package lib is a library whose entries' roles only its importers know.
package lib

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

// Watcher forwards pod events to a leader-only runnable.
type Watcher struct {
	ch chan string // want ch:"^chan send\\(Watcher.onAdd,blocking from Watcher.Setup\\)$"
}

// Setup registers the watcher's handler.
//
// role: unknown; symbolic: from Watcher.Setup
func (w *Watcher) Setup(mgr ctrl.Manager) error {
	w.ch = make(chan string)
	if err := mgr.Add(&syncer{ch: w.ch}); err != nil {
		return err
	}
	inf, err := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: w.onAdd})
	return err
}

// role: unknown; symbolic: from Watcher.Setup
func (w *Watcher) onAdd(obj any) { w.ch <- "added" }

type syncer struct{ ch chan string } // want syncer:"needLeaderElection\\(true\\)" ch:"^chan recv\\(syncer.Start on leader\\)$"

// role: unknown; symbolic: unknown
func (s *syncer) NeedLeaderElection() bool { return true }

// role: leader; symbolic: leader
func (s *syncer) Start(ctx context.Context) error {
	for range s.ch {
	}
	return nil
}

// Run starts the manager: it runs on every replica, and so does what it
// calls.
//
// role: every; symbolic: every
func Run(ctx context.Context, mgr ctrl.Manager) error {
	prepare()
	return mgr.Start(ctx)
}

// role: every; symbolic: every
func prepare() {}

// Forward sends every secret's name on out from an event handler.
//
// role: unknown; symbolic: from Forward
func Forward(ctx context.Context, mgr ctrl.Manager, out chan<- string) error { // want Forward:"^summary param2\\(send\\(Forward,blocking,handler from Forward\\)\\)$"
	inf, err := mgr.GetCache().GetInformer(ctx, &core_v1.Secret{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) { out <- "secret" },
	})
	return err
}

// Both is exported and called here: its callers here and its importers'
// both decide.
//
// role: unknown; symbolic: from Both
func Both() { Forward2() }

// role: unknown; symbolic: from Both|Forward2
func Forward2() {}
