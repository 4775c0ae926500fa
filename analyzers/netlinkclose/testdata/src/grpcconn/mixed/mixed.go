package mixed

// A netlink handle in a struct that also borrows a gRPC connection:
// closing the connection through an accessor does not close the handle.

import (
	"github.com/vishvananda/netlink"
	"google.golang.org/grpc"
)

type agent struct {
	h    *netlink.Handle
	conn *grpc.ClientConn
}

func (a *agent) Conn() *grpc.ClientConn { return a.conn }

func sync(conn *grpc.ClientConn) error {
	h, err := netlink.NewHandle() // want `netlink handle from netlink.NewHandle is never released`
	if err != nil {
		return err
	}
	a := &agent{h: h, conn: conn}
	_, _ = a.h.LinkList()
	return a.Conn().Close()
}
