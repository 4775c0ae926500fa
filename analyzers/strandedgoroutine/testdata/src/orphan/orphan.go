// Package orphan: objects given a context of their own, whose goroutine
// ends only when that context is cancelled, dropped by the function that
// made them on an error path (grpc-go's Dial shape: a constructor that
// returns nil, err after it started the object's loop).
package orphan

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"
)

var errBad = errors.New("bad")

func poll()            {}
func handle(ev string) {}
func validate(s string) error {
	if s == "" {
		return errBad
	}
	return nil
}

// A watcher whose resync loop is started before the configuration is
// checked: every failed New leaves a loop ticking for ever.
type Watcher struct {
	ctx    context.Context
	cancel context.CancelFunc
	events chan string
}

func NewWatcher(cfg string) (*Watcher, error) {
	w := &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	go w.loop() // want `goroutine runs until Watcher's context is cancelled, and NewWatcher can return without the Watcher at line 39`
	if err := validate(cfg); err != nil {
		return nil, err
	}
	return w, nil
}

func (w *Watcher) loop() {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-w.ctx.Done():
			return
		case <-t.C:
			poll()
		case ev := <-w.events:
			handle(ev)
		}
	}
}

func (w *Watcher) Close() { w.cancel() }

// The fix: Close on the error path.
func NewWatcherFixed(cfg string) (*Watcher, error) {
	w := &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	go w.loop() // ok: the error path closes it
	if err := validate(cfg); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// The other fix: start the loop after the last error return.
func NewWatcherLate(cfg string) (*Watcher, error) {
	w := &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	if err := validate(cfg); err != nil {
		w.cancel()
		return nil, err
	}
	go w.loop() // ok: every return after it hands the watcher out
	return w, nil
}

// A deferred Close on failure, as grpc-go's fix does.
func NewWatcherDeferred(cfg string) (w *Watcher, err error) {
	w = &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	defer func() {
		if err != nil {
			w.Close()
		}
	}()
	go w.loop() // ok: the deferred Close cancels on failure
	if err = validate(cfg); err != nil {
		return nil, err
	}
	return w, nil
}

// A per-request session in a server: its keepalive runs in a function
// literal until the session's context ends; the handler forgets the
// session when the request is bad, once per bad request.
type session struct {
	ctx    context.Context
	cancel context.CancelFunc
	id     string
}

func (s *session) keepalive() {
	for {
		if s.ctx.Err() != nil {
			return
		}
		time.Sleep(time.Second)
		poll()
	}
}

type server struct {
	mu       sync.Mutex
	sessions map[string]*session
	base     context.Context
}

func (srv *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s := &session{id: r.URL.Query().Get("id")}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	go func() { // want `goroutine runs until session's context is cancelled, and ServeHTTP can return without the session`
		s.keepalive()
	}()
	if err := validate(s.id); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	srv.register(s)
}

func (srv *server) register(s *session) {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	srv.sessions[s.id] = s
}

// The same handler, the session's context derived from a field of the
// server: of unknown lifetime (the server's may be a request's, too), so
// silent.
func (srv *server) ServeBase(w http.ResponseWriter, r *http.Request) {
	s := &session{id: r.URL.Query().Get("id")}
	s.ctx, s.cancel = context.WithCancel(srv.base)
	go func() { // ok: srv.base may end
		s.keepalive()
	}()
	if err := validate(s.id); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	srv.register(s)
}

// The same handler, registering before it can fail: the registry's
// owner can end the session.
func (srv *server) ServeRegistered(w http.ResponseWriter, r *http.Request) {
	s := &session{id: r.URL.Query().Get("id")}
	s.ctx, s.cancel = context.WithCancel(srv.base)
	srv.register(s)
	go func() { // ok: the session is in the registry
		s.keepalive()
	}()
	if err := validate(s.id); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
}

// A request's context as the parent: the goroutine ends with the request.
func (srv *server) ServeScoped(w http.ResponseWriter, r *http.Request) {
	s := &session{id: r.URL.Query().Get("id")}
	s.ctx, s.cancel = context.WithCancel(r.Context())
	go s.keepalive() // ok: the request's context ends it
	if err := validate(s.id); err != nil {
		return
	}
	srv.register(s)
}

// A client whose connections retry until the client's context ends, each
// on a context derived from it and kept on the connection; Dial loses the
// client on every path (it returns a result it never sets).
type Client struct {
	ctx    context.Context
	cancel context.CancelFunc
	conns  []*conn
}

type conn struct {
	c      *Client
	ctx    context.Context
	cancel context.CancelFunc
}

func (c *Client) addConn() {
	cn := &conn{c: c}
	c.conns = append(c.conns, cn)
	cn.ctx, cn.cancel = context.WithCancel(c.ctx)
	cn.retry()
}

func (cn *conn) retry() {
	for attempt := 1; ; attempt++ {
		select {
		case <-time.After(time.Duration(attempt) * time.Millisecond):
		case <-cn.ctx.Done():
			return
		}
	}
}

func (c *Client) Close() {
	c.cancel()
	for _, cn := range c.conns {
		cn.cancel()
	}
}

func Dial(ctx context.Context, target string) (client *Client, err error) {
	c := &Client{}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	go c.addConn() // want `goroutine runs until Client's context is cancelled, and Dial can return without the Client`
	if err := validate(target); err != nil {
		return nil, err
	}
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	default:
	}
	return client, nil
}

