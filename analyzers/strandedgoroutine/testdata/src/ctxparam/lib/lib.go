// Package lib: objects that derive a context from the one they are
// given, store its cancel, and start a goroutine that waits on it.
package lib

import "context"

// A result set whose watcher waits for the context to end; Close forgot
// to call the cancel (cockroach's Rows).
type Rows struct {
	cancel context.CancelFunc
	closed bool
}

func (r *Rows) Watch(ctx context.Context) { // want Watch:"strands\\(result -1, recv false, parent 0\\)"
	ctx, r.cancel = context.WithCancel(ctx)
	go r.awaitDone(ctx)
}

func (r *Rows) awaitDone(ctx context.Context) {
	<-ctx.Done()
	r.closed = true
}

func (r *Rows) Close() { r.closed = true } // forgot r.cancel()

// In the same package: a caller with a context that never ends.
func Query() *Rows {
	r := &Rows{}
	r.Watch(context.Background()) // want `the goroutine that Watch starts blocks until the context passed here ends, and that context outlives the call: it waits on the Done channel of a context derived from that argument, and stores its cancel in Rows.cancel, which nothing calls`
	return r
}

// Fixed: Close cancels.
type RowsFixed struct {
	cancel context.CancelFunc
}

func (r *RowsFixed) Watch(ctx context.Context) {
	ctx, r.cancel = context.WithCancel(ctx)
	go func() {
		<-ctx.Done()
	}()
}

func (r *RowsFixed) Close() { r.cancel() }

func QueryFixed() *RowsFixed {
	r := &RowsFixed{}
	r.Watch(context.Background()) // ok: Close calls the cancel
	return r
}

// The same watcher as a function literal that captures the derived
// context (the parameter, reassigned, lives in a cell the literal reads).
type Stream struct {
	cancel context.CancelFunc
	done   bool
}

func (s *Stream) Follow(ctx context.Context) { // want Follow:"strands\\(result -1, recv false, parent 0\\)"
	ctx, s.cancel = context.WithCancel(ctx)
	go func() {
		<-ctx.Done()
		s.done = true
	}()
}

func (s *Stream) Close() { s.done = true } // forgot s.cancel()

// Fixed: Close cancels.
type StreamFixed struct {
	cancel context.CancelFunc
}

func (s *StreamFixed) Follow(ctx context.Context) {
	ctx, s.cancel = context.WithCancel(ctx)
	go func() {
		<-ctx.Done()
	}()
}

func (s *StreamFixed) Close() { s.cancel() }

// A literal that reads a context variable set again after the go
// statement in another block: which context it waits on is not known.
type StreamReset struct {
	cancel context.CancelFunc
}

func (s *StreamReset) Follow(ctx context.Context, again bool) {
	ctx, s.cancel = context.WithCancel(ctx)
	go func() {
		<-ctx.Done()
	}()
	if again {
		ctx = context.Background()
	}
	_ = ctx
}
