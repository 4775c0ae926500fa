// Package selfjoin has loops that wait for their own end: they defer the
// release of their object's wait and, on their way out, call the
// object's Close, which waits for the loop to end.
package selfjoin

import (
	"errors"
	"sync"
	"time"
)

func read() (string, error) { return "", errors.New("eof") }

// conn's read loop calls Close on a read error; Close waits for the loop.
type conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newConn() *conn {
	c := &conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *conn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.Close()
			return
		}
	}
}

func (c *conn) Close() {
	c.once.Do(func() {
		close(c.stop)
		<-c.done // want `receive from conn.done blocks for ever when conn.readLoop reaches it \(through conn.Close, a function literal in conn.Close\): the close it waits for is conn.readLoop's own, deferred until it returns`
	})
}

// fixedConn closes from a new goroutine.
type fixedConn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newFixedConn() *fixedConn {
	c := &fixedConn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *fixedConn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			go c.Close()
			return
		}
	}
}

func (c *fixedConn) Close() {
	c.once.Do(func() {
		close(c.stop)
		<-c.done // ok: the loop closes from a new goroutine
	})
}

// quietConn's loop stops without waiting; Close waits, from outside.
type quietConn struct {
	stop chan struct{}
	done chan struct{}
}

func newQuietConn() *quietConn {
	c := &quietConn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *quietConn) readLoop() {
	defer close(c.done)
	for {
		if _, err := read(); err != nil {
			c.shutdown()
			return
		}
	}
}

func (c *quietConn) shutdown() {}

func (c *quietConn) Close() {
	close(c.stop)
	<-c.done // ok: the loop never calls Close
}

// boundedConn waits with a timeout.
type boundedConn struct{ done chan struct{} }

func newBoundedConn() *boundedConn {
	c := &boundedConn{done: make(chan struct{})}
	go c.readLoop()
	return c
}

func (c *boundedConn) readLoop() {
	defer close(c.done)
	if _, err := read(); err != nil {
		c.Close()
	}
}

func (c *boundedConn) Close() {
	select {
	case <-c.done: // ok: it gives up after a second
	case <-time.After(time.Second):
	}
}

// worker's loop stops the group it is counted in.
type worker struct {
	wg   sync.WaitGroup
	stop chan struct{}
}

func (w *worker) Start() {
	w.wg.Add(1)
	go w.loop()
}

func (w *worker) loop() {
	defer w.wg.Done()
	for {
		select {
		case <-w.stop:
			return
		default:
		}
		if _, err := read(); err != nil {
			w.Stop()
			return
		}
	}
}

func (w *worker) Stop() {
	close(w.stop)
	w.wg.Wait() // want `Wait on worker.wg blocks for ever when worker.loop reaches it \(through worker.Stop\): the Done it waits for is worker.loop's own`
}

// peer's loop evicts other peers: their Close waits for their loops.
type peer struct {
	done  chan struct{}
	hub   *hub
	inbox chan string
}

type hub struct {
	mu    sync.Mutex
	peers map[string]*peer
}

func (h *hub) add(name string) *peer {
	p := &peer{done: make(chan struct{}), hub: h, inbox: make(chan string)}
	h.mu.Lock()
	h.peers[name] = p
	h.mu.Unlock()
	go p.loop()
	return p
}

func (p *peer) loop() {
	defer close(p.done)
	for name := range p.inbox {
		p.hub.evict(name)
	}
}

func (h *hub) evict(name string) {
	h.mu.Lock()
	other := h.peers[name]
	delete(h.peers, name)
	h.mu.Unlock()
	if other != nil {
		other.Close()
	}
}

func (p *peer) Close() {
	close(p.inbox)
	<-p.done // ok: a loop evicts another peer, whose own loop ends
}

// A callback kept by a model, set by the code that starts the loop to
// close that same connection: the loop runs it.
type model interface{ notify(string) }

type funcModel struct{ fn func() }

func (m *funcModel) notify(string) {
	if m.fn != nil {
		m.fn()
	}
}

type dispatcher struct {
	recv    model
	inbox   chan string
	stopped chan struct{}
	closed  chan struct{}
	once    sync.Once
}

func (d *dispatcher) Start() { go d.loop() }

func (d *dispatcher) loop() {
	defer close(d.stopped)
	for {
		select {
		case msg := <-d.inbox:
			d.recv.notify(msg)
		case <-d.closed:
			return
		}
	}
}

func (d *dispatcher) Close() {
	d.once.Do(func() {
		close(d.closed)
		<-d.stopped // want `receive from dispatcher.stopped blocks for ever when dispatcher.loop reaches it`
	})
}

func run() {
	m := &funcModel{}
	d := &dispatcher{recv: m, inbox: make(chan string), stopped: make(chan struct{}), closed: make(chan struct{})}
	m.fn = func() { d.Close() }
	d.Start()
	d.inbox <- "stop"
}

// otherDispatcher's callback closes a different dispatcher than the one
// whose loop runs it, both started by the same code.
type otherDispatcher struct {
	recv    model
	stopped chan struct{}
	inbox   chan string
}

func (d *otherDispatcher) Start() { go d.loop() }

func (d *otherDispatcher) loop() {
	defer close(d.stopped)
	for msg := range d.inbox {
		d.recv.notify(msg)
	}
}

func (d *otherDispatcher) Close() {
	close(d.inbox)
	<-d.stopped // ok: the callback closes another dispatcher
}

func runTwo() {
	m := &funcModel{}
	a := &otherDispatcher{recv: m, stopped: make(chan struct{}), inbox: make(chan string)}
	b := &otherDispatcher{recv: &funcModel{}, stopped: make(chan struct{}), inbox: make(chan string)}
	m.fn = func() { b.Close() }
	a.Start()
	b.Start()
	a.inbox <- "stop"
}
