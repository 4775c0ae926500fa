package basic // want package:"netlinkresources"

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/containernetworking/plugins/pkg/ns"
	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netlink/nl"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

func neverClosed() (int, error) {
	h, err := netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released: it leaks on every return \(call Close\); its netlink sockets are bare file descriptors with no finalizer`
	if err != nil {
		return 0, err
	}
	links, err := h.LinkList()
	if err != nil {
		return 0, err
	}
	return len(links), nil
}

func deferred() (int, error) { // ok
	h, err := netlink.NewHandle()
	if err != nil {
		return 0, err
	}
	defer h.Close()
	links, err := h.LinkList()
	return len(links), err
}

func deleteIsRelease() { // ok: Delete is the deprecated spelling of Close
	h, err := netlink.NewHandle()
	if err != nil {
		return
	}
	defer h.Delete()
	_, _ = h.LinkList()
}

func errorPath(name string) error {
	h, err := netlink.NewHandle() // want `netlink handle from netlink.NewHandle is not released on the path that returns at line 53`
	if err != nil {
		return err
	}
	if _, err := h.LinkByName(name); err != nil {
		return err
	}
	h.Close()
	return nil
}

func nilCheck() { // ok: the nil branch has no handle
	h, _ := netlink.NewHandle()
	if h == nil {
		return
	}
	h.Close()
}

type server struct {
	h  *netlink.Handle
	ns netns.NsHandle
	m  map[string]*netlink.Handle
}

func (s *server) storedInField() error { // ok: the server owns it
	h, err := netlink.NewHandle()
	if err != nil {
		return err
	}
	s.h = h
	return nil
}

func (s *server) storedInMap(name string) error { // ok
	h, err := netlink.NewHandle()
	if err != nil {
		return err
	}
	s.m[name] = h
	return nil
}

var global *netlink.Handle

func storedInGlobal() { // ok
	h, _ := netlink.NewHandle()
	global = h
}

func newHandle() (*netlink.Handle, error) { // want newHandle:`constructor\(netlink handle, result 0, release Close\|Delete\)`
	h, err := netlink.NewHandleAt(netns.None())
	if err != nil {
		return nil, err
	}
	return h, nil
}

func usesLocalConstructor() int {
	h, err := newHandle() // want `netlink handle from basic.newHandle is never released`
	if err != nil {
		return 0
	}
	l, _ := h.LinkList()
	return len(l)
}

func closedInClosure() { // ok
	h, err := netlink.NewHandle()
	if err != nil {
		return
	}
	defer func() {
		h.Close()
	}()
	_, _ = h.LinkList()
}

func goroutineOwns(done chan struct{}) { // ok: the goroutine closes it
	h, err := netlink.NewHandle()
	if err != nil {
		return
	}
	go func() {
		<-done
		h.Close()
	}()
}

func sentOnChannel(ch chan *netlink.Handle) { // ok
	h, _ := netlink.NewHandle()
	ch <- h
}

func passedToUnknown() { // ok: fmt might keep it; we cannot tell
	h, _ := netlink.NewHandle()
	fmt.Println(h)
}

func closeHandle(h *netlink.Handle) { // want closeHandle:`releases\[0\]`
	if h != nil {
		h.Close()
	}
}

func helperCloses() { // ok: the helper releases it
	h, err := netlink.NewHandle()
	if err != nil {
		return
	}
	defer closeHandle(h)
	_, _ = h.LinkList()
}

func inLoop(names []string) {
	for range names {
		h, err := netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released.*it is made in a loop, so one leaks per iteration`
		if err != nil {
			continue
		}
		_, _ = h.LinkList()
	}
}

func inLoopClosed(names []string) { // ok
	for range names {
		h, err := netlink.NewHandle()
		if err != nil {
			continue
		}
		_, _ = h.LinkList()
		h.Close()
	}
}

func netnsLeak() error {
	origin, err := netns.Get() // want `network namespace handle from netns.Get is never released`
	if err != nil {
		return err
	}
	target, err := netns.GetFromName("blue")
	if err != nil {
		return err
	}
	defer target.Close()
	if err := netns.Set(target); err != nil {
		return err
	}
	return netns.Set(origin)
}

func netnsBorrowed() error { // ok: NewHandleAt borrows the namespace handle
	target, err := netns.GetFromPath("/run/netns/blue")
	if err != nil {
		return err
	}
	defer target.Close()
	h, err := netlink.NewHandleAt(target)
	if err != nil {
		return err
	}
	defer h.Close()
	return nil
}

func subscribeSocket() error {
	s, err := nl.Subscribe(unix.NETLINK_ROUTE, 1) // want `netlink socket from nl.Subscribe is not released on the path that returns at line 219`
	if err != nil {
		return err
	}
	if _, err := s.Receive(); err != nil {
		return err
	}
	s.Close()
	return nil
}

