// Command selectexit sends from event handlers in selects whose other
// case is the Done channel of a context: the process's signal context,
// or context.Background(), is done only at shutdown, so the send still
// blocks for ever on a standby; a timer or a context with a deadline is a
// way out.
package main

import (
	"context"
	"time"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func main() {
	ctx := ctrl.SetupSignalHandler()
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	signal := make(chan string)
	background := make(chan string)
	timer := make(chan string)
	deadline := make(chan string)
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		for {
			select {
			case <-signal:
			case <-background:
			case <-timer:
			case <-deadline:
			case <-ctx.Done():
				return nil
			}
		}
	}))
	inf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Pod{})
	bg := context.Background()
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			select {
			case signal <- "added": // want `^send in an event handler in main can block for ever`
			case <-ctx.Done():
			}
		},
		UpdateFunc: func(oldObj, newObj any) {
			select {
			case background <- "updated": // want `^send in an event handler in main can block for ever`
			case <-bg.Done():
			}
		},
		DeleteFunc: func(obj any) {
			select {
			case timer <- "deleted": // ok: gives up after a second
			case <-time.After(time.Second):
			}
			tctx, cancel := context.WithTimeout(ctx, time.Second)
			defer cancel()
			select {
			case deadline <- "deleted": // ok: a context with a deadline
			case <-tctx.Done():
			}
		},
	})
	_ = mgr.Start(ctx)
}
