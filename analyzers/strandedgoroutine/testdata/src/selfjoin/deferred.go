package selfjoin

import "sync"

// The loop closes its object in a defer registered after the release:
// defers run last in, first out, so Close runs first and waits for the
// close that would run after it.
type n1conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newN1() *n1conn {
	c := &n1conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *n1conn) readLoop() {
	defer close(c.done)
	defer c.Close()
	for {
		if _, err := read(); err != nil {
			return
		}
	}
}

func (c *n1conn) Close() {
	c.once.Do(func() { close(c.stop) })
	<-c.done // want `receive from n1conn.done blocks for ever when n1conn.readLoop reaches it \(through n1conn.Close\)`
}

// The same with a deferred literal and a WaitGroup.
type n2pool struct {
	wg   sync.WaitGroup
	quit chan struct{}
	once sync.Once
}

func (p *n2pool) Start() {
	p.wg.Add(1)
	go p.work()
}

func (p *n2pool) work() {
	defer p.wg.Done()
	defer func() {
		p.Stop()
	}()
	_, _ = read()
}

func (p *n2pool) Stop() {
	p.once.Do(func() { close(p.quit) })
	p.wg.Wait() // want `Wait on n2pool.wg blocks for ever when n2pool.work reaches it`
}

// Fixed: the Close is deferred first, so it runs after the release.
type n3conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newN3() *n3conn {
	c := &n3conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *n3conn) readLoop() {
	defer c.Close()
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			return
		}
	}
}

func (c *n3conn) Close() {
	c.once.Do(func() { close(c.stop) })
	<-c.done // ok: runs after the close
}
