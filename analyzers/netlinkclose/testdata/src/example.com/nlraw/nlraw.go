// Package nlraw stands for a project's own raw netlink helpers.
package nlraw

type Sock struct{ fd int }

// Open returns a raw AF_NETLINK descriptor.
func Open() (int, error) { return 3, nil }

// CloseFD releases a descriptor from Open.
func CloseFD(fd int) error { return nil }

// Listen returns a socket released by Shutdown.
func Listen() (*Sock, error) { return &Sock{}, nil }

func (s *Sock) Shutdown() error { return nil }

func (s *Sock) Recv() ([]byte, error) { return nil, nil }

// Pool keeps sockets for reuse; Put takes one back.
type Pool struct{ socks []*Sock }

func (p *Pool) Put(s *Sock) { p.socks = append(p.socks, s) }

// Factory opens sockets.
type Factory struct{}

func NewFactory() *Factory { return &Factory{} }

func (f *Factory) Open() (*Sock, error) { return &Sock{}, nil }
