package frequser

import (
	"context"
	"time"

	"example.com/every"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
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

type rec struct{}

func (r *rec) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	every.Apply(nil, r, r.status())
	return reconcile.Result{}, nil
}

func (r *rec) Ensure(obj interface{}) {}

func (r *rec) status() every.Conditioner {
	return func(obj interface{}) {}
}
