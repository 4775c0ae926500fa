// Package felix has Calico's findHostMTU leak (projectcalico/calico#9603).
package felix

import (
	"time"

	"crosspkg/shim"

	"github.com/vishvananda/netlink"
)

func findHostMTU() (int, error) {
	nlHandle, err := shim.NewRealNetlink() // want `netlink handle from shim.NewRealNetlink is never released: it leaks on every return \(call Delete\); findHostMTU runs in a loop in monitorHostMTU, so one leaks per call; its netlink sockets are bare file descriptors with no finalizer`
	if err != nil {
		return 0, err
	}
	links, err := nlHandle.LinkList()
	if err != nil {
		return 0, err
	}
	smallest := 0
	for _, l := range links {
		if mtu := l.Attrs().MTU; mtu < smallest || smallest == 0 {
			smallest = mtu
		}
	}
	if smallest == 0 {
		return 1460, nil
	}
	return smallest, nil
}

func monitorHostMTU() {
	for {
		_, _ = findHostMTU()
		time.Sleep(30 * time.Second)
	}
}

func releasedByHelper() error { // ok: shim.Release closes it (a fact from package shim)
	h, err := netlink.NewHandle()
	if err != nil {
		return err
	}
	defer shim.Release(h)
	_, err = h.LinkList()
	return err
}
