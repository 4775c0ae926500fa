// Package clock is a stub of k8s.io/utils/clock for tests.
package clock

import "time"

// PassiveClock allows for injecting fake or real clocks into code
// that needs to read the current time but does not support scheduling
// activity in the future.
type PassiveClock interface {
	Now() time.Time
	Since(time.Time) time.Duration
}

// Clock allows for injecting fake or real clocks into code that
// needs to do arbitrary things based on time.
type Clock interface {
	PassiveClock
	After(d time.Duration) <-chan time.Time
	NewTimer(d time.Duration) Timer
	Sleep(d time.Duration)
	Tick(d time.Duration) <-chan time.Time
}

// WithTicker allows for injecting fake or real clocks into code that
// needs to do arbitrary things based on time.
type WithTicker interface {
	Clock
	NewTicker(time.Duration) Ticker
}

// Ticker defines the Ticker interface.
type Ticker interface {
	C() <-chan time.Time
	Stop()
}

// Timer allows for injecting fake or real timers into code that
// needs to do arbitrary things based on time.
type Timer interface {
	C() <-chan time.Time
	Stop() bool
	Reset(d time.Duration) bool
}

// RealClock really calls time.Now().
type RealClock struct{}

func (RealClock) Now() time.Time                         { return time.Time{} }
func (RealClock) Since(ts time.Time) time.Duration       { return 0 }
func (RealClock) After(d time.Duration) <-chan time.Time { return nil }
func (RealClock) NewTimer(d time.Duration) Timer         { return nil }
func (RealClock) Sleep(d time.Duration)                  {}
func (RealClock) Tick(d time.Duration) <-chan time.Time  { return nil }
func (RealClock) NewTicker(d time.Duration) Ticker       { return nil }
