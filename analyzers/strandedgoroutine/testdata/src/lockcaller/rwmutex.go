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
	n.wake <- struct{}{} // want `it holds mu for reading, and every partner operation on the channel needs mu for writing first`
}

// notifyHolder takes the read lock in its caller, and the loop takes the
// write lock between receives.
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
	n.wake <- struct{}{} // want `send on notifyHolder.wake can deadlock: it runs with notifyHolder.mu held for reading, and every receiver is a loop that takes notifyHolder.mu for writing between its receives`
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
