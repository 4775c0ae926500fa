// Package forgetok is forgetbug with the Forget on success that the
// workqueue asks for: the failure history holds only the items failing
// now.
package forgetok

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
		c.queue.AddRateLimited(key) // ok: Forget below
		return true
	}
	c.queue.Forget(key)
	return true
}

func (c *Controller) sync(key string) error {
	if key == "" {
		return errors.New("empty key")
	}
	return nil
}
