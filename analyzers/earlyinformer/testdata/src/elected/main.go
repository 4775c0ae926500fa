// Command elected waits for mgr.Elected() before it uses or creates
// informers: the code after that receive runs on the leader only.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})

	// Created in main, consumed only after the election.
	nodes := make(chan *core_v1.Node, 16)
	inf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Node{}) // want `^informer for Node is created in main and its cache starts with the manager, on every replica, but everything that consumes it \(receive in the code after <-mgr.Elected\(\) in a function literal in main\) runs only on the leader`
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			select {
			case nodes <- obj.(*core_v1.Node):
			case <-ctx.Done():
			}
		},
	})
	go func() {
		<-mgr.Elected()
		for n := range nodes {
			_ = n
		}
	}()

	// Created after the election, and consumed there: nothing is early.
	go func() {
		<-mgr.Elected()
		pods := make(chan *core_v1.Pod, 16)
		pinf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Pod{}) // ok: created on the leader only
		_, _ = pinf.AddEventHandler(cache.ResourceEventHandlerFuncs{
			AddFunc: func(obj any) {
				select {
				case pods <- obj.(*core_v1.Pod):
				case <-ctx.Done():
				}
			},
		})
		for p := range pods {
			_ = p
		}
	}()
	_ = mgr.Start(ctx)
}
