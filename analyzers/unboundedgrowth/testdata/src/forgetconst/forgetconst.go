// Package forgetconst backs off one operation with a rate limiter, on a
// constant item: one entry, however often it fails.
package forgetconst

import (
	"time"

	"k8s.io/client-go/util/workqueue"
)

type Dialer struct {
	limiter workqueue.RateLimiter
}

func New() *Dialer {
	return &Dialer{limiter: workqueue.NewItemExponentialFailureRateLimiter(time.Second, time.Minute)}
}

func (d *Dialer) Run(stop <-chan struct{}) {
	t := time.NewTicker(time.Second)
	for {
		select {
		case <-t.C:
			if err := d.dial(); err != nil {
				time.Sleep(d.limiter.When("dial")) // ok: a constant item
			}
		case <-stop:
			return
		}
	}
}

func (d *Dialer) dial() error { return nil }
