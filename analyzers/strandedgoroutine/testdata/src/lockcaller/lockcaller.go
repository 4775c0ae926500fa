// Package lockcaller: a send on a stop channel made while a caller holds
// the mutex that the receiving loop takes between its receives.
package lockcaller

import (
	"sync"
	"time"
)

// A probe manager, as in a node agent: each worker probes on a ticker and
// records its result under the manager's mutex; removing a pod stops its
// worker with a send, under that same mutex.
type manager struct {
	mu      sync.Mutex
	workers map[string]*worker
	results map[string]bool
}

type worker struct {
	m    *manager
	stop chan struct{}
}

func (m *manager) add(pod string) {
	w := &worker{m: m, stop: make(chan struct{})}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *worker) run(pod string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.m.record(pod, true)
		}
	}
}

func (m *manager) record(pod string, ok bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.results[pod] = ok
}

func (w *worker) halt() {
	w.stop <- struct{}{} // want `send on worker.stop can deadlock: it runs with manager.mu held, and every receiver is a loop that takes manager.mu between its receives`
}

func (m *manager) remove(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.workers[pod]; ok {
		w.halt()
		delete(m.workers, pod)
	}
}

// Fixed: the stop is a close, which never blocks.
type managerFixed struct {
	mu      sync.Mutex
	workers map[string]*workerFixed
	results map[string]bool
}

type workerFixed struct {
	m    *managerFixed
	stop chan struct{}
}

func (m *managerFixed) add(pod string) {
	w := &workerFixed{m: m, stop: make(chan struct{})}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *workerFixed) run(pod string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.m.mu.Lock()
			w.m.results[pod] = true
			w.m.mu.Unlock()
		}
	}
}

func (m *managerFixed) remove(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.workers[pod]; ok {
		close(w.stop) // ok: a close does not wait for the loop
		delete(m.workers, pod)
	}
}

// The send is made after the unlock: silent.
func (m *managerFixed) removeUnlocked(pod string, w *workerFixed) {
	m.mu.Lock()
	delete(m.workers, pod)
	m.mu.Unlock()
	w.stop <- struct{}{} // ok: no mutex held
}

// A worker whose loop never takes the mutex: silent.
type counter struct {
	mu   sync.Mutex
	n    int
	stop chan struct{}
	tick chan int
}

func newCounter() *counter {
	c := &counter{stop: make(chan struct{}), tick: make(chan int)}
	go c.loop()
	return c
}

func (c *counter) loop() {
	for {
		select {
		case <-c.stop:
			return
		case <-c.tick:
		}
	}
}

func (c *counter) Stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stop <- struct{}{} // ok: the loop never takes mu
}

// A buffered stop channel: the send does not wait for the loop.
type buffered struct {
	mu   sync.Mutex
	stop chan struct{}
}

func newBuffered() *buffered {
	b := &buffered{stop: make(chan struct{}, 1)}
	go b.loop()
	return b
}

func (b *buffered) loop() {
	for {
		select {
		case <-b.stop:
			return
		default:
			b.mu.Lock()
			b.mu.Unlock()
		}
	}
}

func (b *buffered) Stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.stop <- struct{}{} // ok: a buffer of one
}

// A token keeper whose loop expires tokens through a callback that takes
// the store's mutex, while the store adds tokens under that mutex: the
// buffer of one fills while the loop waits for the mutex.
type store struct {
	mu     sync.Mutex
	tokens map[string]bool
	keeper *keeper
}

type keeper struct {
	added  chan string
	expire func(string)
}

func newKeeper(expire func(string)) *keeper {
	k := &keeper{added: make(chan string, 1), expire: expire}
	go k.run()
	return k
}

func (k *keeper) run() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	var live []string
	for {
		select {
		case tok := <-k.added:
			live = append(live, tok)
		case <-t.C:
			for _, tok := range live {
				k.expire(tok)
			}
			live = nil
		}
	}
}

func (k *keeper) add(tok string) {
	k.added <- tok // want `send on keeper.added can deadlock once its buffer is full: it runs with store.mu held, and every receiver is a loop that takes store.mu between its receives`
}

