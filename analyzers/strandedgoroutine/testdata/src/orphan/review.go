package orphan

// A reviewer's look-alikes of the dropped-object rule, each with a
// sibling that must still be reported.

import (
	"context"
	"net/http"
	"time"
)

// 1. Objects kept in a slice: the error path closes each element, hands
// each to a registry, or hands the slice to a helper.

func StartAll(names []string) ([]*Watcher, error) {
	var ws []*Watcher
	for range names {
		w := &Watcher{events: make(chan string)}
		w.ctx, w.cancel = context.WithCancel(context.Background())
		go w.loop() // ok: the error path closes every watcher in ws
		ws = append(ws, w)
	}
	if err := validate(names[0]); err != nil {
		for _, x := range ws {
			x.Close()
		}
		return nil, err
	}
	return ws, nil
}

func closeAll(ws []*Watcher) {
	for _, w := range ws {
		w.Close()
	}
}

func StartAllHelper(names []string) ([]*Watcher, error) {
	ws := make([]*Watcher, len(names))
	for i := range names {
		w := &Watcher{events: make(chan string)}
		w.ctx, w.cancel = context.WithCancel(context.Background())
		go w.loop() // ok: closeAll closes every element on the error path
		ws[i] = w
	}
	if err := validate(names[0]); err != nil {
		closeAll(ws)
		return nil, err
	}
	return ws, nil
}

type registry interface{ Add(*Watcher) }

func StartAllRegistered(reg registry, names []string) error {
	var ws []*Watcher
	for range names {
		w := &Watcher{events: make(chan string)}
		w.ctx, w.cancel = context.WithCancel(context.Background())
		go w.loop() // ok: the registry may close them
		ws = append(ws, w)
	}
	if err := validate(names[0]); err != nil {
		for i := range ws {
			reg.Add(ws[i])
		}
		return err
	}
	for _, w := range ws {
		reg.Add(w)
	}
	return nil
}

// The sibling: the slice is dropped with its watchers.
func StartAllDropped(names []string) ([]*Watcher, error) {
	var ws []*Watcher
	for range names {
		w := &Watcher{events: make(chan string)}
		w.ctx, w.cancel = context.WithCancel(context.Background())
		go w.loop() // want `goroutine runs until Watcher's context is cancelled, and StartAllDropped can return without the Watcher`
		ws = append(ws, w)
	}
	if err := validate(names[0]); err != nil {
		return nil, err
	}
	return ws, nil
}

// 2. A context with a deadline or a timeout ends by itself.

func (w *Watcher) loopFor(d time.Duration) {
	ctx, cancel := context.WithTimeout(w.ctx, d)
	defer cancel()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-w.events:
			handle(ev)
		}
	}
}

func NewTimedWatcher(cfg string, d time.Duration) (*Watcher, error) {
	w := &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	go w.loopFor(d) // ok: the loop's context times out
	if err := validate(cfg); err != nil {
		return nil, err
	}
	return w, nil
}

func NewDeadlineWatcher(cfg string, at time.Time) (*Watcher, error) {
	w := &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	go func() { // ok: the deadline ends the wait
		ctx, cancel := context.WithDeadline(w.ctx, at)
		defer cancel()
		<-ctx.Done()
	}()
	if err := validate(cfg); err != nil {
		return nil, err
	}
	return w, nil
}

func NewOwnTimeoutWatcher(cfg string, d time.Duration) (*Watcher, error) {
	w := &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithTimeout(context.Background(), d)
	go w.loop() // ok: the object's own context times out
	if err := validate(cfg); err != nil {
		return nil, err
	}
	return w, nil
}

// The siblings: a value or a cancel-only child ends only with its parent.
type key struct{}

func (w *Watcher) loopTagged(tag string) {
	ctx := context.WithValue(w.ctx, key{}, tag)
	<-ctx.Done()
}

func NewTaggedWatcher(cfg string) (*Watcher, error) {
	w := &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	go w.loopTagged(cfg) // want `goroutine runs until Watcher's context is cancelled, and NewTaggedWatcher can return without the Watcher`
	if err := validate(cfg); err != nil {
		return nil, err
	}
	return w, nil
}

func NewChildWatcher(cfg string) (*Watcher, error) {
	w := &Watcher{events: make(chan string)}
	w.ctx, w.cancel = context.WithCancel(context.Background())
	go func() { // want `goroutine runs until Watcher's context is cancelled, and NewChildWatcher can return without the Watcher`
		ctx, cancel := context.WithCancel(w.ctx)
		defer cancel()
		<-ctx.Done()
	}()
	if err := validate(cfg); err != nil {
		return nil, err
	}
	return w, nil
}

// 3. A parent context of unknown lifetime: a field (here a request
// scope's) or a parameter.
type scope struct {
	ctx context.Context
}

type proc struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (p *proc) run() {
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-time.After(time.Second):
			poll()
		}
	}
}

func (s *scope) startProc(name string) (*proc, error) {
	p := &proc{}
	p.ctx, p.cancel = context.WithCancel(s.ctx)
	go p.run() // ok: the scope's context may end with its request
	if err := validate(name); err != nil {
		return nil, err
	}
	return p, nil
}

func serveScope(w http.ResponseWriter, r *http.Request) {
	s := &scope{ctx: r.Context()}
	if _, err := s.startProc(r.URL.Path); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

func startProcCtx(ctx context.Context, name string) (*proc, error) {
	p := &proc{}
	p.ctx, p.cancel = context.WithCancel(ctx)
	go p.run() // ok: the caller's context may end
	if err := validate(name); err != nil {
		return nil, err
	}
	return p, nil
}

// The sibling: a package variable's context lives as long as the process.
var rootCtx = context.Background()

func startProcRoot(name string) (*proc, error) {
	p := &proc{}
	p.ctx, p.cancel = context.WithCancel(rootCtx)
	go p.run() // want `goroutine runs until proc's context is cancelled, and startProcRoot can return without the proc`
	if err := validate(name); err != nil {
		return nil, err
	}
	return p, nil
}
