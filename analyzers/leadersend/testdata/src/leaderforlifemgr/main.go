// Command leaderforlifemgr is operator-sdk's leader-for-life scaffold: a
// manager without leader election of its own, started after
// leader.Become. Its cache and handlers start with mgr.Start, on the
// leader only, so nothing blocks on a standby. (Reported once, when
// leader.Become made ctrlvet assume standbys for the manager's code.)
package main

import (
	"context"

	"github.com/operator-framework/operator-lib/leader"
	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

type consumer struct{ in chan string }

func (c *consumer) Start(ctx context.Context) error {
	for s := range c.in {
		_ = s
	}
	return nil
}

func main() {
	ctx := context.Background()
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	if err != nil {
		panic(err)
	}
	c := &consumer{in: make(chan string)}
	_ = mgr.Add(c)
	inf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Pod{})
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			c.in <- "added" // ok: the manager starts after Become
		},
	})
	if err := leader.Become(ctx, "lock"); err != nil {
		panic(err)
	}
	_ = mgr.Start(ctx)
}
