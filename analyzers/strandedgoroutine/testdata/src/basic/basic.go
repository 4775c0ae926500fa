package basic

import (
	"context"
	"errors"
	"sync"
	"time"
)

func step() error { return nil }
func slow() error { return nil }
func use(any)     {}

func closeOnSuccessOnly() error {
	done := make(chan struct{})
	go func() { // want `goroutine can block for ever on a receive: a close or send happens only on some paths of closeOnSuccessOnly, and the return at line 20 skips it`
		<-done
	}()
	if err := step(); err != nil {
		return err
	}
	close(done)
	return nil
}

func deferredClose() error { // ok
	done := make(chan struct{})
	defer close(done)
	go func() {
		<-done
	}()
	return step()
}

func unbufferedResult() error {
	errCh := make(chan error)
	go func() { // want `goroutine can block for ever on a send: a receive happens only on some paths of unbufferedResult, and the return at line 41 skips it; a buffer of one for a single result`
		errCh <- slow()
	}()
	if err := step(); err != nil {
		return err
	}
	return <-errCh
}

func bufferedResult() error { // ok: room for the one send
	errCh := make(chan error, 1)
	go func() {
		errCh <- slow()
	}()
	if err := step(); err != nil {
		return err
	}
	return <-errCh
}

func abandonedOnTimeout(ctx context.Context) error {
	errCh := make(chan error)
	go func() { // want `goroutine can block for ever on a send: a receive happens only on some paths of abandonedOnTimeout`
		errCh <- slow()
	}()
	select {
	case err := <-errCh:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func selectsOnContext(ctx context.Context) error { // ok: the goroutine gives up with ctx
	errCh := make(chan error)
	go func() {
		select {
		case errCh <- slow():
		case <-ctx.Done():
		}
	}()
	if err := step(); err != nil {
		return err
	}
	return <-errCh
}

func cancelOnSuccessOnly() error {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { // want `goroutine can block for ever on <-ctx.Done\(\): cancel\(\) happens only on some paths of cancelOnSuccessOnly, and the return at line 90 skips it; defer cancel\(\) right after context.WithCancel`
		<-ctx.Done()
	}()
	if err := step(); err != nil {
		return err
	}
	cancel()
	return nil
}

func deferredCancel() error { // ok
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		<-ctx.Done()
	}()
	return step()
}

func parentContext(parent context.Context) error { // ok: the parent ends it too
	ctx, cancel := context.WithCancel(parent)
	go func() {
		<-ctx.Done()
	}()
	if err := step(); err != nil {
		return err
	}
	cancel()
	return nil
}

type worker struct {
	cancel context.CancelFunc
}

func newWorker() (*worker, error) {
	ctx, cancel := context.WithCancel(context.Background())
	w := &worker{cancel: cancel}
	go func() { // want `goroutine can block for ever on <-ctx.Done\(\): cancel\(\) happens only on some paths of newWorker, and the return at line 128 skips it`
		<-ctx.Done()
	}()
	if err := step(); err != nil {
		return nil, err // the worker, and its cancel, are dropped
	}
	return w, nil
}

func withTimer(done chan struct{}) { // ok: time.After ends the wait
	stop := make(chan struct{})
	go func() {
		select {
		case <-stop:
		case <-time.After(time.Second):
		}
	}()
	if step() != nil {
		return
	}
	close(stop)
}

func waitGroup() { // ok: no channel to strand on
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		_ = slow()
	}()
	wg.Wait()
}

func handedOver(register func(chan struct{})) error { // ok: someone else may close it
	done := make(chan struct{})
	register(done)
	go func() {
		<-done
	}()
	return step()
}

func everyPath() error { // ok: received on every path
	errCh := make(chan error)
	go func() {
		errCh <- slow()
	}()
	err := <-errCh
	if err != nil {
		return err
	}
	return errors.New("x")
}

func neverClosed() {
	done := make(chan struct{})
	go func() { // want `goroutine blocks for ever on a receive: neverClosed never performs a close or send`
		<-done
	}()
}

func staticGoroutine() error {
	results := make(chan int)
	go produce(results) // want `goroutine can block for ever on a send`
	if err := step(); err != nil {
		return err
	}
	use(<-results)
	return nil
}

func produce(out chan<- int) { out <- 1 }

type server struct{}

func (server) ListenAndServe() error          { return nil }
func (server) Shutdown(context.Context) error { return nil }

var errClosed = errors.New("closed")

func serve(ctx context.Context, srv server) error { // ok: the error is sent only on failure; the shutdown ends the server without one
	errCh := make(chan error)
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, errClosed) {
			errCh <- err
		}
	}()
	select {
	case <-ctx.Done():
		return srv.Shutdown(context.Background())
	case err := <-errCh:
		return err
	}
}
