package orphan

import (
	"context"
	"sync"
)

// A client shared by the whole process, made on first use through a
// package-level sync.Once: a failed setup strands its loop once per
// process, not once per call.
type shared struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *shared) run() { <-s.ctx.Done() }

var (
	sharedOnce sync.Once
	theShared  *shared
	sharedErr  error
)

func getShared(cfg string) (*shared, error) {
	sharedOnce.Do(func() {
		s := &shared{}
		s.ctx, s.cancel = context.WithCancel(context.Background())
		go s.run() // ok: once per process
		if err := validate(cfg); err != nil {
			sharedErr = err
			return
		}
		theShared = s
	})
	return theShared, sharedErr
}

var loadShared = sync.OnceValues(func() (*shared, error) {
	s := &shared{}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	go s.run() // ok: once per process
	if err := validate("x"); err != nil {
		return nil, err
	}
	return s, nil
})

// A Once per object runs once per object: per call here.
type lazyConn struct{ once sync.Once }

func (c *lazyConn) lazy(cfg string) {
	c.once.Do(func() {
		s := &shared{}
		s.ctx, s.cancel = context.WithCancel(context.Background())
		go s.run() // want `goroutine runs until shared's context is cancelled`
		if err := validate(cfg); err != nil {
			return
		}
		theShared = s
	})
}

// OnceFunc kept in a local runs once per call of its maker.
func perCall(cfg string) {
	f := sync.OnceFunc(func() {
		s := &shared{}
		s.ctx, s.cancel = context.WithCancel(context.Background())
		go s.run() // want `goroutine runs until shared's context is cancelled`
		if err := validate(cfg); err != nil {
			return
		}
		theShared = s
	})
	f()
}

// A OnceFunc that a function makes anew and keeps in a package variable
// runs once per call of that function.
var restart func()

func reset(cfg string) {
	restart = sync.OnceFunc(func() {
		s := &shared{}
		s.ctx, s.cancel = context.WithCancel(context.Background())
		go s.run() // want `goroutine runs until shared's context is cancelled`
		if err := validate(cfg); err != nil {
			return
		}
		theShared = s
	})
}
