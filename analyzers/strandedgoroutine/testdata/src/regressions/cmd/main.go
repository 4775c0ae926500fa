// Command cmd strands nothing that outlives the process: main returns.
package main

import "context"

func step() error { return nil }

func main() { // ok
	ctx, cancel := context.WithCancel(context.Background())
	go func() { <-ctx.Done() }()
	if err := step(); err != nil {
		return
	}
	cancel()
}
