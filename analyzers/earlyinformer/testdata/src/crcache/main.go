// Command crcache gets an informer from the manager's cache in main and
// forwards its events to a leader-only runnable: the informer is early.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

type writer struct{ ch chan *core_v1.Node }

func (w *writer) Start(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case n := <-w.ch:
			_ = n
		}
	}
}

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	w := &writer{ch: make(chan *core_v1.Node, 16)}
	_ = mgr.Add(w)
	inf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Node{}) // want `informer for Node is created in main and its cache starts with the manager, on every replica, but everything that consumes it \(receive in writer.Start\) runs only on the leader`
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			select {
			case w.ch <- obj.(*core_v1.Node):
			case <-ctx.Done():
			}
		},
	})
	_ = mgr.Start(ctx)
}
