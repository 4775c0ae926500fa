// Package unix is a stub of golang.org/x/sys/unix for tests.
package unix

const (
	AF_INET       = 0x2
	AF_NETLINK    = 0x10
	SOCK_RAW      = 0x3
	SOCK_DGRAM    = 0x2
	NETLINK_ROUTE = 0x0
)

type Sockaddr interface{}
type SockaddrNetlink struct{ Family uint16 }

func Socket(domain, typ, proto int) (fd int, err error) { return 0, nil }
func Bind(fd int, sa Sockaddr) error                    { return nil }
func Close(fd int) error                                { return nil }
