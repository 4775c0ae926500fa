// Package pb is generated gRPC client code.
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type Request struct{}
type Response struct{}

// NodeClient is the client API for the Node service.
type NodeClient interface {
	Publish(ctx context.Context, in *Request, opts ...grpc.CallOption) (*Response, error)
	Delete(ctx context.Context, in *Request, opts ...grpc.CallOption) (*Response, error)
	Watch(ctx context.Context, in *Request, opts ...grpc.CallOption) (Node_WatchClient, error)
}

// Node_WatchClient is the stream of a Watch call.
type Node_WatchClient interface {
	Recv() (*Response, error)
	grpc.ClientStream
}

type nodeClient struct{ cc grpc.ClientConnInterface }

func NewNodeClient(cc grpc.ClientConnInterface) NodeClient { return &nodeClient{cc} }

func (c *nodeClient) Publish(ctx context.Context, in *Request, opts ...grpc.CallOption) (*Response, error) {
	out := new(Response)
	err := c.cc.Invoke(ctx, "/Node/Publish", in, out, opts...)
	return out, err
}

func (c *nodeClient) Delete(ctx context.Context, in *Request, opts ...grpc.CallOption) (*Response, error) {
	out := new(Response)
	err := c.cc.Invoke(ctx, "/Node/Delete", in, out, opts...)
	return out, err
}

func (c *nodeClient) Watch(ctx context.Context, in *Request, opts ...grpc.CallOption) (Node_WatchClient, error) {
	return nil, nil
}

// Register records cc in a registry and returns how many there are: its
// result does not hold the connection.
func Register(cc grpc.ClientConnInterface) int { return 1 }

// Factory makes clients.
type Factory struct{}

func (Factory) NewNodeClient(cc grpc.ClientConnInterface) NodeClient { return &nodeClient{cc} }
