package subs

import (
	"context"

	"github.com/vishvananda/netlink"
)

func perIteration(ch chan netlink.LinkUpdate, names []string) {
	for range names {
		_ = netlink.LinkSubscribe(ch, nil) // want `netlink.LinkSubscribe with a nil done channel runs on every loop iteration and never stops`
	}
}

func perCall(ch chan netlink.LinkUpdate) error {
	done := make(chan struct{})
	return netlink.LinkSubscribe(ch, done) // want `netlink.LinkSubscribe subscription is never stopped: its done channel is never closed, so every call of perCall leaves one behind`
}

func closed(ch chan netlink.AddrUpdate) error { // ok
	done := make(chan struct{})
	defer close(done)
	return netlink.AddrSubscribe(ch, done)
}

func closedLater(ch chan netlink.AddrUpdate, stop <-chan struct{}) error { // ok
	done := make(chan struct{})
	go func() {
		<-stop
		close(done)
	}()
	return netlink.AddrSubscribe(ch, done)
}

func withContext(ctx context.Context, ch chan netlink.RouteUpdate) error { // ok
	return netlink.RouteSubscribe(ch, ctx.Done())
}

type watcher struct{ done chan struct{} }

func (w *watcher) start(ch chan netlink.NeighUpdate) error { // ok: the watcher keeps done and closes it in Stop
	w.done = make(chan struct{})
	return netlink.NeighSubscribe(ch, w.done)
}

func daemon(ch chan netlink.LinkUpdate) error { // ok: one subscription for the process
	return netlink.LinkSubscribe(ch, nil)
}
