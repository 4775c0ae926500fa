// Package nl is a stub of github.com/vishvananda/netlink/nl for tests.
package nl

import "github.com/vishvananda/netns"

type NetlinkSocket struct{ fd int32 }

func (s *NetlinkSocket) Close()                   {}
func (s *NetlinkSocket) Receive() ([]byte, error) { return nil, nil }

func Subscribe(protocol int, groups ...uint) (*NetlinkSocket, error) { return &NetlinkSocket{}, nil }
func SubscribeAt(newNs, curNs netns.NsHandle, protocol int, groups ...uint) (*NetlinkSocket, error) {
	return &NetlinkSocket{}, nil
}
func GetNetlinkSocketAt(newNs, curNs netns.NsHandle, protocol int) (*NetlinkSocket, error) {
	return &NetlinkSocket{}, nil
}
