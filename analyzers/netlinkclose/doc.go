// Package netlinkclose defines an Analyzer that reports netlink and
// network-namespace resources that are not released on some path.
//
// # Analyzer netlinkclose
//
// netlinkclose: report netlink handles, netns handles, AF_NETLINK sockets and netlink subscriptions not released on some path
//
// A netlink.Handle, a netns.NsHandle, an nl.NetlinkSocket and a raw
// AF_NETLINK socket are bare file descriptors with no finalizer; a CNI
// ns.NetNS holds an *os.File that only a late finalizer closes. A
// function that makes one and returns without releasing it leaks a file
// descriptor per call; dataplane agents call such functions in loops
// (Calico Felix's findHostMTU, every 30 seconds) until the process runs
// out of descriptors.
//
// For example:
//
//	func findHostMTU() (int, error) {
//		h, err := netlink.NewHandle()
//		if err != nil {
//			return 0, err
//		}
//		links, err := h.LinkList() // h is never closed
//		...
//	}
//
// should be
//
//	h, err := netlink.NewHandle()
//	if err != nil {
//		return 0, err
//	}
//	defer h.Close()
//
// The check follows each resource through the function on every path
// (error paths included) and is silent when it is released, returned,
// stored in a field, map, global or channel, captured by a closure or a
// goroutine, or passed to a function that may keep it. Project wrappers
// count: a function that returns a fresh resource, directly or inside a
// struct or interface with a Close or Delete method, is a constructor
// too, across packages; a function that releases its argument is a
// release. netlink's Subscribe functions are reported when a subscription
// is made per call or per loop iteration and its done channel is never
// closed.
//
// Settings (.ctrlvet.yaml, -netlinkclose.constructors, -netlinkclose.release,
// or golangci-lint's settings) add constructors of other netlink APIs, such
// as github.com/mdlayher/netlink.Dial, and more release methods or
// functions; see docs/configuration.md.
package netlinkclose
