package selfjoin

import (
	"log"
	"sync"
	"time"
)


// From a second review: branches that do not decide the wait.

// R1: a log branch on a non-constant string parameter before the wait.
type r1conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newR1() *r1conn {
	c := &r1conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *r1conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(err.Error())
			return
		}
	}
}

func (c *r1conn) shutdown(reason string) {
	if reason != "" {
		log.Print(reason)
	}
	c.once.Do(func() { close(c.stop) })
	<-c.done // want `receive from r1conn.done blocks for ever when r1conn.readLoop reaches it \(through r1conn.shutdown\)`
}

// R2: the wait under an unrelated timeout > 0 guard, timeout from a field.
type r2conn struct {
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
	timeout time.Duration
}

func newR2() *r2conn {
	c := &r2conn{stop: make(chan struct{}), done: make(chan struct{}), timeout: time.Second}
	go c.readLoop()
	return c
}

func (c *r2conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(c.timeout)
			return
		}
	}
}

func (c *r2conn) shutdown(timeout time.Duration) {
	c.once.Do(func() { close(c.stop) })
	if timeout > 0 {
		select {
		case <-c.done: // ok: R2 a timer case
		case <-time.After(timeout):
		}
		return
	}
	<-c.done // ok: R2b whether it waits depends on the timeout the loop passes (a field): the caller's choice, not followed
}

// R3: WaitGroup, a retry count loop before the wait.
type r3pool struct {
	wg   sync.WaitGroup
	quit chan struct{}
	once sync.Once
}

func (p *r3pool) Start() {
	p.wg.Add(1)
	go p.work()
}

func (p *r3pool) work() {
	defer p.wg.Done()
	if _, err := read(); err != nil {
		p.stop(3)
	}
}

func (p *r3pool) stop(n int) {
	for i := 0; i < n; i++ {
		p.once.Do(func() { close(p.quit) })
	}
	p.wg.Wait() // want `Wait on r3pool.wg blocks for ever when r3pool.work reaches it \(through r3pool.stop\)`
}

// R4: a non-constant int from a field, a debug log branch.
type r4pool struct {
	wg      sync.WaitGroup
	quit    chan struct{}
	verbose int
}

func (p *r4pool) Start() {
	p.wg.Add(1)
	go p.work()
}

func (p *r4pool) work() {
	defer p.wg.Done()
	if _, err := read(); err != nil {
		p.stop(p.verbose)
	}
}

func (p *r4pool) stop(v int) {
	if v > 2 {
		log.Print("stopping")
	}
	close(p.quit)
	p.wg.Wait() // want `Wait on r4pool.wg blocks for ever when r4pool.work reaches it \(through r4pool.stop\)`
}
