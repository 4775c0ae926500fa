// Package felixfixed has the fix of projectcalico/calico#9609.
package felixfixed

import (
	"time"

	"crosspkg/shim"
)

func findHostMTU() (int, error) { // ok
	nlHandle, err := shim.NewRealNetlink()
	if err != nil {
		return 0, err
	}
	defer nlHandle.Delete()
	links, err := nlHandle.LinkList()
	if err != nil {
		return 0, err
	}
	return len(links), nil
}

func monitorHostMTU() {
	for {
		_, _ = findHostMTU()
		time.Sleep(30 * time.Second)
	}
}
