// Setup code that main runs once: when it returns early the process
// exits, and a goroutine it drops ends with it.
package main

import (
	"context"
	"errors"
)

type ctrl struct {
	ctx    context.Context
	cancel context.CancelFunc
	events chan string
}

func (c *ctrl) loop() {
	for {
		select {
		case <-c.ctx.Done():
			return
		case <-c.events:
		}
	}
}

func load() error { return errors.New("no config") }

func start() (*ctrl, error) {
	c := &ctrl{events: make(chan string)}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	go c.loop() // ok: only run() calls start, and only main calls run, once
	if err := load(); err != nil {
		return nil, err
	}
	return c, nil
}

func run() error {
	c, err := start()
	if err != nil {
		return err
	}
	c.events <- "x"
	return nil
}

func startEach() (*ctrl, error) {
	c := &ctrl{events: make(chan string)}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	go c.loop() // ok: main runs it once per configured name, at start: a bounded number for the process
	if err := load(); err != nil {
		return nil, err
	}
	return c, nil
}

func serve(names []string) {
	for range names {
		if c, err := startEach(); err == nil {
			c.events <- "y"
		}
	}
}

func main() {
	if err := run(); err != nil {
		panic(err)
	}
	serve([]string{"a"})
}
