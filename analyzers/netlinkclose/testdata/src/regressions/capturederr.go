// Package regressions holds shapes once reported by mistake.
package regressions

import "github.com/containernetworking/plugins/pkg/ns"

// The CNI plugins' testutils.NewNS shape: the error result is assigned to
// a variable of the enclosing function that the goroutine captures, and
// checked through it. The early return is the constructor's own failure.
func newNS(p string) error {
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		var h ns.NetNS
		h, err = ns.GetNS(p) // ok: the return below is GetNS's error branch
		if err != nil {
			return
		}
		defer h.Close()
	}()
	<-done
	return err
}

// The same through a closure called in place.
func inPlace(p string) error {
	var err error
	func() {
		var h ns.NetNS
		h, err = ns.GetNS(p) // ok
		if err != nil {
			return
		}
		defer h.Close()
	}()
	return err
}

// A leak on another path is still reported.
func leaks(p string, other bool) error {
	var err error
	func() {
		var h ns.NetNS
		h, err = ns.GetNS(p) // want `not released on the path that returns at line 49`
		if err != nil {
			return
		}
		if other {
			return
		}
		h.Close()
	}()
	return err
}
