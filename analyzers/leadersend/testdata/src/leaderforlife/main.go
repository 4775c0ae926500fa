// Command leaderforlife elects its leader with operator-lib's leader for
// life: standbys wait in leader.Become, so what comes after it runs on the
// leader only, although the manager elects no leader of its own.
package main

import (
	"context"

	"github.com/operator-framework/operator-lib/leader"
	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	ctx := context.Background()
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		panic(err)
	}
	events := make(chan string)
	inf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Pod{})
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			events <- "added" // want `^send in an event handler in main can block for ever: it runs in an informer event handler on every replica, but its only receiver, the code after leader.Become in main, runs only on the leader`
		},
	})
	go func() { _ = mgr.Start(ctx) }()

	if err := leader.Become(ctx, "leaderforlife-lock"); err != nil {
		panic(err)
	}
	for e := range events {
		_ = e
	}
}
