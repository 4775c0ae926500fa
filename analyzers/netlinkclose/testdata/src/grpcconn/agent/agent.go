package agent

// The bug split across packages: the dialler in one, the leak in another.

import (
	"context"
	"errors"

	"example.com/pb"

	"grpcconn/dial"
)

type Manager struct {
	socket string
	dial   func(socket string) (*dial.Conn, error)
}

func NewManager(socket string) *Manager { return &Manager{socket: socket, dial: dial.Plugin} }

func (m *Manager) Register(ctx context.Context) error {
	c, err := dial.Plugin(m.socket) // want `gRPC client connection from dial.Plugin is not released on the path that returns at line 27 \(call Close\)`
	if err != nil {
		return err
	}
	if _, err := pb.NewNodeClient(c.CC()).Publish(ctx, &pb.Request{}); err != nil {
		return errors.New("plugin refused registration")
	}
	return c.Close()
}

func (m *Manager) Probe(ctx context.Context) error {
	c, err := m.dial(m.socket) // want `gRPC client connection from dial \(set to dial.Plugin\) is never released`
	if err != nil {
		return err
	}
	_, err = pb.NewNodeClient(c.CC()).Publish(ctx, &pb.Request{})
	return err
}

func (m *Manager) ProbeFixed(ctx context.Context) error { // ok
	c, err := m.dial(m.socket)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = pb.NewNodeClient(c.CC()).Publish(ctx, &pb.Request{})
	return err
}
