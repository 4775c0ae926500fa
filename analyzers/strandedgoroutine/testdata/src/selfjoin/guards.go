package selfjoin

import (
	"context"
	"sync"
)

// F1: the "do not wait" flag passed on through a helper: the loop passes
// false to closeWithErr, which hands its parameter on to shutdown.
type f1conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newF1() *f1conn {
	c := &f1conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *f1conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.closeWithErr(err, false)
			return
		}
	}
}

func (c *f1conn) Close() { c.closeWithErr(nil, true) }

func (c *f1conn) closeWithErr(err error, wait bool) {
	_ = err
	c.shutdown(wait)
}

func (c *f1conn) shutdown(wait bool) {
	c.once.Do(func() { close(c.stop) })
	if wait {
		<-c.done // ok: F1 the loop passes wait=false, through closeWithErr
	}
}

// F2: the WaitGroup form of F1.
type f2pool struct {
	wg   sync.WaitGroup
	quit chan struct{}
	once sync.Once
}

func (p *f2pool) Start() {
	p.wg.Add(1)
	go p.work()
}

func (p *f2pool) work() {
	defer p.wg.Done()
	if _, err := read(); err != nil {
		p.fail(err, false)
	}
}

func (p *f2pool) Stop() { p.fail(nil, true) }

func (p *f2pool) fail(err error, wait bool) {
	_ = err
	p.stop(wait)
}

func (p *f2pool) stop(wait bool) {
	p.once.Do(func() { close(p.quit) })
	if wait {
		p.wg.Wait() // ok: F2 the worker passes wait=false, through fail
	}
}

// F3: the guard is a mode (not a bool) the loop passes a constant for.
type mode int

const (
	byUser mode = iota
	byLoop
)

type f3conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newF3() *f3conn {
	c := &f3conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *f3conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(byLoop)
			return
		}
	}
}

func (c *f3conn) Close() { c.shutdown(byUser) }

func (c *f3conn) shutdown(m mode) {
	c.once.Do(func() { close(c.stop) })
	if m == byUser {
		<-c.done // ok: F3 the loop passes byLoop
	}
}

// F5: a select with default around the wait: a poll.
type f5conn struct {
	done chan struct{}
}

func newF5() *f5conn {
	c := &f5conn{done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *f5conn) readLoop() {
	defer close(c.done)
	if _, err := read(); err != nil {
		c.Close()
	}
}

func (c *f5conn) Close() {
	select {
	case <-c.done: // ok: F5 a poll
	default:
	}
}

// F6: a context-cancelled loop; the wait is with the caller's context.
type f6runner struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func (r *f6runner) Start(ctx context.Context) {
	ctx, r.cancel = context.WithCancel(ctx)
	r.done = make(chan struct{})
	go r.run(ctx)
}

func (r *f6runner) run(ctx context.Context) {
	defer close(r.done)
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		if _, err := read(); err != nil {
			r.Stop(ctx)
			return
		}
	}
}

func (r *f6runner) Stop(ctx context.Context) {
	r.cancel()
	select {
	case <-r.done: // ok: F6 gives up when ctx (just cancelled) ends
	case <-ctx.Done():
	}
}

// F7: Stop closes a different channel and waits for a different loop's
// WaitGroup; the loop calling it is counted in another one.
type f7pool struct {
	quit     chan struct{}
	workers  sync.WaitGroup
	reporter sync.WaitGroup
	once     sync.Once
}

func (p *f7pool) Start() {
	p.workers.Add(1)
	go p.work()
	p.reporter.Add(1)
	go p.report()
}

func (p *f7pool) work() {
	defer p.workers.Done()
	<-p.quit
}

func (p *f7pool) report() {
	defer p.reporter.Done()
	if _, err := read(); err != nil {
		p.StopWorkers()
	}
}

func (p *f7pool) StopWorkers() {
	p.once.Do(func() { close(p.quit) })
	p.workers.Wait() // ok: F7 report is counted in reporter, not workers
}
