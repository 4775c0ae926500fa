package frequser

import (
	"time"

	"example.com/every"
	"k8s.io/client-go/tools/cache"
)

type counter struct{}

func (c *counter) OnAdd(obj interface{}, isInInitialList bool) { c.add() }
func (c *counter) OnUpdate(oldObj, newObj interface{})         {}
func (c *counter) OnDelete(obj interface{})                    {}
func (c *counter) add()                                        {}

type sink struct{}

func (s sink) Sync() {}

func sample() {}

func added(obj interface{}) {}

func once() {}

func Start(inf cache.SharedIndexInformer) {
	every.Every(time.Second, sample)
	every.OnAdd(inf, added)
	every.Once(once)
	every.Watch(inf, &counter{})
	every.Poll(time.Second, sink{})
}
