// Package use drops what lib's goroutines wait for.
package use

import (
	"context"

	"returns/lib"
)

func fireAndForget() {
	lib.Async(func() error { return nil }) // want `the goroutine that Async starts blocks for ever: it sends on the channel it returns, and this call drops it`
}

func kept() error {
	return <-lib.Async(func() error { return nil }) // ok: received
}

func buffered() {
	lib.AsyncBuffered(func() error { return nil }) // ok: the buffer takes the send
}

func withStop(stop <-chan struct{}) {
	lib.AsyncWithStop(func() error { return nil }, stop) // ok: the goroutine gives up on stop
}

func leakTx() {
	lib.Begin(context.Background()) // want `the goroutine that Begin starts blocks for ever: it waits on the Done channel of the context of the object it returns, and this call drops the object`
}

func finishedTx() {
	tx := lib.Begin(context.Background())
	defer tx.Rollback() // ok
}

func requestTx(ctx context.Context) {
	lib.Begin(ctx) // ok: the request's context ends the watcher
}

func registeredTx() {
	lib.BeginRegistered(context.Background()) // ok: the registry holds it
}
