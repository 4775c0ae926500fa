package selfjoin

import "sync"

// F11: the wait flag captured by the once's literal.
type f11conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newF11() *f11conn {
	c := &f11conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *f11conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(false)
			return
		}
	}
}

func (c *f11conn) Close() { c.shutdown(true) }

func (c *f11conn) shutdown(wait bool) {
	c.once.Do(func() {
		close(c.stop)
		if wait {
			<-c.done // ok: F11 the loop passes wait=false
		}
	})
}

// F12: the guard is a field of an options value.
type closeOpts struct{ wait bool }

type f12conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newF12() *f12conn {
	c := &f12conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *f12conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(closeOpts{wait: false})
			return
		}
	}
}

func (c *f12conn) Close() { c.shutdown(closeOpts{wait: true}) }

func (c *f12conn) shutdown(o closeOpts) {
	c.once.Do(func() { close(c.stop) })
	if o.wait {
		<-c.done // ok: F12 the loop passes wait: false
	}
}

// F13: early return on the flag in the callee, wait in a further call.
type f13conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newF13() *f13conn {
	c := &f13conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *f13conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(true)
			return
		}
	}
}

func (c *f13conn) Close() { c.shutdown(false) }

func (c *f13conn) shutdown(fromLoop bool) {
	c.once.Do(func() { close(c.stop) })
	if fromLoop {
		return
	}
	c.waitDone()
}

func (c *f13conn) waitDone() {
	<-c.done // ok: F13 the loop returns before waitDone
}

// Guards on constants of every kind, compared every way: evaluated
// without a panic (an ordered comparison of complex numbers is not).
type kconn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newK() *kconn {
	c := &kconn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *kconn) readLoop() {
	defer close(c.done)
	if _, err := read(); err != nil {
		c.shutdown(1i, 2.5, "loop", 3)
	}
}

func (c *kconn) shutdown(z complex128, f float64, who string, n int) {
	c.once.Do(func() { close(c.stop) })
	if z == 2i || f > 3 || who < "loop" || n >= 4 {
		<-c.done // ok: every guard turns away on the loop's path
	}
}
