// Package condexported: a Cond nothing signals, whose wait loop reads an
// exported field. An importer may set the field, but nothing can wake a
// waiter once it waits, so the wait blocks for ever whenever it runs.
package condexported

import (
	"errors"
	"sync"
)

type Spec struct{ Replicas int }

// A plugin that waits until its spec is loaded: nothing in the package
// loads it, and nothing broadcasts.
type Plugin struct {
	mu     sync.Mutex
	loaded *sync.Cond
	Spec   *Spec
}

func NewPlugin() *Plugin {
	p := &Plugin{}
	p.loaded = sync.NewCond(&p.mu)
	return p
}

func (p *Plugin) ready() bool { return p.Spec != nil }

func (p *Plugin) WaitLoaded() *Spec {
	p.loaded.L.Lock()
	defer p.loaded.L.Unlock()
	for !p.ready() {
		p.loaded.Wait() // want `Plugin.loaded.Wait\(\) blocks for ever: nothing calls Signal or Broadcast on it, and the loop around it waits on fields that are never set`
	}
	return p.Spec
}

// Fixed: the loop also ends on an error that the package sets before
// anyone can wait (moby's fix: stop waiting once activation failed).
type PluginFixed struct {
	mu     sync.Mutex
	loaded *sync.Cond
	Spec   *Spec
	err    error
}

func NewPluginFixed(fail bool) *PluginFixed {
	p := &PluginFixed{}
	p.loaded = sync.NewCond(&p.mu)
	if fail {
		p.err = errors.New("load failed")
	}
	return p
}

func (p *PluginFixed) WaitLoaded() (*Spec, error) {
	p.loaded.L.Lock()
	defer p.loaded.L.Unlock()
	for p.Spec == nil && p.err == nil {
		p.loaded.Wait() // ok: err is set by the package
	}
	return p.Spec, p.err
}

// A loader that sets the exported field and broadcasts: silent.
type Cache struct {
	mu     sync.Mutex
	synced *sync.Cond
	Synced bool
}

func NewCache() *Cache {
	c := &Cache{}
	c.synced = sync.NewCond(&c.mu)
	return c
}

func (c *Cache) MarkSynced() {
	c.mu.Lock()
	c.Synced = true
	c.synced.Broadcast()
	c.mu.Unlock()
}

func (c *Cache) WaitForSync() {
	c.mu.Lock()
	for !c.Synced {
		c.synced.Wait() // ok: MarkSynced broadcasts
	}
	c.mu.Unlock()
}

// The Cond handed out: an importer may signal it.
type Gate struct {
	mu   sync.Mutex
	cond *sync.Cond
	Open bool
}

func NewGate() *Gate {
	g := &Gate{}
	g.cond = sync.NewCond(&g.mu)
	return g
}

func (g *Gate) Cond() *sync.Cond { return g.cond }

func (g *Gate) Wait() {
	g.mu.Lock()
	for !g.Open {
		g.cond.Wait() // ok: the Cond leaves the package through Cond()
	}
	g.mu.Unlock()
}
