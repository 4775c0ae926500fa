// Package configured uses netlink libraries that ctrlvet knows only from
// its settings (without settings: silent).
package unconfigured

import (
	"errors"

	"example.com/nlraw"
	"github.com/mdlayher/netlink"
)

func leak() error {
	c, err := netlink.Dial(0, nil) // ok: not a resource without the settings
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
	c, err := netlink.Dial(0, nil) // ok: not a resource without the settings
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
	fd, err := nlraw.Open() // ok: not a resource without the settings
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
	s, err := nlraw.Listen() // ok: not a resource without the settings
	if err != nil {
		return err
	}
	_, err = s.Recv()
	return err
}
