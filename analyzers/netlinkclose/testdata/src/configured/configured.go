// Package configured uses netlink libraries that ctrlvet knows only from
// its settings (TestSettings also runs it without the settings: silent).
package configured

import (
	"errors"

	"example.com/nlraw"
	"github.com/mdlayher/netlink"
)

func leak() error {
	c, err := netlink.Dial(0, nil) // want `^\*netlink.Conn from netlink.Dial is never released: it leaks on every return \(call Close\); netlink.Dial is a resource constructor in ctrlvet's settings$`
	if err != nil {
		return err
	}
	_, err = c.Execute(netlink.Message{})
	return err
}

func closed() error {
	c, err := netlink.Dial(0, nil) // ok: closed on every path
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Execute(netlink.Message{})
	return err
}

func closedAtEnd(fail bool) error {
	c, err := netlink.Dial(0, nil) // want `not released on the path that returns at line 37`
	if err != nil {
		return err
	}
	if fail {
		return errors.New("fail")
	}
	return c.Close()
}

// A release function from the settings: without it, CloseFD would be an
// unknown callee that takes the descriptor, and the early return would
// go unseen.
func rawEarly(fail bool) error {
	fd, err := nlraw.Open() // want `int from nlraw.Open is not released on the path that returns at line 51 \(call nlraw.CloseFD\)`
	if err != nil {
		return err
	}
	if fail {
		return errors.New("fail")
	}
	return nlraw.CloseFD(fd)
}

// A release method from the settings.
func shutdown() error {
	s, err := nlraw.Listen() // ok: Shutdown releases it
	if err != nil {
		return err
	}
	defer s.Shutdown()
	_, err = s.Recv()
	return err
}

func noShutdown() error {
	s, err := nlraw.Listen() // want `\*nlraw.Sock from nlraw.Listen is never released: it leaks on every return \(call Shutdown\)`
	if err != nil {
		return err
	}
	_, err = s.Recv()
	return err
}
