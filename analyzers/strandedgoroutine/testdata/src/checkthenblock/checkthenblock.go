// Package checkthenblock: producers that check for stop before they
// send, not while they send, to consumers that return on the same stop.
package checkthenblock

import "context"

type result struct{ name string }

func fetch(string) result { return result{} }

// A worker that polls the context, then sends its result; the collector
// returns when the context ends, so a result sent after that is never
// received.
type pool struct {
	results chan result
}

func newPool() *pool { return &pool{results: make(chan result)} }

func (p *pool) work(ctx context.Context, names []string) {
	for _, n := range names {
		select {
		case <-ctx.Done():
			return
		default:
		}
		p.results <- fetch(n) // want `send can block for ever: pool.work checks for ctx.Done\(\) before the send, not during it, and every receiver of the channel returns on that signal`
	}
}

func (p *pool) collect(ctx context.Context) []result {
	var out []result
	for {
		select {
		case r := <-p.results:
			out = append(out, r)
		case <-ctx.Done():
			return out
		}
	}
}

func (p *pool) Run(ctx context.Context, names []string) []result {
	go p.work(ctx, names)
	return p.collect(ctx)
}

// The same with ctx.Err() and a local channel.
func Scan(ctx context.Context, names []string) int {
	out := make(chan result)
	go func() {
		for _, n := range names {
			if ctx.Err() != nil {
				return
			}
			out <- fetch(n) // want `send can block for ever: a function literal in Scan checks for ctx.Done\(\) before the send`
		}
		close(out)
	}()
	n := 0
	for {
		select {
		case _, ok := <-out:
			if !ok {
				return n
			}
			n++
		case <-ctx.Done():
			return n
		}
	}
}

// Fixed: the send itself selects on the context.
func ScanFixed(ctx context.Context, names []string) int {
	out := make(chan result)
	go func() {
		defer close(out)
		for _, n := range names {
			if ctx.Err() != nil {
				return
			}
			select {
			case out <- fetch(n): // ok: gives up with the consumer
			case <-ctx.Done():
				return
			}
		}
	}()
	n := 0
	for {
		select {
		case _, ok := <-out:
			if !ok {
				return n
			}
			n++
		case <-ctx.Done():
			return n
		}
	}
}

// A consumer that drains until the close: it never stops early.
func Drained(ctx context.Context, names []string) int {
	out := make(chan result)
	go func() {
		defer close(out)
		for _, n := range names {
			if ctx.Err() != nil {
				return
			}
			out <- fetch(n) // ok: the consumer ranges until the close
		}
	}()
	n := 0
	for range out {
		n++
	}
	return n
}

// A stopper that knows about each send in flight: the stop waits for it.
type stopper struct {
	stop  chan struct{}
	tasks int
}

func (s *stopper) ShouldStop() <-chan struct{} { return s.stop }
func (s *stopper) StartTask() bool             { s.tasks++; return true }
func (s *stopper) FinishTask()                 { s.tasks-- }

type transport struct {
	stopper *stopper
	events  chan int
}

func (t *transport) pump() {
	for {
		select {
		case <-t.stopper.ShouldStop():
			return
		default:
			if !t.stopper.StartTask() {
				continue
			}
			t.events <- 1 // ok: the stopper admitted the send
			t.stopper.FinishTask()
		}
	}
}

func (t *transport) pumpUnadmitted() {
	for {
		select {
		case <-t.stopper.ShouldStop():
			return
		default:
			t.events <- 1 // want `send can block for ever: transport.pumpUnadmitted checks for <-stop before the send`
		}
	}
}

func (t *transport) consume() {
	for {
		select {
		case <-t.events:
		case <-t.stopper.ShouldStop():
			return
		}
	}
}
