// Package runner works a queue's items and forgets those that succeed.
package runner

import "k8s.io/client-go/util/workqueue"

func Work(q workqueue.RateLimitingInterface, sync func(string) error) {
	for {
		key, quit := q.Get()
		if quit {
			return
		}
		if err := sync(key.(string)); err == nil {
			q.Forget(key)
		}
		q.Done(key)
	}
}
