// Package forgetbug retries failed items with AddRateLimited and never
// calls Forget: the rate limiter keeps a failure count for every item
// that ever failed, deleted objects included.
package forgetbug

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

func (c *Controller) Run(stop <-chan struct{}) {
	go c.worker()
	<-stop
}

func (c *Controller) worker() {
	for c.processNext() {
	}
}

func (c *Controller) processNext() bool {
	key, quit := c.queue.Get()
	if quit {
		return false
	}
	defer c.queue.Done(key)
	if err := c.sync(key.(string)); err != nil {
		c.queue.AddRateLimited(key) // want `rate limiter's failure history grows per queue item without bound: AddRateLimited runs in Controller.processNext and no code in this package calls Forget`
	}
	return true
}

func (c *Controller) sync(key string) error {
	if key == "" {
		return errors.New("empty key")
	}
	return nil
}
