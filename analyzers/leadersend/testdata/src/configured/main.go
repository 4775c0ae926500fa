// Command configured registers its handler and gates its consumer through
// project helpers that ctrlvet knows only from its settings (see
// TestSettings, which also runs it without them: silent).
package main

import (
	"context"

	"k8s.io/client-go/tools/cache"

	"example.com/ha"
	"example.com/hub"
)

type controller struct {
	events chan string
}

func (c *controller) run(ctx context.Context) {
	for e := range c.events {
		_ = e
	}
}

func main() {
	c := &controller{events: make(chan string)}
	h := &hub.Hub{}
	h.Subscribe("secrets", func(obj any) {
		c.events <- "changed" // want `^send in an event handler in main can block for ever: it runs in an informer event handler on every replica, but its only receiver, controller.run, runs only on the leader; on standby replicas the handler blocks for ever`
	})
	ha.RunWhenLeader(context.Background(), "configured", c.run)

	// A variadic gate, a registration through a method value, and a
	// registration whose handler is its second parameter (the first is a
	// function too, but a filter).
	a := &controller{events: make(chan string)}
	b := &controller{events: make(chan string)}
	ha.RunAll(context.Background(), a.run, b.run)
	sub := h.Subscribe
	sub("configmaps", func(obj any) {
		a.events <- "changed" // want `^send in an event handler in main can block for ever`
	})
	// A leader wait: what follows WaitUntilLeader runs on the leader only.
	d := &controller{events: make(chan string)}
	h.Subscribe("pods", func(obj any) {
		d.events <- "changed" // want `^send in an event handler in main can block for ever`
	})
	go func() {
		ha.WaitUntilLeader(context.Background())
		for e := range d.events {
			_ = e
		}
	}()
	h.Filtered(func(obj any) bool { return true }, cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			b.events <- "added" // want `^send in an event handler in main can block for ever`
		},
	})
}
