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

// FirstErr stops on the error, which is Stream's last value: silent.
func FirstErr(next func(int) (string, error)) error {
	for r := range lib.Stream(next) { // ok: the error is the last value
		if r.Err != nil {
			return r.Err
		}
	}
	return nil
}

// UntilDone stops on the final status, after which Watch stops: silent.
func UntilDone(poll func() lib.Status) {
	ch := lib.Watch(poll)
	for {
		if s := <-ch; s.Done { // ok: Watch stops after it
			return
		}
	}
}

// Counted takes one value per item, as many as Generate sends: silent.
func Counted(items []string) []string {
	ch := lib.Generate(items)
	var out []string
	for range items {
		out = append(out, <-ch) // ok: the loop runs to its end
	}
	return out
}

// Two takes two values: the caller knows how many come (the Go blog's
// pipeline). Silent.
func Two(items []string) (string, string) {
	ch := lib.Generate(items)
	a := <-ch // ok
	b := <-ch
	return a, b
}

// OpenFirst stops at the first item of a producer that may fail to open.
func OpenFirst(items []string) string {
	ch, err := lib.Open(items, false) // want `the goroutine that Open starts blocks for ever`
	if err != nil {
		return ""
	}
	if len(ch) > 0 {
		return "buffered"
	}
	for it := range ch {
		return it
	}
	return ""
}

// OneOfThree takes one value of three that fit the buffer: silent, and so
// is dropping the channel.
func OneOfThree() int {
	lib.ThreeRange()          // ok: its sends fit the buffer
	return <-lib.ThreeRange() // ok
}

// gen is a generic producer of this package.
func gen[T any](xs []T) <-chan T { // want gen:"strands\\(result 0, recv true, parent -1, loop\\)"
	out := make(chan T)
	go func() {
		for _, x := range xs {
			out <- x
		}
		close(out)
	}()
	return out
}

// FirstInt stops at the first value of an instance of gen.
func FirstInt(xs []int) int {
	for x := range gen(xs) { // want `the goroutine that gen starts blocks for ever`
		return x
	}
	return 0
}

// FirstOrCancel receives in a select and returns on a match, or when
// the context ends: Generate's goroutine does not watch ctx.
func FirstOrCancel(ctx context.Context, items []string) string {
	ch := lib.Generate(items) // want `the goroutine that Generate starts blocks for ever: it sends on the channel it returns, in a loop, and FirstOrCancel stops receiving`
	for {
		select {
		case it, ok := <-ch:
			if !ok {
				return ""
			}
			if it != "" {
				return it
			}
		case <-ctx.Done():
			return ""
		}
	}
}

// CountSelect receives in a select and returns only once the channel is
// closed: silent.
func CountSelect(items []string, tick <-chan time.Time) int {
	ch := lib.Generate(items) // ok
	n := 0
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				return n
			}
			n++
		case <-tick:
		}
	}
}

// LocalSelect is Local with a for/select consumer that gives up when the
// context ends; the goroutine's send does not watch it.
func LocalSelect(ctx context.Context, items []string) string {
	out := make(chan string)
	go func() { // want `goroutine can block for ever on a send: it sends in a loop, and LocalSelect stops receiving`
		for _, it := range items {
			out <- it
		}
		close(out)
	}()
	for {
		select {
		case it, ok := <-out:
			if !ok {
				return ""
			}
			if it == "x" {
				return it
			}
		case <-ctx.Done():
			return ""
		}
	}
}
