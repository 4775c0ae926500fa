package fix

import "github.com/vishvananda/netlink"

func links() (int, error) {
	h, err := netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released`
	if err != nil {
		return 0, err
	}
	l, err := h.LinkList()
	return len(l), err
}

var debug bool

func noFixBeforeErrCheck() (int, error) {
	h, err := netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released`
	if debug {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	l, err := h.LinkList()
	return len(l), err
}
