package selfjoin

import "sync"

// R1: a shutdown hook kept in another instance of the callback type
// closes d; d's loop only runs its own (harmless) model.
type hooks struct{ fn func() }

func (h *hooks) fire() {
	if h.fn != nil {
		h.fn()
	}
}

type rdisp struct {
	recv    *hooks
	inbox   chan string
	stopped chan struct{}
	closed  chan struct{}
	once    sync.Once
}

func (d *rdisp) Start() { go d.loop() }

func (d *rdisp) loop() {
	defer close(d.stopped)
	for {
		select {
		case <-d.inbox:
			d.recv.fire()
		case <-d.closed:
			return
		}
	}
}

func (d *rdisp) Close() {
	d.once.Do(func() {
		close(d.closed)
		<-d.stopped // ok: R1 d's loop never runs the shutdown hook
	})
}

var shutdownHooks []*hooks

func runShutdown() {
	d := &rdisp{recv: &hooks{fn: func() {}}, inbox: make(chan string), stopped: make(chan struct{}), closed: make(chan struct{})}
	d.Start()
	h := &hooks{}
	h.fn = func() { d.Close() }
	shutdownHooks = append(shutdownHooks, h)
}

// R2: a guarded wait: the loop asks not to wait.
type gconn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newGconn() *gconn {
	c := &gconn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *gconn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(false)
			return
		}
	}
}

func (c *gconn) Close() { c.shutdown(true) }

func (c *gconn) shutdown(wait bool) {
	c.once.Do(func() { close(c.stop) })
	if wait {
		<-c.done // ok: R2 the loop passes wait=false
	}
}

// R3: the receiver's variable, reassigned by a literal, names another
// connection when Close is called.
type rconn struct {
	next *rconn
	done chan struct{}
	stop chan struct{}
}

func (c *rconn) readLoop() {
	defer close(c.done)
	advance := func() { c = c.next }
	for {
		if _, err := read(); err != nil {
			advance()
			c.Close()
			return
		}
	}
}

func (c *rconn) Close() {
	close(c.stop)
	<-c.done // ok: R3 c is c.next by then
}

// R4: the same, through the variable's address.
type aconn struct {
	next *aconn
	done chan struct{}
	stop chan struct{}
}

func advanceA(p **aconn) { *p = (*p).next }

func (c *aconn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			advanceA(&c)
			c.Close()
			return
		}
	}
}

func (c *aconn) Close() {
	close(c.stop)
	<-c.done // ok: R4 c is c.next by then
}

// R5: a WaitGroup worker whose Stop waits only when asked.
type gpool struct {
	wg   sync.WaitGroup
	quit chan struct{}
	once sync.Once
}

func (p *gpool) Start() {
	p.wg.Add(1)
	go p.work()
}

func (p *gpool) work() {
	defer p.wg.Done()
	if _, err := read(); err != nil {
		p.stop(false)
	}
}

func (p *gpool) Stop() { p.stop(true) }

func (p *gpool) stop(wait bool) {
	p.once.Do(func() { close(p.quit) })
	if wait {
		p.wg.Wait() // ok: R5 the worker passes wait=false
	}
}
