package shim // want package:"netlinkresources"

import (
	"syscall"

	"github.com/vishvananda/netlink"
)

type Interface interface {
	LinkList() ([]netlink.Link, error)
	Delete()
}

type RealNetlink struct {
	nlHandle *netlink.Handle
}

func NewRealNetlink() (Interface, error) { // want NewRealNetlink:`constructor\(netlink handle, result 0, release Delete\)`
	nlHandle, err := netlink.NewHandle(syscall.NETLINK_ROUTE)
	if err != nil {
		return nil, err
	}
	return &RealNetlink{
		nlHandle: nlHandle,
	}, nil
}

func (r *RealNetlink) LinkList() ([]netlink.Link, error) { return r.nlHandle.LinkList() }
func (r *RealNetlink) Delete()                           { r.nlHandle.Delete() }

// Release closes a handle if there is one.
func Release(h *netlink.Handle) { // want Release:`releases\[0\]`
	if h != nil {
		h.Close()
	}
}
