// Package nlconn is the project's own netlink connection: ctrlvet knows
// it only from .ctrlvet.yaml.
package nlconn

import "os"

// Conn holds an AF_NETLINK socket.
type Conn struct{ f *os.File }

// Dial opens a connection; Close releases it.
func Dial() (*Conn, error) { return &Conn{f: os.NewFile(3, "netlink")}, nil }

func (c *Conn) Close() error { return c.f.Close() }

func (c *Conn) Receive() ([]byte, error) {
	buf := make([]byte, 4096)
	n, err := c.f.Read(buf)
	return buf[:n], err
}
