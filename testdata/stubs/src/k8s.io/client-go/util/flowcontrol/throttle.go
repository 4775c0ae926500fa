// Package flowcontrol is a stub of k8s.io/client-go/util/flowcontrol for tests.
package flowcontrol

import "context"

// PassiveRateLimiter is a rate limiter that does not block.
type PassiveRateLimiter interface {
	TryAccept() bool
	Stop()
	QPS() float32
}

// RateLimiter is a rate limiter that can block.
type RateLimiter interface {
	PassiveRateLimiter
	Accept()
	Wait(ctx context.Context) error
}
