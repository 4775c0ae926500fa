// Command agent leaks through the project's own APIs, known from .ctrlvet.yaml only.
package main

import (
	"context"
	"os/exec"
	"time"

	"example.com/settings/ha"
	"example.com/settings/hub"
	"example.com/settings/nlconn"
	"example.com/settings/plog"
)

// probe leaks a netlink connection on every call.
func probe() error {
	c, err := nlconn.Dial()
	if err != nil {
		return err
	}
	_, err = c.Receive()
	return err
}

// runTool leaks a logging goroutine on every call.
func runTool(l *plog.Logger, name string) error {
	cmd := exec.Command(name)
	cmd.Stdout = l.Pipe(name)
	return cmd.Run()
}

type controller struct{ events chan string }

func (c *controller) run(ctx context.Context) {
	for e := range c.events {
		_ = e
	}
}

func main() {
	c := &controller{events: make(chan string)}
	h := &hub.Hub{}
	h.Subscribe("secrets", func(obj any) {
		c.events <- "changed"
	})
	ha.RunWhenLeader(context.Background(), "agent", c.run)
	l := &plog.Logger{}
	for {
		_ = probe()            // a connection per call: one leaks a minute
		_ = runTool(l, "true") // a writer per call: one goroutine leaks a minute
		time.Sleep(time.Minute)
	}
}
