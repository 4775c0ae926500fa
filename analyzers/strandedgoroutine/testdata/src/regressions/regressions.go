// Package regressions holds look-alikes that must stay silent.
package regressions

import (
	"context"
	"errors"
	"time"
)

func initialise() error         { return nil }
func b() error                  { return nil }
func work(context.Context, int) {}

// A start/wait pair: Wait is a plain method that callers call only after
// a successful Start.
type Runner struct{ done chan struct{} }

func (r *Runner) loop() {}

func (r *Runner) Start() error {
	if err := initialise(); err != nil {
		return err
	}
	go func() {
		r.loop()
		close(r.done)
	}()
	return nil
}

func (r *Runner) Wait() { <-r.done } // ok

// A guard that returns a stored error is not a failed call.
type Once struct {
	started bool
	err     error
	stopped chan struct{}
}

func (o *Once) Start() error {
	if o.started {
		return o.err
	}
	go func() { close(o.stopped) }()
	return nil
}

func (o *Once) Stop() { <-o.stopped } // ok

// Two sends on different paths fit a buffer of one.
func eitherPath() error { // ok
	errCh := make(chan error, 1)
	go func() {
		if err := initialise(); err != nil {
			errCh <- err
			return
		}
		errCh <- b()
	}()
	if err := initialise(); err != nil {
		return err
	}
	return <-errCh
}

// A bounded loop may fit the buffer.
func boundedLoop() { // ok
	ch := make(chan int, 3)
	go func() {
		for i := range 3 {
			ch <- i
		}
	}()
}

// A worker pool next to a per-item loop with its own contexts.
func pool(jobs <-chan int, items []int) { // ok
	for range 4 {
		go func() {
			for j := range jobs {
				work(context.Background(), j)
			}
		}()
	}
	for _, it := range items {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		work(ctx, it)
		cancel()
	}
}

var errX = errors.New("x")

// A semaphore: the goroutines send and receive on it themselves (Calico's
// cleanupAllPods).
func semaphore(items []int) { // ok
	admission := make(chan int, 10)
	for range items {
		go func() {
			admission <- 1
			_ = b()
			<-admission
		}()
	}
}

// A goroutine given a context that the early return cancels (Calico's
// iface monitor).
func filter(ctx context.Context, out chan<- int) {
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		out <- 1
	}
}

func monitor(fail func(error)) { // ok
	ctx, cancel := context.WithCancel(context.Background())
	out := make(chan int, 10)
	go filter(ctx, out)
	if err := initialise(); err != nil {
		fail(err)
		cancel()
		return
	}
	<-out
	cancel()
}

// The only return that skips the receive is the implicit one at the end
// of the function: the message named "the return at line 0".
func implicitEnd(fail bool) {
	ch := make(chan int)
	go func() { // want `a receive happens only on some paths of implicitEnd, and the end of the function skips it`
		ch <- 1
	}()
	if fail {
		<-ch
		return
	}
}

// kube-router's services controller: the hairpin channel's make and its
// receiver are commented out, so the field is never made and the guarded
// send is dead code.
type hairpinController struct{}

type servicesController struct {
	hpc                *hairpinController
	hpEndpointReceiver chan string
}

func (nsc *servicesController) sync(ips []string) {
	for _, ip := range ips {
		if nsc.hpc != nil {
			nsc.hpEndpointReceiver <- ip // ok: never made in the package
		}
	}
}

// calicoctl's releaseHandles: a pool of workers started in a loop, a
// feeder goroutine, and one receive per handle: every result is taken,
// and the feeder's receivers are the pool (missing only if the loop ran
// zero times).
type handleResult struct{ err error }

func releaseHandles(handles map[string]int, workers int) int {
	handlesC := make(chan int)
	resultsC := make(chan handleResult)
	for i := 0; i < workers; i++ {
		go func() { // ok: one result per handle, each taken
			for h := range handlesC {
				resultsC <- handleResult{err: release(h)}
			}
		}()
	}
	go func() { // ok: the pool receives
		for _, h := range handles {
			handlesC <- h
		}
		close(handlesC)
	}()
	failed := 0
	for i := 0; i < len(handles); i++ {
		if r := <-resultsC; r.err != nil {
			failed++
		}
	}
	return failed
}

func release(int) error { return nil }

// firstFailure is the same pool that returns on the first failure: the
// other workers block on their sends.
func firstFailure(handles map[string]int, workers int) error {
	handlesC := make(chan int)
	resultsC := make(chan handleResult)
	for i := 0; i < workers; i++ {
		go func() { // want `goroutine can block for ever on a send: it sends in a loop, and firstFailure stops receiving at the return at line 217 before the channel is drained`
			for h := range handlesC {
				resultsC <- handleResult{err: release(h)}
			}
		}()
	}
	go func() {
		for _, h := range handles {
			handlesC <- h
		}
		close(handlesC)
	}()
	for i := 0; i < len(handles); i++ {
		if r := <-resultsC; r.err != nil {
			return r.err
		}
	}
	return nil
}

// calico's ipamController: the main loop serves pause requests and stops
// with its stop channel; pause is for the tests only (only a _test.go
// file calls it), so no production call blocks after the stop.
type pauseRequest struct{ done chan struct{} }

type ipamController struct {
	pauseRequests chan pauseRequest
	updates       chan int
}

func newIPAMController() *ipamController {
	return &ipamController{pauseRequests: make(chan pauseRequest), updates: make(chan int)}
}

func (c *ipamController) Start(stop <-chan struct{}) {
	go c.acceptRequests(stop)
}

func (c *ipamController) acceptRequests(stop <-chan struct{}) {
	for {
		select {
		case req := <-c.pauseRequests:
			<-req.done
		case <-c.updates:
		case <-stop:
			return
		}
	}
}

func (c *ipamController) pause() func() {
	done := make(chan struct{})
	c.pauseRequests <- pauseRequest{done: done} // ok: only the tests call pause
	return func() { close(done) }
}

// Update is called by the package's users after Start: once the loop has
// stopped, it blocks.
func (c *ipamController) Update(n int) {
	c.updates <- n // want `send on ipamController.updates can block for ever: its only receiver is the loop of ipamController.acceptRequests, which can return`
}

// firstErr takes the first result, then one per remaining job in a
// counted loop, and returns on the first error from its middle: the
// producer's next send blocks.
func firstErr(jobs []int) error {
	ch := make(chan error)
	go func() { // want `goroutine can block for ever on a send: it sends in a loop, and firstErr stops receiving at the return`
		for _, j := range jobs {
			ch <- release(j)
		}
	}()
	if err := <-ch; err != nil {
		return err
	}
	for i := 1; i < len(jobs); i++ {
		if e := <-ch; e != nil {
			return e
		}
	}
	return nil
}

// poolEarly's workers return on the first error: the feeder's next
// send has nobody to take it.
func poolEarly(items []int, workers int) {
	ch := make(chan int)
	for i := 0; i < workers; i++ {
		go func() {
			for v := range ch {
				if release(v) != nil {
					return
				}
			}
		}()
	}
	go func() { // want `goroutine can block for ever on a send: a receive happens only on some paths of poolEarly`
		for _, v := range items {
			ch <- v
		}
		close(ch)
	}()
}

// ipamController's pause taken as a method value by production code:
// it runs there too.
func (c *ipamController) pauseAll() func() {
	p := c.pauseValue
	return p()
}

func (c *ipamController) pauseValue() func() {
	done := make(chan struct{})
	c.pauseRequests <- pauseRequest{done: done} // want `send on ipamController.pauseRequests can block for ever`
	return func() { close(done) }
}
