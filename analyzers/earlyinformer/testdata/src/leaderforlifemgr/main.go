// Command leaderforlifemgr is operator-sdk's leader-for-life scaffold: a
// manager without leader election of its own, started after
// leader.Become. The informer is created before Become, but the cache
// starts with mgr.Start, on the leader only: nothing is early.
package main

import (
	"context"

	"github.com/operator-framework/operator-lib/leader"
	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

type writer struct{ ch chan *core_v1.Node }

func (w *writer) Start(ctx context.Context) error {
	for n := range w.ch {
		_ = n
	}
	return nil
}

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	w := &writer{ch: make(chan *core_v1.Node, 16)}
	_ = mgr.Add(w)
	inf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Node{}) // ok
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			select {
			case w.ch <- obj.(*core_v1.Node):
			case <-ctx.Done():
			}
		},
	})
	if err := leader.Become(ctx, "lock"); err != nil {
		panic(err)
	}
	_ = mgr.Start(ctx)
}
