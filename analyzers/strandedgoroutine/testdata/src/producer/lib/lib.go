// Package lib has producers: functions that make a channel, start a
// goroutine that feeds it in a loop, and return it. A caller that stops
// receiving before the channel is closed strands the goroutine.
package lib

import (
	"context"
	"time"
)

// Generate sends every item, then closes the channel (a pipeline stage).
func Generate(items []string) <-chan string { // want Generate:"strands\\(result 0, recv true, parent -1, loop\\)"
	out := make(chan string)
	go func() {
		defer close(out)
		for _, it := range items {
			out <- it
		}
	}()
	return out
}

// Ticks is Kubernetes' wait.poller before its fix (kubernetes#70277): it
// selects on the tick and on done, but the send itself is plain, so once
// the consumer stops it never sees done again.
func Ticks(interval time.Duration, done <-chan struct{}) <-chan struct{} { // want Ticks:"strands\\(result 0, recv true, parent -1, loop\\)"
	ch := make(chan struct{})
	go func() {
		defer close(ch)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				ch <- struct{}{}
			case <-done:
				return
			}
		}
	}()
	return ch
}

// GenerateCtx selects on the send: a caller that cancels frees it.
func GenerateCtx(ctx context.Context, items []string) <-chan string {
	out := make(chan string)
	go func() {
		defer close(out)
		for _, it := range items {
			select {
			case out <- it:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// Three sends three values into a buffer of three.
func Three() <-chan int {
	out := make(chan int, 3)
	go func() {
		for i := 0; i < 3; i++ {
			out <- i
		}
		close(out)
	}()
	return out
}

// Result is a value or the error that ends the stream.
type Result struct {
	Item string
	Err  error
}

// Stream sends items until next fails, then the error, and stops: the
// error is its last value.
func Stream(next func(int) (string, error)) <-chan Result { // want Stream:"strands\\(result 0, recv true, parent -1\\)"
	ch := make(chan Result)
	go func() {
		defer close(ch)
		for i := 0; ; i++ {
			it, err := next(i)
			if err != nil {
				ch <- Result{Err: err}
				return
			}
			ch <- Result{Item: it}
		}
	}()
	return ch
}

// Status is one poll; Done marks the last.
type Status struct{ Done bool }

// Watch sends each status and stops after the final one.
func Watch(poll func() Status) <-chan Status { // want Watch:"strands\\(result 0, recv true, parent -1\\)"
	ch := make(chan Status)
	go func() {
		for {
			s := poll()
			ch <- s
			if s.Done {
				return
			}
		}
	}()
	return ch
}

// Open fails before it starts anything, or returns the producer's
// channel.
func Open(items []string, fail bool) (<-chan string, error) { // want Open:"strands\\(result 0, recv true, parent -1, loop\\)"
	if fail {
		return nil, errFail
	}
	out := make(chan string)
	go func() {
		for _, it := range items {
			out <- it
		}
		close(out)
	}()
	return out, nil
}

var errFail = errorString("fail")

type errorString string

func (e errorString) Error() string { return string(e) }

// Three sends three values into a buffer of three, counted with range.
func ThreeRange() <-chan int {
	out := make(chan int, 3)
	go func() {
		for i := range 3 {
			out <- i
		}
		close(out)
	}()
	return out
}
