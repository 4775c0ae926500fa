package grpcconn // want package:"netlinkresources"

// A node agent talks to a CSI driver, a device plugin or the runtime over
// gRPC; a connection made per operation and not closed leaks its socket
// and goroutines (kubernetes/kubernetes#64341: kubelet's CSI client).

import (
	"context"
	"errors"
	"time"

	"example.com/pb"
	"google.golang.org/grpc"
)

type csiClient struct {
	addr   string
	client pb.NodeClient
	conn   *grpc.ClientConn
	dial   func(target string, opts ...grpc.DialOption) (*grpc.ClientConn, error)
}

func newCSIClient(addr string) *csiClient {
	return &csiClient{addr: addr, dial: grpc.Dial}
}

func (c *csiClient) NodePublish(ctx context.Context) error {
	conn, err := grpc.DialContext(ctx, c.addr, grpc.WithInsecure()) // want `gRPC client connection from grpc.DialContext is never released: it leaks on every return \(call Close\); it holds its connections and the goroutines of its resolver, balancer and transports until Close`
	if err != nil {
		return err
	}
	client := pb.NewNodeClient(conn)
	_, err = client.Publish(ctx, &pb.Request{})
	return err
}

func (c *csiClient) NodePublishFixed(ctx context.Context) error { // ok
	conn, err := grpc.NewClient(c.addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = pb.NewNodeClient(conn).Publish(ctx, &pb.Request{})
	return err
}

func (c *csiClient) NodeUnpublish(ctx context.Context) error {
	conn, err := grpc.NewClient(c.addr) // want `gRPC client connection from grpc.NewClient is not released on the path that returns at line 53 \(call Close\)`
	if err != nil {
		return err
	}
	if _, err := pb.NewNodeClient(conn).Publish(ctx, &pb.Request{}); err != nil {
		return err
	}
	return conn.Close()
}

// NodeDelete calls the Delete RPC: a remote call, not a release.
func (c *csiClient) NodeDelete(ctx context.Context) error {
	conn, err := grpc.NewClient(c.addr) // want `gRPC client connection from grpc.NewClient is never released`
	if err != nil {
		return err
	}
	client := pb.NewNodeClient(conn)
	_, err = client.Delete(ctx, &pb.Request{})
	return err
}

// Connect keeps the client (and so the connection) for later calls.
func (c *csiClient) Connect() error { // ok
	conn, err := grpc.NewClient(c.addr)
	if err != nil {
		return err
	}
	c.client = pb.NewNodeClient(conn)
	return nil
}

// ConnectConn keeps the connection.
func (c *csiClient) ConnectConn() error { // ok
	conn, err := grpc.NewClient(c.addr)
	if err != nil {
		return err
	}
	c.conn = conn
	return nil
}

// Probe dials through the injected dial function.
func (c *csiClient) Probe(ctx context.Context) error {
	conn, err := c.dial(c.addr) // want `gRPC client connection from dial \(set to grpc.Dial\) is never released`
	if err != nil {
		return err
	}
	_, err = pb.NewNodeClient(conn).Publish(ctx, &pb.Request{})
	return err
}

// Watch reconnects in a loop and never closes the connection it leaves.
func (c *csiClient) Watch(ctx context.Context) {
	for ctx.Err() == nil {
		conn, err := grpc.NewClient(c.addr) // want `gRPC client connection from grpc.NewClient is not released on the path that reaches the end of csiClient.Watch \(call Close\); it is made in a loop, so one leaks per iteration`
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		if _, err := pb.NewNodeClient(conn).Publish(ctx, &pb.Request{}); err != nil {
			continue
		}
		conn.Close()
	}
}

// handOff passes the client to a goroutine that owns it.
func (c *csiClient) handOff(ctx context.Context) error { // ok
	conn, err := grpc.NewClient(c.addr)
	if err != nil {
		return err
	}
	go func() {
		defer conn.Close()
		<-ctx.Done()
	}()
	return nil
}

// Client wraps a connection and closes it.
type Client struct {
	conn *grpc.ClientConn
}

func (c *Client) Close() error           { return c.conn.Close() }
func (c *Client) Conn() *grpc.ClientConn { return c.conn }
func (c *Client) Node() pb.NodeClient    { return pb.NewNodeClient(c.conn) }

func dialClient(addr string) (*Client, error) { // want dialClient:"constructor\\(gRPC client connection, result 0, release Close\\)"
	conn, err := grpc.NewClient(addr)
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn}, nil
}

func useClient(ctx context.Context, addr string) error {
	c, err := dialClient(addr) // want `gRPC client connection from grpcconn.dialClient is not released on the path that returns at line 150 \(call Close\)`
	if err != nil {
		return err
	}
	if _, err := c.Node().Publish(ctx, &pb.Request{}); err != nil {
		return errors.New("publish failed")
	}
	return c.Close()
}

// closeByAccessor closes the connection through the wrapper's accessor.
func closeByAccessor(ctx context.Context, addr string) error { // ok
	c, err := dialClient(addr)
	if err != nil {
		return err
	}
	defer c.Conn().Close()
	_, err = c.Node().Publish(ctx, &pb.Request{})
	return err
}

// session keeps the connection and a client made from it.
type session struct {
	conn   *grpc.ClientConn
	client pb.NodeClient
}

func closeSession(s *session) { s.conn.Close() }

func (c *csiClient) withSession(ctx context.Context) error { // ok
	conn, err := grpc.NewClient(c.addr)
	if err != nil {
		return err
	}
	s := &session{conn: conn, client: pb.NewNodeClient(conn)}
	defer closeSession(s)
	_, err = s.client.Publish(ctx, &pb.Request{})
	return err
}

// register hands the connection to a registry of another package: its
// int result does not hold the connection.
func (c *csiClient) register() error { // ok
	conn, err := grpc.NewClient(c.addr)
	if err != nil {
		return err
	}
	if pb.Register(conn) > 10 {
		return errors.New("too many")
	}
	return nil
}

// viaFactory makes the client with a method of another package.
func (c *csiClient) viaFactory(ctx context.Context) error {
	conn, err := grpc.NewClient(c.addr) // want `gRPC client connection from grpc.NewClient is never released`
	if err != nil {
		return err
	}
	_, err = pb.Factory{}.NewNodeClient(conn).Publish(ctx, &pb.Request{})
	return err
}

// newNodeClient returns a client whose connection nothing can close: a
// leak per call that is not reported (a known limit).
func newNodeClient(addr string) (pb.NodeClient, error) { // ok
	conn, err := grpc.NewClient(addr)
	if err != nil {
		return nil, err
	}
	return pb.NewNodeClient(conn), nil
}

// watchStream returns the stream, which holds the connection (Contour's
// CLI): closing the connection would end it.
func (c *csiClient) watchStream(ctx context.Context) (pb.Node_WatchClient, error) { // ok
	conn, err := grpc.NewClient(c.addr)
	if err != nil {
		return nil, err
	}
	return pb.NewNodeClient(conn).Watch(ctx, &pb.Request{})
}

// watchOnce reads one event and drops the stream and the connection.
func (c *csiClient) watchOnce(ctx context.Context) error {
	conn, err := grpc.NewClient(c.addr) // want `gRPC client connection from grpc.NewClient is never released`
	if err != nil {
		return err
	}
	stream, err := pb.NewNodeClient(conn).Watch(ctx, &pb.Request{})
	if err != nil {
		return err
	}
	_, err = stream.Recv()
	return err
}
