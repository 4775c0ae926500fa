package lifecycle

// A stub driver whose message queue nothing fills yet: its consumer waits
// for the next message by design (calico felix's Windows dataplane,
// RecvMessage on fromDataplane made with a buffer of 100).
type stubDriver struct {
	fromDataplane chan any
}

func newStubDriver() *stubDriver {
	return &stubDriver{fromDataplane: make(chan any, 100)}
}

func (d *stubDriver) RecvMessage() (any, error) {
	return <-d.fromDataplane, nil // ok: a queue, read for its messages
}

func (d *stubDriver) Next() (any, bool) {
	m, ok := <-d.fromDataplane // ok: the same, comma-ok
	return m, ok
}

// A buffered channel used as a signal (only the receive matters) that
// nothing closes: still reported.
type stopper struct {
	stopped chan struct{}
}

func newStopper() *stopper {
	return &stopper{stopped: make(chan struct{}, 1)}
}

func (s *stopper) Wait() {
	<-s.stopped // want `receive from stopper.stopped blocks for ever: nothing sends on it or closes it`
}

// An unbuffered message channel nothing sends on: a result nobody
// delivers, still reported.
type resulter struct {
	results chan error
}

func newResulter() *resulter {
	return &resulter{results: make(chan error)}
}

func (r *resulter) Result() error {
	return <-r.results // want `receive from resulter.results blocks for ever: nothing sends on it or closes it`
}

// A result channel with a buffer of one whose send was forgotten: still a
// result nobody delivers.
type d1runner struct {
	errCh chan error
}

func newD1() *d1runner {
	return &d1runner{errCh: make(chan error, 1)}
}

func (r *d1runner) Start() {
	go func() {
		// forgot: r.errCh <- err
	}()
}

func (r *d1runner) Wait() error {
	return <-r.errCh // want `receive from d1runner.errCh blocks for ever: nothing sends on it or closes it`
}
