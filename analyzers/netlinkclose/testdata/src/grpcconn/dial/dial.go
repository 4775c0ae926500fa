package dial // want package:"netlinkresources"

import "google.golang.org/grpc"

// Conn is a project wrapper around a gRPC connection.
type Conn struct{ cc *grpc.ClientConn }

func (c *Conn) Close() error { return c.cc.Close() }

func (c *Conn) CC() *grpc.ClientConn { return c.cc }

// Plugin dials a node plugin's socket; the caller closes what it returns.
func Plugin(socket string) (*Conn, error) { // want Plugin:"constructor\\(gRPC client connection, result 0, release Close\\)"
	cc, err := grpc.NewClient("unix://" + socket)
	if err != nil {
		return nil, err
	}
	return &Conn{cc: cc}, nil
}
