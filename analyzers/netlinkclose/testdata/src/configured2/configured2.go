// Package configured2 checks settings in odd places: a release method
// called through a method value, a raw descriptor closed by
// syscall.Close, and a constructor that is a method of a type from a
// package this one does not import (see TestSettings).
package configured2

import (
	"errors"
	"syscall"

	"example.com/nlraw"
	"example.com/nlwrap"
)

func pooled(p *nlraw.Pool, fail bool) error {
	s, err := nlraw.Listen() // want `^\*nlraw.Sock from nlraw.Listen is not released on the path that returns at line 21 \(call Shutdown\)`
	if err != nil {
		return err
	}
	if fail {
		return errors.New("fail")
	}
	put := p.Put
	put(s) // (*nlraw.Pool).Put releases it
	return nil
}

func raw() error {
	fd, err := nlraw.Open() // ok: syscall.Close releases a descriptor
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	return nil
}

func rawLeak() error {
	fd, err := nlraw.Open() // want `^int from nlraw.Open is never released: it leaks on every return \(call nlraw.CloseFD\)`
	if err != nil {
		return err
	}
	_ = fd + 1
	return nil
}

func indirect() error {
	s, err := nlwrap.Factory().Open() // want `^\*nlraw.Sock from Factory.Open is never released`
	if err != nil {
		return err
	}
	_, err = s.Recv()
	return err
}
