// Package constructor is grpc's NewServerTransport shape (internal/
// transport/http2_server.go): the constructor makes the object, returns
// early on errors before starting the goroutine that closes its channel,
// and drops the object on those returns, so no one can wait on it.
// (Reported once as the controller-runtime manager's shape.)
package constructor

import (
	"errors"
	"io"
)

type server struct {
	done chan struct{}
}

func newServer(r io.Reader) (*server, error) {
	s := &server{done: make(chan struct{})}
	buf := make([]byte, 8)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, err
	}
	go func() {
		close(s.done)
	}()
	return s, nil
}

func (s *server) Close() {
	defer func() {
		<-s.done // ok: only a successfully made server exists
	}()
}

// The same, but the object is handed out on the error path too: a caller
// may Close it, and that waits for ever.
type leaky struct {
	done chan struct{}
}

func newLeaky(r io.Reader) (*leaky, error) {
	l := &leaky{done: make(chan struct{})}
	buf := make([]byte, 8)
	if _, err := io.ReadFull(r, buf); err != nil {
		return l, errors.Join(err, errors.New("partial"))
	}
	go func() {
		close(l.done)
	}()
	return l, nil
}

func (l *leaky) Close() {
	defer func() {
		<-l.done // want `receive from done can block for ever: only the goroutine that newLeaky starts closes it`
	}()
}
