// Package fanin starts a goroutine per item, each sending its result on
// one channel, and takes fewer results than it started goroutines: the
// first result wins, or the first error returns from the middle of the
// receive loop. The goroutines whose value is never taken block for ever
// on their send, every call. A buffer for every goroutine, a loop that
// drains them all, or a sender that selects on a done channel does not
// leak.
package fanin

import (
	"context"
	"errors"
)

type item struct{ n int }

func (i item) run() error {
	if i.n < 0 {
		return errors.New("negative")
	}
	return nil
}

// First returns the first result.
func First(items []item) error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- it.run() }() // want `^goroutines can block for ever on a send: one is started per loop iteration and each sends once on a channel that is unbuffered, but First takes only one value: the others leak, every call`
	}
	return <-errc
}

// FirstBuffered has a buffer of one: one more fits, the rest block.
func FirstBuffered(items []item) error {
	errc := make(chan error, 1)
	for _, it := range items {
		go func(it item) { errc <- it.run() }(it) // want `on a channel that has a buffer of one, but FirstBuffered takes only one value`
	}
	return <-errc
}

// FirstError returns from the middle of the receive loop.
func FirstError(items []item) error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- it.run() }() // want `but FirstError stops receiving at the return at line \d+, before every goroutine's value is taken`
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// RangeFirst ranges over the channel and returns at the first error.
func RangeFirst(items []item) error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- it.run() }() // want `but RangeFirst stops receiving`
	}
	for err := range errc {
		if err != nil {
			return err
		}
	}
	return nil
}

// All drains every result: nothing leaks.
func All(items []item) error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- it.run() }() // ok: every value is taken
	}
	var first error
	for range items {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

// Sized gives every goroutine a slot: the first error may return early.
func Sized(items []item) error {
	errc := make(chan error, len(items))
	for _, it := range items {
		go func() { errc <- it.run() }() // ok: a buffer for every goroutine
	}
	for range items {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// Pair starts exactly two and takes two.
func Pair(a, b item) error {
	errc := make(chan error)
	for i := 0; i < 2; i++ {
		it := a
		if i == 1 {
			it = b
		}
		go func() { errc <- it.run() }() // ok: two started, two taken
	}
	e1, e2 := <-errc, <-errc
	return errors.Join(e1, e2)
}

// Cancelled senders give up when the caller returns.
func Cancelled(ctx context.Context, items []item) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error)
	for _, it := range items {
		go func() {
			select {
			case errc <- it.run(): // ok: gives up once the caller has returned
			case <-ctx.Done():
			}
		}()
	}
	return <-errc
}

// PerItem makes a channel per goroutine and takes each value.
func PerItem(items []item) []error {
	var chans []chan error
	for _, it := range items {
		c := make(chan error)
		go func() { c <- it.run() }() // ok: one channel per goroutine
		chans = append(chans, c)
	}
	var out []error
	for _, c := range chans {
		out = append(out, <-c)
	}
	return out
}

// GiveUp returns before its receive loop when the setup fails.
func GiveUp(items []item, setup func() error) error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- it.run() }() // want `a receive happens only on some paths of GiveUp, and the return at line \d+ skips it`
	}
	if err := setup(); err != nil {
		return err
	}
	for range items {
		if err := <-errc; err != nil {
			_ = err
		}
	}
	return nil
}

// OneAtATime starts one goroutine per attempt and takes its value in
// the same iteration.
func OneAtATime(items []item) error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- it.run() }() // ok: its value is taken before the next starts
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// Count takes every value in a loop that ends by return.
func Count(items []item) []error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- it.run() }() // ok: it returns once it has every value
	}
	var out []error
	for {
		out = append(out, <-errc)
		if len(out) == len(items) {
			return out
		}
	}
}

// Three starts three and takes three.
func Three(a item) error {
	errc := make(chan error)
	for range 3 {
		go func() { errc <- a.run() }() // ok: three receives for three goroutines
	}
	return errors.Join(<-errc, <-errc, <-errc)
}

// Rounds makes a channel per round and starts a goroutine per item of
// the round; the first result of each round wins.
func Rounds(rounds [][]item) error {
	for _, round := range rounds {
		errc := make(chan error)
		for _, it := range round {
			go func() { errc <- it.run() }() // want `but Rounds takes only one value`
		}
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

// FirstWithDone closes another channel: it does not free the senders.
func FirstWithDone(items []item) error {
	errc := make(chan error)
	done := make(chan struct{})
	for _, it := range items {
		go func() { errc <- it.run() }() // want `but FirstWithDone takes only one value`
	}
	err := <-errc
	close(done)
	return err
}

// TwoOf starts one per backend and takes two: the rest leak.
func TwoOf(backends []item) (error, error) {
	errc := make(chan error)
	for _, b := range backends {
		go func() { errc <- b.run() }() // want `but TwoOf takes only 2 values`
	}
	return <-errc, <-errc
}

// Pair2 ranges over a literal of two and takes two.
func Pair2(a, b item) (error, error) {
	errc := make(chan error)
	for _, it := range []item{a, b} {
		go func() { errc <- it.run() }() // ok: two started, two taken
	}
	return <-errc, <-errc
}

// GiveUpCtx gives its goroutines a context they cannot use to stop the
// send, and returns before the receive loop when the set-up fails.
func GiveUpCtx(ctx context.Context, items []item, setup func() error) error {
	errc := make(chan error)
	for _, it := range items {
		go func() { errc <- it.runCtx(ctx) }() // want `but GiveUpCtx reaches the return at line \d+ before its receive loop`
	}
	if err := setup(); err != nil {
		return err
	}
	for range items {
		if err := <-errc; err != nil {
			_ = err
		}
	}
	return nil
}

func (i item) runCtx(ctx context.Context) error { return ctx.Err() }
