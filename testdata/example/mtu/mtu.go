// Package mtu has Calico Felix 3.29's netlink fd leak: findHostMTU never
// releases its handle and runs every 30 seconds.
package mtu

import (
	"time"

	"example.com/agent/nlshim"
)

func findHostMTU() (int, error) {
	nl, err := nlshim.New()
	if err != nil {
		return 0, err
	}
	links, err := nl.LinkList()
	if err != nil {
		return 0, err
	}
	smallest := 0
	for _, l := range links {
		if mtu := l.Attrs().MTU; mtu < smallest || smallest == 0 {
			smallest = mtu
		}
	}
	return smallest, nil
}

// Monitor polls the host MTU.
func Monitor(update func(int)) {
	for {
		if mtu, err := findHostMTU(); err == nil {
			update(mtu)
		}
		time.Sleep(30 * time.Second)
	}
}
