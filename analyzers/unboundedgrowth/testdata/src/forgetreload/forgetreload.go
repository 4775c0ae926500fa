// Package forgetreload retries with AddRateLimited and never calls Forget,
// but its queue only ever holds a constant key: a dummy key that triggers
// a reload (Kubernetes' encryption-config controller; client-go's lease
// candidate has the same shape with the item 0). The failure history
// holds one entry.
package forgetreload

import (
	"errors"

	"k8s.io/client-go/util/workqueue"
)

const reloadKey = "key"

// Reloader re-reads a file when its dummy key comes up.
type Reloader struct {
	queue workqueue.RateLimitingInterface
}

func NewReloader() *Reloader {
	return &Reloader{queue: workqueue.NewRateLimitingQueue(workqueue.DefaultControllerRateLimiter())}
}

func (r *Reloader) Changed() { r.queue.Add(reloadKey) }

func (r *Reloader) Run(stop <-chan struct{}) {
	go func() {
		for r.next() {
		}
	}()
	<-stop
}

func (r *Reloader) next() bool {
	key, quit := r.queue.Get()
	if quit {
		return false
	}
	defer r.queue.Done(key)
	r.process(key)
	return true
}

func (r *Reloader) process(reloadKey any) {
	defer func() {
		if err := load(); err != nil {
			r.queue.AddRateLimited(reloadKey) // ok: the queue only holds the constant key
		}
	}()
}

func load() error { return errors.New("not yet") }
