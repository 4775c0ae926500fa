// Package grpc is a stub of google.golang.org/grpc for tests.
package grpc

import "context"

// DialOption configures how we set up the connection.
type DialOption interface{ apply() }

// CallOption configures a call.
type CallOption interface{ before() }

// ClientConnInterface is what generated clients take.
type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
}

// ClientConn is a virtual connection to a conceptual endpoint.
type ClientConn struct{ target string }

func (cc *ClientConn) Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error {
	return nil
}

// Close tears down the ClientConn and all underlying connections.
func (cc *ClientConn) Close() error { return nil }

// Target returns the target string of the ClientConn.
func (cc *ClientConn) Target() string { return cc.target }

// Dial creates a client connection to the given target.
func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{target}, nil }

// DialContext creates a client connection to the given target.
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target}, nil
}

// NewClient creates a new gRPC "channel" for the target URI provided.
func NewClient(target string, opts ...DialOption) (*ClientConn, error) {
	return &ClientConn{target}, nil
}

// WithInsecure returns a DialOption which disables transport security.
func WithInsecure() DialOption { return nil }

// ClientStream defines the client-side behavior of a streaming RPC.
type ClientStream interface {
	CloseSend() error
	SendMsg(m any) error
	RecvMsg(m any) error
}
