// Package wait is a stub of k8s.io/apimachinery/pkg/util/wait for tests.
package wait

import (
	"context"
	"time"
)

// ConditionFunc returns true if the condition is satisfied.
type ConditionFunc func() (done bool, err error)

// ConditionWithContextFunc returns true if the condition is satisfied.
type ConditionWithContextFunc func(context.Context) (done bool, err error)

// Backoff holds parameters applied to a Backoff function.
type Backoff struct {
	Duration time.Duration
	Factor   float64
	Steps    int
}

// NeverStop may be passed to Until to make it never stop.
var NeverStop <-chan struct{} = make(chan struct{})

func Until(f func(), period time.Duration, stopCh <-chan struct{})                        {}
func UntilWithContext(ctx context.Context, f func(context.Context), period time.Duration) {}
func JitterUntil(f func(), period time.Duration, jitterFactor float64, sliding bool, stopCh <-chan struct{}) {
}
func JitterUntilWithContext(ctx context.Context, f func(context.Context), period time.Duration, jitterFactor float64, sliding bool) {
}
func NonSlidingUntil(f func(), period time.Duration, stopCh <-chan struct{}) {}
func Forever(f func(), period time.Duration)                                 {}
func Poll(interval, timeout time.Duration, condition ConditionFunc) error    { return nil }
func PollImmediate(interval, timeout time.Duration, condition ConditionFunc) error {
	return nil
}
func PollUntilContextTimeout(ctx context.Context, interval, timeout time.Duration, immediate bool, condition ConditionWithContextFunc) error {
	return nil
}
func PollUntilContextCancel(ctx context.Context, interval time.Duration, immediate bool, condition ConditionWithContextFunc) error {
	return nil
}
func ExponentialBackoff(backoff Backoff, condition ConditionFunc) error { return nil }
