// Package netlink is a stub of github.com/vishvananda/netlink for tests.
package netlink

import (
	"time"

	"github.com/vishvananda/netns"
)

type Handle struct{ sockets map[int]int }

type LinkAttrs struct {
	Name string
	MTU  int
}

type Link interface{ Attrs() *LinkAttrs }

type LinkUpdate struct{ Link }
type AddrUpdate struct{}
type RouteUpdate struct{}
type NeighUpdate struct{}
type LinkSubscribeOptions struct{ ListExisting bool }

func NewHandle(nlFamilies ...int) (*Handle, error)                                        { return &Handle{}, nil }
func NewHandleAt(ns netns.NsHandle, nlFamilies ...int) (*Handle, error)                   { return &Handle{}, nil }
func NewHandleAtFrom(newNs, curNs netns.NsHandle) (*Handle, error)                        { return &Handle{}, nil }
func (h *Handle) Close()                                                                  {}
func (h *Handle) Delete()                                                                 {}
func (h *Handle) LinkList() ([]Link, error)                                               { return nil, nil }
func (h *Handle) LinkByName(name string) (Link, error)                                    { return nil, nil }
func (h *Handle) SetSocketTimeout(to time.Duration) error                                 { return nil }
func LinkList() ([]Link, error)                                                           { return nil, nil }
func LinkSubscribe(ch chan<- LinkUpdate, done <-chan struct{}) error                      { return nil }
func LinkSubscribeAt(ns netns.NsHandle, ch chan<- LinkUpdate, done <-chan struct{}) error { return nil }
func LinkSubscribeWithOptions(ch chan<- LinkUpdate, done <-chan struct{}, options LinkSubscribeOptions) error {
	return nil
}
func AddrSubscribe(ch chan<- AddrUpdate, done <-chan struct{}) error   { return nil }
func RouteSubscribe(ch chan<- RouteUpdate, done <-chan struct{}) error { return nil }
func NeighSubscribe(ch chan<- NeighUpdate, done <-chan struct{}) error { return nil }
