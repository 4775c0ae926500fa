package selfjoin

import "sync"

// The look-alikes of guards.go where the loop's own call passes the value
// that waits: still reported.

// The flag handed on through a helper, true on the loop's path.
type t1conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newT1() *t1conn {
	c := &t1conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *t1conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.closeWithErr(err, true)
			return
		}
	}
}

func (c *t1conn) closeWithErr(err error, wait bool) {
	_ = err
	c.shutdown(wait)
}

func (c *t1conn) shutdown(wait bool) {
	c.once.Do(func() { close(c.stop) })
	if wait {
		<-c.done // want `receive from t1conn.done blocks for ever when t1conn.readLoop reaches it \(through t1conn.closeWithErr, t1conn.shutdown\)`
	}
}

// The mode the loop passes is the one that waits.
type t3conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newT3() *t3conn {
	c := &t3conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *t3conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(byUser)
			return
		}
	}
}

func (c *t3conn) shutdown(m mode) {
	c.once.Do(func() { close(c.stop) })
	if m != byLoop {
		<-c.done // want `receive from t3conn.done blocks for ever when t3conn.readLoop reaches it \(through t3conn.shutdown\)`
	}
}

// The flag captured by the once's literal, true on the loop's path.
type t11conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newT11() *t11conn {
	c := &t11conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *t11conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown(true)
			return
		}
	}
}

func (c *t11conn) shutdown(wait bool) {
	c.once.Do(func() {
		close(c.stop)
		if wait {
			<-c.done // want `receive from t11conn.done blocks for ever when t11conn.readLoop reaches it`
		}
	})
}

// A guard on the object's own state is not the caller's choice: the loop
// reaches the wait when nothing closed the object before.
type t4conn struct {
	done   chan struct{}
	mu     sync.Mutex
	closed bool
}

func newT4() *t4conn {
	c := &t4conn{done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *t4conn) readLoop() {
	defer close(c.done)
	if _, err := read(); err != nil {
		c.Close()
	}
}

func (c *t4conn) Close() {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return
	}
	c.closed = true
	c.mu.Unlock()
	<-c.done // want `receive from t4conn.done blocks for ever when t4conn.readLoop reaches it \(through t4conn.Close\)`
}

// One guard of several turns away, another lets the loop through: the
// wait is reached (a first guard's true edge into the wait is not the
// only way in).
type korconn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newKor() *korconn {
	c := &korconn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *korconn) readLoop() {
	defer close(c.done)
	if _, err := read(); err != nil {
		c.shutdown(1i, 3)
	}
}

func (c *korconn) shutdown(z complex128, n int) {
	c.once.Do(func() { close(c.stop) })
	if z == 2i || n >= 3 {
		<-c.done // want `receive from korconn.done blocks for ever when korconn.readLoop reaches it`
	}
}
