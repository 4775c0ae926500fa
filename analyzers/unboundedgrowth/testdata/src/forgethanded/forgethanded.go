// Package forgethanded makes a rate-limiting queue and hands it to a
// worker of another package, which may call Forget there.
package forgethanded

import (
	"example.com/runner"
	"k8s.io/client-go/util/workqueue"
)

type Controller struct {
	queue workqueue.RateLimitingInterface
}

func New() *Controller {
	return &Controller{queue: workqueue.NewRateLimitingQueue(workqueue.DefaultControllerRateLimiter())}
}

func (c *Controller) Run(stop <-chan struct{}) {
	go runner.Work(c.queue, c.sync)
	go c.retry()
	<-stop
}

func (c *Controller) retry() {
	for {
		key, quit := c.queue.Get()
		if quit {
			return
		}
		c.queue.AddRateLimited(key) // ok: the runner may Forget
		c.queue.Done(key)
	}
}

func (c *Controller) sync(key string) error { return nil }
