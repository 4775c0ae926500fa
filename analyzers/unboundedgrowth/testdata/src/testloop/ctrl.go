// Package testloop: a controller whose constructor adds its handlers once,
// and whose test builds a controller per test case inside a loop that
// drains the queue. How often the test runs says nothing of the process.
package testloop

import (
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/util/workqueue"
)

type Controller struct {
	queue workqueue.Interface
}

func NewController(pods cache.SharedIndexInformer) *Controller {
	c := &Controller{queue: workqueue.New()}
	_, _ = pods.AddEventHandler(cache.ResourceEventHandlerFuncs{ // ok: once per controller; only a test loops over it
		AddFunc: func(obj any) { c.queue.Add(obj) },
	})
	return c
}

func (c *Controller) processNextWorkItem() bool {
	item, quit := c.queue.Get()
	if quit {
		return false
	}
	c.queue.Done(item)
	return true
}
