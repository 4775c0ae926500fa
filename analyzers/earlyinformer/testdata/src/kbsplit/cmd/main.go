// Command cmd calls watch.Run on every replica.
package main

import (
	"context"

	"kbsplit/watch"

	core_v1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	if err := watch.Run(ctx, mgr); err != nil { // want `watch.Run creates an informer for Node \(in Run\) here, on every replica, and its cache starts with the manager, on every replica, but everything that consumes it \(receive in writer.Start\) runs only on the leader`
		panic(err)
	}
	shared := make(chan *core_v1.Node)
	go func() {
		for n := range shared {
			_ = n
		}
	}()
	if err := watch.RunShared(ctx, mgr, shared); err != nil { // ok: main consumes the channel on every replica
		panic(err)
	}
	_ = mgr.Start(ctx)
}
