package reviewed

import (
	"sync"
	"time"
)

// ---- L10: the stop is deferred before the lock, so it runs after the
// deferred Unlock.
type mgr10 struct {
	mu      sync.Mutex
	workers map[string]*wk10
	results map[string]bool
}

type wk10 struct {
	m    *mgr10
	stop chan struct{}
}

func (m *mgr10) add(pod string) {
	w := &wk10{m: m, stop: make(chan struct{})}
	m.mu.Lock()
	m.workers[pod] = w
	m.mu.Unlock()
	go w.run(pod)
}

func (w *wk10) run(pod string) {
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

func (m *mgr10) record(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.results[pod] = true
}

func (w *wk10) halt() {
	w.stop <- struct{}{}
}

func (m *mgr10) remove(pod string) {
	var w *wk10
	defer func() {
		if w != nil {
			w.halt()
		}
	}()
	m.mu.Lock()
	defer m.mu.Unlock()
	w = m.workers[pod]
	delete(m.workers, pod)
}

// ---- L11: the caller holds the lock only on a path where the worker
// was never started (no receiver can be running).
type mgr11 struct {
	mu      sync.Mutex
	w       *wk11
	results map[string]bool
}

type wk11 struct {
	m    *mgr11
	stop chan struct{}
}

func (w *wk11) run(pod string) {
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

func (w *wk11) halt() {
	w.stop <- struct{}{}
}

// Stop: unlock before the send.
func (m *mgr11) Stop() {
	m.mu.Lock()
	w := m.w
	m.w = nil
	m.mu.Unlock()
	if w != nil {
		w.halt()
	}
}

func (m *mgr11) Start(pod string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	w := &wk11{m: m, stop: make(chan struct{})}
	m.w = w
	go w.run(pod)
}
