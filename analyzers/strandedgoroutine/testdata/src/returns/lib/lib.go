// Package lib starts goroutines whose partner is the caller: a result
// channel the caller must receive from, a transaction the caller must
// finish.
package lib

import "context"

// Async runs f in a goroutine and returns the channel its error is sent on.
func Async(f func() error) <-chan error { // want Async:"strands\\(result 0, recv true, parent -1\\)"
	ch := make(chan error)
	go func() {
		ch <- f()
	}()
	return ch
}

// AsyncBuffered: the send never waits.
func AsyncBuffered(f func() error) <-chan error {
	ch := make(chan error, 1)
	go func() {
		ch <- f()
	}()
	return ch
}

// AsyncWithStop: the goroutine gives up when stop is closed.
func AsyncWithStop(f func() error, stop <-chan struct{}) <-chan error {
	ch := make(chan error)
	go func() {
		select {
		case ch <- f():
		case <-stop:
		}
	}()
	return ch
}

// Tx is a transaction with a watcher goroutine that ends when it finishes.
type Tx struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// Begin starts the transaction's watcher.
func Begin(ctx context.Context) *Tx { // want Begin:"strands\\(result 0, recv false, parent 0\\)"
	ctx, cancel := context.WithCancel(ctx)
	tx := &Tx{ctx: ctx, cancel: cancel}
	go tx.watch()
	return tx
}

func (tx *Tx) watch() {
	<-tx.ctx.Done()
}

// Rollback ends the transaction and its watcher.
func (tx *Tx) Rollback() { tx.cancel() }

func local() {
	Async(func() error { return nil }) // want `the goroutine that Async starts blocks for ever: it sends on the channel it returns, and this call drops it`
}

var registry = map[*Tx]bool{}

// BeginRegistered keeps every transaction in a registry, which may end it.
func BeginRegistered(ctx context.Context) *Tx {
	ctx, cancel := context.WithCancel(ctx)
	tx := &Tx{ctx: ctx, cancel: cancel}
	registry[tx] = true
	go tx.watch()
	return tx
}
