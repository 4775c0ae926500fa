package use

import (
	"context"
	"strings"
	"time"

	"producer/lib"
)

// First stops at the first match: Generate's goroutine blocks on its next
// send, once per call.
func First(items []string, prefix string) string {
	for it := range lib.Generate(items) { // want `the goroutine that Generate starts blocks for ever: it sends on the channel it returns, in a loop, and First stops receiving at the return at line 16 before the channel is closed`
		if strings.HasPrefix(it, prefix) {
			return it
		}
	}
	return ""
}

// WaitFor is wait.PollUntil's shape: it returns when the condition holds,
// closing done, but the poller is blocked on its send.
func WaitFor(cond func() bool) {
	done := make(chan struct{})
	defer close(done)
	c := lib.Ticks(time.Second, done) // want `the goroutine that Ticks starts blocks for ever: it sends on the channel it returns, in a loop, and WaitFor stops receiving`
	for range c {
		if cond() {
			return
		}
	}
}

// All drains the channel: silent.
func All(items []string) []string {
	var out []string
	for it := range lib.Generate(items) { // ok: received to the end
		out = append(out, it)
	}
	return out
}

// FirstCtx cancels the producer, which selects on its send: silent.
func FirstCtx(items []string, prefix string) string {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for it := range lib.GenerateCtx(ctx, items) { // ok: the send selects on ctx.Done()
		if strings.HasPrefix(it, prefix) {
			return it
		}
	}
	return ""
}

// One takes one value of three: they fit the buffer.
func One() int {
	return <-lib.Three() // ok: the buffer holds every send
}

// Drained stops early, but a deferred closure drains the rest: silent.
func Drained(items []string) string {
	ch := lib.Generate(items)
	defer func() {
		for range ch {
		}
	}()
	for it := range ch { // ok: drained in the defer
		return it
	}
	return ""
}

// UntilClosed returns only once the channel is closed.
func UntilClosed(items []string) int {
	ch := lib.Generate(items)
	n := 0
	for {
		_, ok := <-ch // ok: returns once closed
		if !ok {
			return n
		}
		n++
	}
}

// Local is the same shape in one function: the goroutine selects on a
// context, but its send is plain.
func Local(ctx context.Context, items []string) string {
	out := make(chan string)
	go func() { // want `goroutine can block for ever on a send: it sends in a loop, and Local stops receiving at the return at line 104 before the channel is drained`
		for _, it := range items {
			select {
			case <-ctx.Done():
				return
			default:
			}
			out <- it
		}
		close(out)
	}()
	for it := range out {
		if it != "" {
			return it
		}
	}
	return ""
}
