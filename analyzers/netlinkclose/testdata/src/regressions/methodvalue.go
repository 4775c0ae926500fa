package regressions

import "github.com/vishvananda/netlink"

// A deferred method value releases the handle.
func deferredMethodValue() error {
	h, err := netlink.NewHandle() // ok
	if err != nil {
		return err
	}
	closeIt := h.Close
	defer closeIt()
	_, err = h.LinkList()
	return err
}

type wrapped struct {
	*netlink.Handle
}

// The same through a wrapper that embeds the handle.
func deferredPromoted() error {
	h, err := netlink.NewHandle() // ok
	if err != nil {
		return err
	}
	w := &wrapped{Handle: h}
	closeIt := w.Close
	defer closeIt()
	_, err = w.LinkList()
	return err
}