func newStore() *store {
	s := &store{tokens: make(map[string]bool)}
	s.keeper = newKeeper(func(tok string) {
		s.mu.Lock()
		delete(s.tokens, tok)
		s.mu.Unlock()
	})
	return s
}

func (s *store) assign(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[tok] = true
	s.keeper.add(tok)
}

// Fixed: the callback does not take the store's mutex (it hands the
// token to the store without locking).
type storeFixed struct {
	mu      sync.Mutex
	tokens  map[string]bool
	expired chan string
	keeper  *keeperFixed
}

type keeperFixed struct {
	added  chan string
	expire func(string)
}

func newKeeperFixed(expire func(string)) *keeperFixed {
	k := &keeperFixed{added: make(chan string, 1), expire: expire}
	go k.run()
	return k
}

func (k *keeperFixed) run() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-k.added:
		case <-t.C:
			k.expire("")
		}
	}
}

func (k *keeperFixed) add(tok string) {
	k.added <- tok // ok: the loop never takes storeFixed.mu
}

func newStoreFixed() *storeFixed {
	s := &storeFixed{tokens: make(map[string]bool)}
	s.keeper = newKeeperFixed(func(tok string) {
		select {
		case s.expired <- tok:
		default:
		}
	})
	return s
}

func (s *storeFixed) assign(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[tok] = true
	s.keeper.add(tok)
}

// The add drains first, under the mutex (grpc's fix): the buffer of one
// always has room.
func (k *keeper) replace(tok string) {
	select {
	case <-k.added:
	default:
	}
	k.added <- tok // ok: drained first
}

func (s *store) reassign(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.keeper.replace(tok)
}

// A resolver that notifies a watcher of new addresses under its mutex,
// through an interface; the watcher tears connections down through a
// callback the resolver handed out, which takes the resolver's mutex.
type Resolver interface {
	Up(addr string) (down func())
	Notify() <-chan []string
}

type resolver struct {
	mu     sync.Mutex
	addrs  []string
	update chan []string
}

func newResolver() *resolver { return &resolver{update: make(chan []string)} }

func (r *resolver) Notify() <-chan []string { return r.update }

func (r *resolver) Up(addr string) func() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addrs = append(r.addrs, addr)
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.addrs = nil
		r.update <- nil // want `send on resolver.update can deadlock: it runs with resolver.mu held`
	}
}

func (r *resolver) Refresh(addrs []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addrs = addrs
	r.update <- addrs // want `send on resolver.update can deadlock: it runs with resolver.mu held, and every receiver is a loop that takes resolver.mu between its receives`
}

type conn struct {
	down func()
}

type client struct {
	r     Resolver
	conns map[string]*conn
}

func (c *client) watch() {
	for addrs := range c.r.Notify() {
		for a, cn := range c.conns {
			if !contains(addrs, a) {
				cn.down()
				delete(c.conns, a)
			}
		}
		for _, a := range addrs {
			c.conns[a] = &conn{down: c.r.Up(a)}
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Fixed: the resolver notifies without waiting (the watcher reads the
// latest addresses itself).
type resolverFixed struct {
	mu     sync.Mutex
	addrs  []string
	update chan []string
}

func newResolverFixed() *resolverFixed {
	return &resolverFixed{update: make(chan []string, 1)}
}

func (r *resolverFixed) Notify() <-chan []string { return r.update }

func (r *resolverFixed) Up(addr string) func() {
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.addrs = nil
	}
}

func (r *resolverFixed) Refresh(addrs []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.addrs = addrs
	select {
	case r.update <- addrs: // ok: never waits under the mutex
	default:
	}
}

// A generic implementation of the interface: not resolved, no panic.
type genericResolver[T any] struct {
	mu     sync.Mutex
	update chan []string
	last   T
}

func (r *genericResolver[T]) Up(addr string) func() { return func() {} }

func (r *genericResolver[T]) Notify() <-chan []string { return r.update }

var _ Resolver = (*genericResolver[int])(nil)
