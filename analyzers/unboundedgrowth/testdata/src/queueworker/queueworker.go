package queueworker // want package:"releases\\(queueworker.Controller.nodes, queueworker.Pruned.synced\\)"

// A controller's workers, run per tick by
// wait.UntilWithContext, each a loop over the workqueue's items. What they
// grow grows per queue item (per object the queue has ever carried), not
// per tick: the shape of k8s.io/cloud-provider's service controller and
// its lastSyncedNodes, keyed by the Service's key and never deleted when
// the Service goes.

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/client-go/util/workqueue"
)

type Node struct{ Name string }

type Controller struct {
	queue           workqueue.TypedRateLimitingInterface[string]
	lastSyncedNodes map[string][]*Node
	nodes           []*Node
}

func (c *Controller) Run(ctx context.Context, workers int) {
	for i := 0; i < workers; i++ {
		go wait.UntilWithContext(ctx, c.serviceWorker, time.Second)
	}
	<-ctx.Done()
}

func (c *Controller) serviceWorker(ctx context.Context) {
	for c.processNextServiceItem(ctx) { // want `map Controller.lastSyncedNodes grows per queue item without bound: Controller.serviceWorker through Controller.storeLastSyncedNodes adds a key from the event's data \(a loop over a workqueue's items in serviceWorker\)`
	}
}

func (c *Controller) processNextServiceItem(ctx context.Context) bool {
	key, quit := c.queue.Get()
	if quit {
		return false
	}
	defer c.queue.Done(key)
	c.syncService(ctx, key)
	c.queue.Forget(key)
	return true
}

func (c *Controller) syncService(ctx context.Context, key string) {
	c.storeLastSyncedNodes(key, c.nodes)
}

func (c *Controller) storeLastSyncedNodes(key string, nodes []*Node) {
	c.lastSyncedNodes[key] = nodes
}

// Pruned: the same worker, with the entry deleted when the item's object
// is gone.
type Pruned struct {
	queue  workqueue.TypedRateLimitingInterface[string]
	synced map[string]time.Time
	exists func(string) bool
}

func (c *Pruned) Run(ctx context.Context) {
	go wait.UntilWithContext(ctx, c.worker, time.Second)
	<-ctx.Done()
}

func (c *Pruned) worker(ctx context.Context) {
	for c.next() {
	}
}

func (c *Pruned) next() bool {
	key, quit := c.queue.Get()
	if quit {
		return false
	}
	defer c.queue.Done(key)
	if !c.exists(key) {
		delete(c.synced, key)
		return true
	}
	c.synced[key] = time.Now()
	c.queue.Forget(key)
	return true
}
