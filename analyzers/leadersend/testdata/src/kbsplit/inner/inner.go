// Package inner keeps its channel to itself: Run registers a handler
// that sends on it and adds a leader-only runnable that receives from it.
// Where the handler runs is decided by Run's caller.
package inner

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

type syncer struct {
	queue chan string
}

func (s *syncer) NeedLeaderElection() bool { return true }

func (s *syncer) Start(ctx context.Context) error {
	for q := range s.queue {
		_ = q
	}
	return nil
}

// Run wires the syncer.
func Run(mgr ctrl.Manager) error {
	s := &syncer{queue: make(chan string)}
	if err := mgr.Add(s); err != nil {
		return err
	}
	inf, err := mgr.GetCache().GetInformer(context.Background(), &core_v1.ConfigMap{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) { s.queue <- "added" },
	})
	return err
}
