// Package primed: wake-up channels of a buffer of one ("kicks": any
// number of wake-ups fold into one), sent on with a plain send before the
// channel's only receiver is started. When another sender (an event
// handler's kick) filled the buffer first, the plain send blocks for
// ever, and the receiver it was about to start never starts.
package primed

import (
	"context"
	"time"
)

func sync()         {}
func reload() error { return nil }

// A controller that asks for a first sync before it starts its sync
// loop, while its informer's handler kicks the same channel.
type Controller struct {
	resync chan struct{}
}

func NewController() *Controller {
	return &Controller{resync: make(chan struct{}, 1)}
}

// OnUpdate is the informer's event handler: it may run before Start.
func (c *Controller) OnUpdate(old, cur any) {
	select {
	case c.resync <- struct{}{}:
	default:
	}
}

func (c *Controller) Start(ctx context.Context) {
	c.resync <- struct{}{} // want `send on Controller.resync can block for ever: Start sends before it starts the channel's only receiver, and another send \(line 28\) may have filled its buffer of one`
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-c.resync:
				sync()
			}
		}
	}()
}

// The fix: the first kick is a kick like the others.
type Fixed struct {
	resync chan struct{}
}

func NewFixed() *Fixed { return &Fixed{resync: make(chan struct{}, 1)} }

func (c *Fixed) OnUpdate(old, cur any) { c.kick() }

func (c *Fixed) kick() {
	select {
	case c.resync <- struct{}{}:
	default:
	}
}

func (c *Fixed) Start(ctx context.Context) {
	c.kick() // ok: never blocks
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-c.resync:
				sync()
			}
		}
	}()
}

// A config watcher whose reload loop is an unexported method that only
// Run starts; the file watcher's callback kicks it with a plain send.
type Reloader struct {
	trigger chan struct{}
	stop    chan struct{}
}

func NewReloader() *Reloader {
	return &Reloader{trigger: make(chan struct{}, 1), stop: make(chan struct{})}
}

func (r *Reloader) onFileChanged(name string) {
	r.trigger <- struct{}{}
}

func (r *Reloader) Run() {
	r.trigger <- struct{}{} // want `send on Reloader.trigger can block for ever: Run sends before it starts the channel's only receiver`
	go r.loop()
}

func (r *Reloader) loop() {
	for {
		select {
		case <-r.stop:
			return
		case <-r.trigger:
			_ = reload()
		}
	}
}

func (r *Reloader) Stop() { close(r.stop) }

// The receiver started first: it can empty the buffer.
type Started struct {
	trigger chan struct{}
}

func NewStarted() *Started { return &Started{trigger: make(chan struct{}, 1)} }

func (s *Started) Notify() {
	select {
	case s.trigger <- struct{}{}:
	default:
	}
}

func (s *Started) Run(ctx context.Context) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-s.trigger:
				sync()
			}
		}
	}()
	s.trigger <- struct{}{} // ok: the receiver runs already
}

// A constructor that primes the channel it just made: nobody else can
// have sent yet.
type Fresh struct {
	work chan struct{}
}

func (f *Fresh) Poke() {
	select {
	case f.work <- struct{}{}:
	default:
	}
}

func NewFresh(ctx context.Context) *Fresh {
	f := &Fresh{work: make(chan struct{}, 1)}
	f.work <- struct{}{} // ok: the object is new, its buffer empty
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-f.work:
				sync()
			}
		}
	}()
	return f
}

// The other send is the loop's own re-kick: it runs only once the
// receiver runs.
type Retry struct {
	again chan struct{}
}

func NewRetry() *Retry { return &Retry{again: make(chan struct{}, 1)} }

func (r *Retry) Start(ctx context.Context) {
	r.again <- struct{}{} // ok: nobody else sends before the loop runs
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-r.again:
				if reload() != nil {
					time.Sleep(time.Second)
					select {
					case r.again <- struct{}{}:
					default:
					}
				}
			}
		}
	}()
}

// The loop is started elsewhere too: it may already run.
type Shared struct {
	wake chan struct{}
}

func NewShared() *Shared { return &Shared{wake: make(chan struct{}, 1)} }

func (s *Shared) Kick() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *Shared) Resume() {
	s.wake <- struct{}{} // ok: loop may be running, started by Begin
	go s.loop()
}

func (s *Shared) Begin() { go s.loop() }

func (s *Shared) loop() {
	for range s.wake {
		sync()
	}
}

// The other send is in a helper that only the loop calls: it runs once
// the receiver runs.
type Requeue struct {
	again chan struct{}
}

func NewRequeue() *Requeue { return &Requeue{again: make(chan struct{}, 1)} }

func (r *Requeue) retryLater() {
	select {
	case r.again <- struct{}{}:
	default:
	}
}

func (r *Requeue) Start(ctx context.Context) {
	r.again <- struct{}{} // ok: the helper runs only from the loop
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-r.again:
				if reload() != nil {
					r.retryLater()
				}
			}
		}
	}()
}
