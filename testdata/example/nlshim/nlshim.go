// Package nlshim wraps netlink the way Calico's netlinkshim does: the
// constructor is a project function and the release method is Delete.
package nlshim

import (
	"syscall"

	"github.com/vishvananda/netlink"
)

// Interface is the part of netlink the agent uses.
type Interface interface {
	LinkList() ([]netlink.Link, error)
	Delete()
}

type realNetlink struct{ h *netlink.Handle }

// New returns a netlink handle the caller must Delete.
func New() (Interface, error) {
	h, err := netlink.NewHandle(syscall.NETLINK_ROUTE)
	if err != nil {
		return nil, err
	}
	return &realNetlink{h: h}, nil
}

func (r *realNetlink) LinkList() ([]netlink.Link, error) { return r.h.LinkList() }
func (r *realNetlink) Delete()                           { r.h.Delete() }
