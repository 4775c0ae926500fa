// Package netlinkclose defines an Analyzer that reports netlink,
// network-namespace and inotify resources that are not released on some
// path.
//
// # Analyzer netlinkclose
//
// netlinkclose: report netlink handles, netns handles, AF_NETLINK sockets, netlink subscriptions, fsnotify watchers and gRPC connections not released on some path
//
// A netlink.Handle, a netns.NsHandle, an nl.NetlinkSocket and a raw
// AF_NETLINK socket are bare file descriptors with no finalizer; a CNI
// ns.NetNS holds an *os.File that only a late finalizer closes. A
// function that makes one and returns without releasing it leaks a file
// descriptor per call; dataplane agents call such functions in loops
// (Calico Felix's findHostMTU, every 30 seconds) until the process runs
// out of descriptors. An fsnotify.Watcher holds an inotify instance (128
// per user by default) and a goroutine until Close: Calico's endpoint
// status watcher leaked one per retry when Add failed. A gRPC
// ClientConn holds connections and goroutines until Close: a node agent
// that dials its CSI driver or device plugin per operation leaks them per
// call (a client or stream made from it holds it too).
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
// release. A call of a function value held in a field, a package
// variable or a parameter counts as a constructor's when the package uses
// a constructor of the same signature as a value (a constructor injected
// for tests). netlink's Subscribe functions are reported when a subscription
// is made per call or per loop iteration and its done channel is never
// closed.
//
// Settings (.ctrlvet.yaml, -netlinkclose.constructors, -netlinkclose.release,
// or golangci-lint's settings) add constructors of other netlink APIs, such
// as github.com/mdlayher/netlink.Dial, and more release methods or
// functions; see docs/configuration.md.
package netlinkclose