func rawSocket() error {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW, unix.NETLINK_ROUTE) // want `AF_NETLINK socket from unix.Socket is not released on the path that returns at line 231`
	if err != nil {
		return err
	}
	if err := unix.Bind(fd, &unix.SockaddrNetlink{}); err != nil {
		return err
	}
	return unix.Close(fd)
}

func rawSocketClosed() error { // ok
	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_RAW, 0)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	return nil
}

func inetSocket() { // ok: not a netlink socket
	fd, _ := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM, 0)
	_ = fd
}

func rawSocketToFile() *os.File { // ok: os.NewFile takes it over
	fd, _ := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW, 0)
	return os.NewFile(uintptr(fd), "netlink")
}

func cniNS(path string) (string, error) {
	netNS, err := ns.GetNS(path) // want `network namespace \(ns.NetNS\) from ns.GetNS is never released.*closed only by a late finalizer`
	if err != nil {
		return "", err
	}
	return netNS.Path(), nil
}

func cniNSClosed(path string) error { // ok
	netNS, err := ns.GetNS(path)
	if err != nil {
		return err
	}
	defer netNS.Close()
	return netNS.Do(func(ns.NetNS) error { return nil })
}

func discarded() {
	_, _ = netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released`
}

func panics() { // ok: the process goes down
	h, err := netlink.NewHandle()
	if err != nil {
		panic(err)
	}
	if h == nil {
		panic(errors.New("x"))
	}
	h.Close()
}

func exits() { // ok: os.Exit ends the process
	h, err := netlink.NewHandle()
	if err != nil {
		return
	}
	if _, err := h.LinkList(); err != nil {
		os.Exit(1)
	}
	h.Close()
}

func generic[T any](v T) T { // ok
	h, err := netlink.NewHandle()
	if err != nil {
		return v
	}
	defer h.Close()
	return v
}

func genericLeak[T any](v T) T {
	h, _ := netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released`
	_, _ = h.LinkList()
	return v
}

func suppressed() {
	//ctrlvet:ignore netlinkclose -- the handle lives as long as the process
	h, _ := netlink.NewHandle()
	_, _ = h.LinkList()
}

// suppressedFunc keeps its handle for ever.
//
//ctrlvet:ignore netlinkclose -- process-lifetime handle
func suppressedFunc() {
	h, _ := netlink.NewHandle()
	_, _ = h.LinkList()
}

func noReason() {
	//ctrlvet:ignore netlinkclose // want `ctrlvet:ignore directive needs a reason`
	h, _ := netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released`
	_, _ = h.LinkList()
}

var _ = generic[int]
var _ = genericLeak[string]

type pair struct {
	h    *netlink.Handle
	name string
}

func newPair(name string) (pair, error) { // want newPair:`constructor\(netlink handle, result 0, release Close\)`
	h, err := netlink.NewHandle()
	if err != nil {
		return pair{}, err
	}
	return pair{h: h, name: name}, nil
}

func (p pair) Close() { p.h.Close() }

func pairLeak() string {
	p, err := newPair("x") // want `netlink handle from basic.newPair is never released`
	if err != nil {
		return ""
	}
	return p.name
}

func pairClosed() string { // ok
	p, err := newPair("x")
	if err != nil {
		return ""
	}
	defer p.Close()
	return p.name
}

func retry() error {
	var h *netlink.Handle
	var err error
	for {
		h, err = netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released: it leaks on every return \(call Close\); its netlink`
		if err == nil {
			break
		}
	}
	_, err = h.LinkList()
	return err
}

func watcher(events chan<- int) { // ok: the goroutine owns the handle now
	h, err := netlink.NewHandle()
	if err != nil {
		return
	}
	go func() {
		for {
			l, _ := h.LinkList()
			events <- len(l)
		}
	}()
}

type monitor struct{ h *netlink.Handle }

func newMonitor() (*monitor, error) { // want newMonitor:`constructor\(netlink handle, result 0, release Close\)`
	h, err := netlink.NewHandle()
	if err != nil {
		return nil, err
	}
	return &monitor{h: h}, nil
}

func (m *monitor) Close() {}

// Run closes the handle when it is done.
func (m *monitor) Run(stop <-chan struct{}) {
	<-stop
	m.h.Close()
}

func runMonitor(stop <-chan struct{}) { // ok: Run releases what the monitor wraps
	m, err := newMonitor()
	if err != nil {
		return
	}
	m.Run(stop)
}

func closeOnError(h *netlink.Handle, err error) error {
	if err != nil {
		h.Close()
		return err
	}
	return nil
}

func releasedOnlyOnError() error { // ok: released on some paths by the helper: we cannot tell, so stay silent
	h, err := netlink.NewHandle()
	if err != nil {
		return err
	}
	_, err = h.LinkList()
	return closeOnError(h, err)
}

func syscallHint() {
	fd, _ := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_RAW, 0) // want `AF_NETLINK socket from syscall.Socket is never released: it leaks on every return \(call syscall.Close\)`
	_ = syscall.Bind(fd, &syscall.SockaddrNetlink{})
}
