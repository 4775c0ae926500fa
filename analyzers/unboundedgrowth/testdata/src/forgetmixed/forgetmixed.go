// Package forgetmixed re-adds a dummy key, and also the keys of objects
// its handler sees: the failure history grows with the objects.
package forgetmixed

import (
	"errors"

	"k8s.io/client-go/util/workqueue"
)

type Controller struct {
	queue workqueue.RateLimitingInterface
}

func New() *Controller {
	return &Controller{queue: workqueue.NewRateLimitingQueue(workqueue.DefaultControllerRateLimiter())}
}

func (c *Controller) Resync() { c.queue.Add("all") }

func (c *Controller) OnAdd(obj any) { c.queue.Add(obj.(string)) }

func (c *Controller) Run(stop <-chan struct{}) {
	go func() {
		for c.next() {
		}
	}()
	<-stop
}

func (c *Controller) next() bool {
	key, quit := c.queue.Get()
	if quit {
		return false
	}
	defer c.queue.Done(key)
	if err := sync(key); err != nil {
		c.queue.AddRateLimited(key) // want `rate limiter's failure history grows per queue item without bound`
	}
	return true
}

func sync(key any) error { return errors.New("later") }
