// Package reviewfp: reviewer's suspected false positives. No line here
// should be reported; every report is a false positive.
package reviewed

import (
	"sync"
	"time"
)

// ---- L1: the callee releases the mutex before it sends.
type mgr1 struct {
	mu      sync.Mutex
	workers map[string]*wk1
	results map[string]bool
}

type wk1 struct {
	m    *mgr1
	stop chan struct{}
}

func (m *mgr1) add(pod string) {
	w := &wk1{m: m, stop: make(chan struct{})}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *wk1) run(pod string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.m.record(pod)
		}
	}
}

func (m *mgr1) record(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.results[pod] = true
}

// called with m.mu held; releases it before the send
func (m *mgr1) haltLocked(w *wk1) {
	m.mu.Unlock()
	w.stop <- struct{}{}
	m.mu.Lock()
}

func (m *mgr1) remove(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.workers[pod]; ok {
		delete(m.workers, pod)
		m.haltLocked(w)
	}
}

// ---- L2: the loop takes the mutex only after it received the stop.
type mgr2 struct {
	mu      sync.Mutex
	workers map[string]*wk2
	done    map[string]bool
}

type wk2 struct {
	m    *mgr2
	stop chan struct{}
	work chan int
}

func (m *mgr2) add(pod string) {
	w := &wk2{m: m, stop: make(chan struct{}), work: make(chan int, 10)}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *wk2) run(pod string) {
	for {
		select {
		case <-w.stop:
			w.m.mu.Lock()
			w.m.done[pod] = true
			w.m.mu.Unlock()
			return
		case n := <-w.work:
			_ = n
		}
	}
}

func (m *mgr2) remove(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.workers[pod]; ok {
		w.stop <- struct{}{}
		delete(m.workers, pod)
	}
}

// ---- L3: the loop takes the mutex only in a goroutine it starts.
type mgr3 struct {
	mu      sync.Mutex
	workers map[string]*wk3
	results map[string]bool
}

type wk3 struct {
	m    *mgr3
	stop chan struct{}
}

func (m *mgr3) add(pod string) {
	w := &wk3{m: m, stop: make(chan struct{})}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *wk3) run(pod string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			go w.m.record(pod)
		}
	}
}

func (m *mgr3) record(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.results[pod] = true
}

func (m *mgr3) remove(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.workers[pod]; ok {
		w.stop <- struct{}{}
		delete(m.workers, pod)
	}
}

// ---- L4: the loop only TryLocks.
type mgr4 struct {
	mu      sync.Mutex
	workers map[string]*wk4
	results map[string]bool
}

type wk4 struct {
	m    *mgr4
	stop chan struct{}
}

func (m *mgr4) add(pod string) {
	w := &wk4{m: m, stop: make(chan struct{})}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *wk4) run(pod string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			if w.m.mu.TryLock() {
				w.m.results[pod] = true
				w.m.mu.Unlock()
			}
		}
	}
}

func (m *mgr4) remove(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.workers[pod]; ok {
		w.stop <- struct{}{}
		delete(m.workers, pod)
	}
}

// ---- L5: the send runs in a goroutine the locked caller starts.
type mgr5 struct {
	mu      sync.Mutex
	workers map[string]*wk5
	results map[string]bool
}

type wk5 struct {
	m    *mgr5
	stop chan struct{}
}

func (m *mgr5) add(pod string) {
	w := &wk5{m: m, stop: make(chan struct{})}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *wk5) run(pod string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.m.record(pod)
		}
	}
}

func (m *mgr5) record(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.results[pod] = true
}

func (w *wk5) halt() {
	w.stop <- struct{}{}
}

func (m *mgr5) remove(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if w, ok := m.workers[pod]; ok {
		go w.halt()
		delete(m.workers, pod)
	}
}

// ---- L6: RLock on both sides.
type mgr6 struct {
	mu      sync.RWMutex
	workers map[string]*wk6
	results map[string]bool
}

type wk6 struct {
	m    *mgr6
	stop chan struct{}
}

func (m *mgr6) add(pod string) {
	w := &wk6{m: m, stop: make(chan struct{})}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *wk6) run(pod string) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.m.mu.RLock()
			_ = w.m.results[pod]
			w.m.mu.RUnlock()
		}
	}
}

func (m *mgr6) remove(pod string) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if w, ok := m.workers[pod]; ok {
		w.stop <- struct{}{}
	}
}
