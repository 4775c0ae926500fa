// Package main holds process-lifetime resources: made once, they are not
// leaks.
package main

import "github.com/vishvananda/netlink"

func main() { // ok: one handle for the life of the process
	h, err := netlink.NewHandle()
	if err != nil {
		panic(err)
	}
	for {
		_, _ = h.LinkList()
	}
}

func init() { // ok
	h, _ := netlink.NewHandle()
	_, _ = h.LinkList()
}

func helper() { // a helper may be called many times
	h, _ := netlink.NewHandle() // want `never released`
	_, _ = h.LinkList()
}

var _ = helper
