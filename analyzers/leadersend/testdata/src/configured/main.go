// Command configured registers its handler and gates its consumer through
// project helpers that ctrlvet knows only from its settings (see
// TestSettings, which also runs it without them: silent).
package main

import (
	"context"

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
}
