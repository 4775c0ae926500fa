package lockcaller

import "sync"

// A read lock held across a send blocks only partners that take the
// lock for writing: two readers share it.

// statusCache publishes under its read lock; the loop that receives takes
// the write lock around each receive: the publisher waits for the loop,
// the loop for the publisher's read lock.
type statusCache struct {
	mu      sync.RWMutex
	updates chan string
	last    string
}

func newStatusCache() *statusCache {
	c := &statusCache{updates: make(chan string)}
	go c.run()
	return c
}

func (c *statusCache) run() {
	for {
		c.mu.Lock()
		s := <-c.updates // want `receive from statusCache.updates can block for ever: it holds mu, and every partner operation on the channel needs mu first`
		c.last = s
		c.mu.Unlock()
	}
}

func (c *statusCache) Publish(s string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.updates <- s // want `send on statusCache.updates can block for ever: it holds mu for reading, and every partner operation on the channel needs mu for writing first`
}

// readCache's loop reads under the read lock too: both share it, silent.
type readCache struct {
	mu      sync.RWMutex
	updates chan string
	seen    int
}

func newReadCache() *readCache {
	c := &readCache{updates: make(chan string)}
	go c.run()
	return c
}

func (c *readCache) run() {
	for {
		c.mu.RLock()
		<-c.updates
		c.mu.RUnlock()
	}
}

func (c *readCache) Publish(s string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.updates <- s // ok: the receiver only reads under the lock
}

// notifier wakes its loop under the read lock; the loop counts under the
// write lock between its receives (a publisher that walks its
// subscribers under RLock, and a loop that updates them under Lock).
type notifier struct {
	mu    sync.RWMutex
	wake  chan struct{}
	count int
}

func newNotifier() *notifier {
	n := &notifier{wake: make(chan struct{})}
	go n.loop()
	return n
}

func (n *notifier) loop() {
	for range n.wake {
		n.mu.Lock()
		n.count++
		n.mu.Unlock()
	}
}

func (n *notifier) Notify() {
	n.mu.RLock()
	defer n.mu.RUnlock()
	n.wake <- struct{}{} // want `send on notifier.wake can deadlock: it runs with notifier.mu held for reading, and every receiver is a loop that takes notifier.mu for writing between its receives`
}

// notifyHolder takes the read lock in its caller, and the loop takes the
// write lock between receives: a deadlock, but read locks are only
// followed where they are held, on the channel's own object.
type notifyHolder struct {
	mu    sync.RWMutex
	wake  chan struct{}
	count int
}

func newNotifyHolder() *notifyHolder {
	n := &notifyHolder{wake: make(chan struct{})}
	go n.loop()
	return n
}

func (n *notifyHolder) loop() {
	for {
		<-n.wake
		n.mu.Lock()
		n.count++
		n.mu.Unlock()
	}
}

func (n *notifyHolder) poke() {
	n.wake <- struct{}{} // ok: a read lock held by a caller is not followed (a known false negative: the caller's lock may be another object's)
}

func (n *notifyHolder) Refresh() {
	n.mu.RLock()
	defer n.mu.RUnlock()
	n.poke()
}

// readLoop's loop only reads between receives: silent.
type readLoop struct {
	mu    sync.RWMutex
	wake  chan struct{}
	count int
}

func newReadLoop() *readLoop {
	n := &readLoop{wake: make(chan struct{})}
	go n.loop()
	return n
}

func (n *readLoop) loop() {
	for {
		<-n.wake
		n.mu.RLock()
		_ = n.count
		n.mu.RUnlock()
	}
}

func (n *readLoop) poke() {
	n.wake <- struct{}{} // ok: the loop takes the lock for reading only
}

func (n *readLoop) Refresh() {
	n.mu.RLock()
	defer n.mu.RUnlock()
	n.poke()
}

// node broadcasts to its children under its own read lock; each child's
// loop takes the child's lock, not the parent's: no deadlock.
type node struct {
	mu       sync.RWMutex
	children []*node
	in       chan string
	seen     int
}

func newNode() *node {
	n := &node{in: make(chan string)}
	go n.loop()
	return n
}

func (n *node) loop() {
	for range n.in {
		n.mu.Lock()
		n.seen++
		n.mu.Unlock()
	}
}

func (n *node) Broadcast(m string) {
	n.mu.RLock()
	defer n.mu.RUnlock()
	for _, c := range n.children {
		c.in <- m // ok: the child's loop takes the child's lock, not this one
	}
}

// peer's loop locks another peer's mutex: not the one held at the send.
type peer struct {
	mu    sync.RWMutex
	other *peer
	ch    chan string
	n     int
}

func newPeer(o *peer) *peer {
	p := &peer{other: o, ch: make(chan string)}
	go p.loop()
	return p
}

func (p *peer) loop() {
	for {
		p.other.mu.Lock()
		<-p.ch
		p.other.n++
		p.other.mu.Unlock()
	}
}

func (p *peer) Send(m string) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	p.ch <- m // ok: the loop holds the other peer's lock
}
