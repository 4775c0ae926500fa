// Package fanin holds loops over channels that a function makes, fills
// from goroutines and closes: a fan-in ends with the work it gathers and
// is not a long-running loop, so a map it fills grows per call of its
// function, not per loop iteration. A relay that forwards a stream for
// ever into a channel it closes at the end is a long-running loop.
package fanin

import (
	"context"
	"sync"
)

type result struct {
	name  string
	ready bool
}

// Prober probes a list of names it is given and keeps the last answer of
// each.
type Prober struct {
	mu      sync.Mutex
	ready   map[string]bool
	healthy map[string]bool
	seen    map[string]int
}

func NewProber() *Prober {
	return &Prober{ready: map[string]bool{}, healthy: map[string]bool{}, seen: map[string]int{}}
}

// Refresh runs once per call of callers we cannot see: the fan-in's loop
// ends when the probes are done.
func (p *Prober) Refresh(names []string) { // want Refresh:"grows\\(Prober.ready\\)"
	results := make(chan result)
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- result{name: n, ready: probe(n)}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	for r := range results {
		p.mu.Lock()
		p.ready[r.name] = r.ready // ok: per call of Refresh, not per loop iteration
		p.mu.Unlock()
	}
}

// RefreshSelect waits on the fan-in in a select with a way out.
func (p *Prober) RefreshSelect(ctx context.Context, names []string) { // want RefreshSelect:"grows\\(Prober.healthy\\)"
	out := make(chan result, len(names))
	go func(out chan<- result) {
		defer close(out)
		for _, n := range names {
			out <- result{name: n, ready: probe(n)}
		}
	}(out)
	for {
		select {
		case r, ok := <-out:
			if !ok {
				return
			}
			p.healthy[r.name] = r.ready // ok: the channel ends with the names
		case <-ctx.Done():
			return
		}
	}
}

// Follow relays a stream for ever into a channel it closes only at the
// end: each message is an iteration of a long-running loop.
func (p *Prober) Follow(ctx context.Context, in <-chan string) { // want Follow:"grows\\(Prober.seen\\)"
	out := make(chan string)
	go func() {
		defer close(out)
		for {
			select {
			case s := <-in:
				out <- s
			case <-ctx.Done():
				return
			}
		}
	}()
	for s := range out {
		p.seen[s]++ // want `map Prober.seen grows per loop iteration without bound`
	}
}

func probe(name string) bool { return name != "" }