func DialFixed(ctx context.Context, target string) (*Client, error) {
	c := &Client{}
	c.ctx, c.cancel = context.WithCancel(context.Background())
	go c.addConn() // ok: every failure closes the client
	if err := validate(target); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// A worker pool that reconciles until its context ends; the constructor
// fails after starting the workers.
type pool struct {
	ctx    context.Context
	cancel context.CancelFunc
	queue  chan string
}

func (p *pool) work() {
	for {
		select {
		case <-p.ctx.Done():
			return
		case key := <-p.queue:
			handle(key)
		}
	}
}

func newPool(n int, name string) (*pool, error) {
	p := &pool{queue: make(chan string, n)}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	for range n {
		go p.work() // want `goroutine runs until pool's context is cancelled, and newPool can return without the pool`
	}
	if err := validate(name); err != nil {
		return nil, err
	}
	return p, nil
}

// Workers that also give up by themselves (the queue is closed, or an
// idle timeout): they do not wait for the cancel.
func (p *pool) workOrIdle() {
	for {
		select {
		case <-p.ctx.Done():
			return
		case key, ok := <-p.queue:
			if !ok {
				return
			}
			handle(key)
		case <-time.After(time.Minute):
			return
		}
	}
}

func newIdlePool(n int, name string) (*pool, error) {
	p := &pool{queue: make(chan string, n)}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	for range n {
		go p.workOrIdle() // ok: the worker ends on its own
	}
	if err := validate(name); err != nil {
		return nil, err
	}
	return p, nil
}

// A goroutine that cancels its own context when it is done.
func (p *pool) drainOnce() {
	defer p.cancel()
	for {
		select {
		case <-p.ctx.Done():
			return
		case key := <-p.queue:
			handle(key)
		}
	}
}

func newSelfCancelling(name string) (*pool, error) {
	p := &pool{queue: make(chan string)}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	go p.drainOnce() // ok: the goroutine holds the cancel
	if err := validate(name); err != nil {
		return nil, err
	}
	return p, nil
}

// The object handed to code ctrlvet cannot see: it may be closed there.
var hooks []func()

func newHooked(name string, keep func(*pool)) (*pool, error) {
	p := &pool{queue: make(chan string)}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	go p.work() // ok: keep may close it
	keep(p)
	if err := validate(name); err != nil {
		return nil, err
	}
	return p, nil
}

// The loop is started by a method of the object, and the constructor's
// later check fails.
type informer struct {
	ctx    context.Context
	cancel context.CancelFunc
	resync time.Duration
}

func (i *informer) start() { go i.run() }

func (i *informer) run() {
	t := time.NewTicker(i.resync)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			poll()
		case <-i.ctx.Done():
			return
		}
	}
}

func (i *informer) Stop() { i.cancel() }

func newInformer(resync time.Duration, kind string) (*informer, error) {
	i := &informer{resync: resync}
	i.ctx, i.cancel = context.WithCancel(context.Background())
	i.start() // want `goroutine runs until informer's context is cancelled, and newInformer can return without the informer`
	if err := validate(kind); err != nil {
		return nil, err
	}
	return i, nil
}

func newInformerFixed(resync time.Duration, kind string) (*informer, error) {
	i := &informer{resync: resync}
	i.ctx, i.cancel = context.WithCancel(context.Background())
	i.start() // ok: the error path stops it
	if err := validate(kind); err != nil {
		i.Stop()
		return nil, err
	}
	return i, nil
}

// A stop channel instead of a context: the controller's worker returns
// only once stopCh is closed, and only Close closes it.
type controller struct {
	stopCh chan struct{}
	queue  chan string
}

func (c *controller) worker() {
	for {
		select {
		case <-c.stopCh:
			return
		case key := <-c.queue:
			handle(key)
		}
	}
}

func (c *controller) Close() { close(c.stopCh) }

func newController(kind string) (*controller, error) {
	c := &controller{stopCh: make(chan struct{}), queue: make(chan string, 16)}
	go c.worker() // want `goroutine runs until controller.stopCh is closed, and newController can return without the controller at line \d+: nothing can close it then`
	if err := validate(kind); err != nil {
		return nil, err
	}
	return c, nil
}

func newControllerFixed(kind string) (*controller, error) {
	c := &controller{stopCh: make(chan struct{}), queue: make(chan string, 16)}
	go c.worker() // ok: Close on the error path
	if err := validate(kind); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// The stop channel handed to a helper ctrlvet cannot see (wait.Until):
// it may close it.
func newControllerUntil(kind string, until func(func(), chan struct{})) (*controller, error) {
	c := &controller{stopCh: make(chan struct{}), queue: make(chan string, 16)}
	go until(func() { handle("tick") }, c.stopCh) // ok: not a goroutine of the object's own code
	go c.worker()                                 // ok: until holds the stop channel
	if err := validate(kind); err != nil {
		return nil, err
	}
	return c, nil
}
