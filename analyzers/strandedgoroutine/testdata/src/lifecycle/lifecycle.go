// Package lifecycle: objects whose partner operation the package never
// performs at all: a stop channel nothing closes, a Cond nothing signals,
// a cancel stored and never called. And their fixed look-alikes.
package lifecycle

import (
	"context"
	"sync"
)

// A shutdown signal handed out receive-only, which Close forgot to close.
type lifecycle struct {
	draining chan struct{}
}

func newLifecycle() *lifecycle {
	return &lifecycle{draining: make(chan struct{})} // the channel is made here
}

func (l *lifecycle) Draining() <-chan struct{} {
	if l == nil {
		return nil
	}
	return l.draining
}

func (l *lifecycle) Close() {}

type queue struct {
	life *lifecycle
}

func (q *queue) waitDrained() {
	<-q.life.Draining() // want `receive from lifecycle.draining blocks for ever: nothing sends on it or closes it`
}

// Fixed: Close closes it.
type lifecycleFixed struct {
	draining chan struct{}
}

func newLifecycleFixed() *lifecycleFixed {
	return &lifecycleFixed{draining: make(chan struct{})}
}

func (l *lifecycleFixed) Draining() <-chan struct{} { return l.draining }

func (l *lifecycleFixed) Close() { close(l.draining) }

func waitFixed(l *lifecycleFixed) {
	<-l.Draining() // ok: Close closes it
}

// A select with only dead channels.
type pair struct {
	a, b chan int
}

func newPair() *pair { return &pair{a: make(chan int), b: make(chan int)} }

func (p *pair) either() int {
	select { // want `select blocks for ever: nothing sends on or closes pair.a`
	case v := <-p.a:
		return v
	case v := <-p.b:
		return v
	}
}

// One case of the select is alive: silent.
type pairFixed struct {
	a, b chan int
}

func newPairFixed() *pairFixed { return &pairFixed{a: make(chan int), b: make(chan int)} }

func (p *pairFixed) either() int {
	select { // ok: b is sent on
	case v := <-p.a:
		return v
	case v := <-p.b:
		return v
	}
}

func (p *pairFixed) put(v int) { p.b <- v }

// Exported fields can be closed by importers: silent.
type Exported struct {
	Done chan struct{}
}

func (e *Exported) Wait() { <-e.Done } // ok: an importer may close Done

// A channel handed to code we cannot see: silent.
type handed struct {
	done chan struct{}
}

func newHanded(register func(chan struct{})) *handed {
	h := &handed{done: make(chan struct{})}
	register(h.done)
	return h
}

func (h *handed) Wait() { <-h.done } // ok: register may close it

// A channel stored from outside: silent.
type given struct {
	done chan struct{}
}

func newGiven(done chan struct{}) *given { return &given{done: done} }

func (g *given) Wait() { <-g.done } // ok: the caller owns it

// A Cond nobody signals, around a loop on a field nobody sets.
type gate struct {
	mu     sync.Mutex
	open   bool
	opened int
	ready  *sync.Cond
}

func newGate() *gate {
	g := &gate{}
	g.ready = sync.NewCond(&g.mu)
	return g
}

func (g *gate) wait() {
	g.ready.L.Lock()
	for !g.open {
		g.ready.Wait() // want `gate.ready.Wait\(\) blocks for ever: nothing calls Signal or Broadcast on it, and the loop around it waits on fields that are never set`
	}
	g.ready.L.Unlock()
}

func (g *gate) setOpen() {
	g.mu.Lock()
	g.opened++ // sets another field, and forgot g.ready.Broadcast()
	g.mu.Unlock()
}

// Fixed: the opener broadcasts.
type gateFixed struct {
	mu    sync.Mutex
	open  bool
	ready sync.Cond
}

func newGateFixed() *gateFixed {
	g := &gateFixed{}
	g.ready.L = &g.mu
	return g
}

func (g *gateFixed) wait() {
	g.ready.L.Lock()
	for !g.open {
		g.ready.Wait() // ok: setOpen broadcasts
	}
	g.ready.L.Unlock()
}

func (g *gateFixed) setOpen() {
	g.mu.Lock()
	g.open = true
	g.ready.Broadcast()
	g.mu.Unlock()
}

// A cancel stored in a field that nothing calls, of a context derived from
// the object's own long-lived context.
type rows struct {
	base   context.Context
	cancel context.CancelFunc
}

func (r *rows) watch() {
	ctx, cancel := context.WithCancel(r.base)
	r.cancel = cancel
	go r.awaitDone(ctx)
}

func (r *rows) awaitDone(ctx context.Context) {
	<-ctx.Done() // want `<-ctx.Done\(\) blocks until the parent context ends: its cancel is stored in rows.cancel, which nothing calls`
	r.release()
}

func (r *rows) release() {}

// Not a leak: the parent is the caller's context (a request's, here),
// which ends when the call's work does, and the goroutine with it.
type session struct {
	cancel context.CancelFunc
}

func (s *session) serve(ctx context.Context) { // want serve:"strands\\(result -1, recv false, parent 0\\)"
	ctx, s.cancel = context.WithCancel(ctx)
	go s.awaitDone(ctx)
}

func (s *session) awaitDone(ctx context.Context) {
	<-ctx.Done() // ok: ends with the caller's context
}

// Fixed: Close calls it.
type rowsFixed struct {
	cancel context.CancelFunc
}

func (r *rowsFixed) watch(ctx context.Context) {
	ctx, r.cancel = context.WithCancel(ctx)
	go r.awaitDone(ctx)
}

func (r *rowsFixed) awaitDone(ctx context.Context) {
	<-ctx.Done() // ok: Close cancels
}

func (r *rowsFixed) Close() { r.cancel() }

// A Cond nobody signals, but whose loop is never entered: the field is
// set before anyone waits.
type latch struct {
	mu    sync.Mutex
	ready bool
	cond  *sync.Cond
}

func newLatch() *latch {
	l := &latch{ready: true}
	l.cond = sync.NewCond(&l.mu)
	return l
}

func (l *latch) wait() {
	l.cond.L.Lock()
	for !l.ready {
		l.cond.Wait() // ok: ready is set at construction
	}
	l.cond.L.Unlock()
}

func mayFail() error { return nil }

// A send on a channel nobody else has yet.
func waitResult() <-chan error {
	errC := make(chan error) // made here
	if err := mayFail(); err != nil {
		errC <- err // want `send on an unbuffered channel blocks for ever: no other goroutine can have the channel yet`
		return errC
	}
	return errC
}

// Fixed: a buffer of one.
func waitResultFixed() <-chan error {
	errC := make(chan error, 1)
	if err := mayFail(); err != nil {
		errC <- err // ok: the buffer takes it
		return errC
	}
	return errC
}

// A buffer of two after two sends.
func three() <-chan int {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	ch <- 3 // want `send blocks for ever: the buffer of 2 is full`
	close(ch)
	return ch
}

// Fixed: the receiver is started first.
func threeFixed(out func(int)) {
	ch := make(chan int)
	go func() {
		for v := range ch {
			out(v)
		}
	}()
	ch <- 1 // ok: the goroutine receives
	ch <- 2
	close(ch)
}

// A receive in between makes room.
func drained() int {
	ch := make(chan int, 1)
	ch <- 1
	v := <-ch
	ch <- 2 // ok: the receive made room
	return v + <-ch
}

// Wait inside the loop that starts the goroutines.
func startAll(items []string, run func(string)) {
	var wg sync.WaitGroup
	wg.Add(len(items))
	for _, it := range items {
		go func() {
			defer wg.Done()
			run(it)
		}()
		wg.Wait() // want `Wait inside the loop blocks for ever: the Add before the loop counts every goroutine`
	}
}

// Fixed another way: the Wait inside the loop runs only on the last
// iteration, once every goroutine has been started.
func startAllLast(items []string, run func(string)) {
	var wg sync.WaitGroup
	wg.Add(len(items))
	for i, it := range items {
		go func() {
			defer wg.Done()
			run(it)
		}()
		if i == len(items)-1 {
			wg.Wait() // ok: the last iteration
		}
	}
}

// Fixed: wait after the loop.
func startAllFixed(items []string, run func(string)) {
	var wg sync.WaitGroup
	wg.Add(len(items))
	for _, it := range items {
		go func() {
			defer wg.Done()
			run(it)
		}()
	}
	wg.Wait() // ok
}

// One at a time: Add(1) per iteration, Wait in the loop.
func oneByOne(items []string, run func(string)) {
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(it)
		}()
		wg.Wait() // ok: each iteration waits for its own goroutine
	}
}

// A mutex held across a receive whose only sender needs the mutex.
type pinger struct {
	mu     sync.Mutex
	idle   bool
	wakeup chan struct{}
}

func newPinger() *pinger { return &pinger{wakeup: make(chan struct{})} }

func (p *pinger) loop() {
	p.mu.Lock()
	if p.idle {
		<-p.wakeup // want `receive from pinger.wakeup can block for ever: it holds mu, and every partner operation on the channel needs mu first`
	}
	p.mu.Unlock()
}

func (p *pinger) poke() {
	p.mu.Lock()
	p.idle = false
	select {
	case p.wakeup <- struct{}{}:
	default:
	}
	p.mu.Unlock()
}

// Fixed: the wait runs after the unlock.
type pingerFixed struct {
	mu     sync.Mutex
	idle   bool
	wakeup chan struct{}
}

func newPingerFixed() *pingerFixed { return &pingerFixed{wakeup: make(chan struct{})} }

func (p *pingerFixed) loop() {
	p.mu.Lock()
	idle := p.idle
	p.mu.Unlock()
	if idle {
		<-p.wakeup // ok: the mutex is released
	}
}

func (p *pingerFixed) poke() {
	p.mu.Lock()
	p.idle = false
	select {
	case p.wakeup <- struct{}{}:
	default:
	}
	p.mu.Unlock()
}

// A sender that does not need the mutex: silent.
type pingerFree struct {
	mu     sync.Mutex
	wakeup chan struct{}
}

func newPingerFree() *pingerFree { return &pingerFree{wakeup: make(chan struct{})} }

func (p *pingerFree) loop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	<-p.wakeup // ok: poke sends without the mutex
}

func (p *pingerFree) poke() { p.wakeup <- struct{}{} }

// A wait loop whose condition never changes.
type remover struct {
	mu sync.Mutex
	cv *sync.Cond
}

func newRemover() *remover {
	r := &remover{}
	r.cv = sync.NewCond(&r.mu)
	return r
}

func (r *remover) wake() {
	r.mu.Lock()
	r.cv.Broadcast()
	r.mu.Unlock()
}

func (r *remover) remove() {
	r.mu.Lock()
	defer r.mu.Unlock()
	pending := true
	for pending {
		r.cv.Wait() // want `remover.cv.Wait\(\) never returns for good: the loop around it has no exit`
	}
}

// Fixed: the loop watches a field that wake sets.
type removerFixed struct {
	mu     sync.Mutex
	cv     *sync.Cond
	closed bool
}

func newRemoverFixed() *removerFixed {
	r := &removerFixed{}
	r.cv = sync.NewCond(&r.mu)
	return r
}

func (r *removerFixed) close() {
	r.mu.Lock()
	r.closed = true
	r.cv.Broadcast()
	r.mu.Unlock()
}

func (r *removerFixed) remove() {
	r.mu.Lock()
	defer r.mu.Unlock()
	for !r.closed {
		r.cv.Wait() // ok: close sets closed
	}
}

func produceAll(items []int, out chan<- int) {
	for _, it := range items {
		out <- it
	}
}

// A consumer that returns from the middle of its range loop.
func firstNegative(items []int) (int, bool) {
	ch := make(chan int)
	go func() { // want `goroutine can block for ever on a send: it sends in a loop, and firstNegative stops receiving at the return at line \d+ before the channel is drained`
		defer close(ch)
		produceAll(items, ch)
	}()
	for v := range ch {
		if v < 0 {
			return v, true
		}
	}
	return 0, false
}

// Fixed: it keeps receiving until the channel is closed.
func firstNegativeFixed(items []int) (int, bool) {
	ch := make(chan int)
	go func() {
		defer close(ch)
		produceAll(items, ch)
	}()
	found, ok := 0, false
	for v := range ch {
		if v < 0 && !ok {
			found, ok = v, true // ok: the loop goes on to the close
		}
	}
	return found, ok
}

// A bounded producer that fits its buffer: silent.
func firstOfFour() int {
	ch := make(chan int, 4)
	go func() {
		for i := 0; i < 4; i++ {
			ch <- i
		}
		close(ch)
	}()
	for v := range ch {
		return v // ok: all four sends fit the buffer
	}
	return -1
}

// A producer that sends more than its buffer holds.
func firstOfSix() int {
	ch := make(chan int, 4)
	go func() { // want `goroutine can block for ever on a send: it sends in a loop`
		for i := 0; i < 6; i++ {
			ch <- i
		}
		close(ch)
	}()
	for v := range ch {
		return v
	}
	return -1
}

type conn struct{ peers []int }

func (c *conn) watch(done chan bool) {
	for range c.peers {
		// forgot close(done)
	}
}

// A done channel handed to a worker that never closes it.
func dial(c *conn) {
	done := make(chan bool) // made here
	go c.watch(done)
	<-done // want `receive blocks for ever: nothing sends on this channel or closes it, in dial or in the goroutines and functions it hands the channel to`
}

func (c *conn) watchFixed(done chan bool) {
	defer close(done)
	for range c.peers {
	}
}

func dialFixed(c *conn) {
	done := make(chan bool)
	go c.watchFixed(done)
	<-done // ok: watchFixed closes it
}

// Handed to code we cannot see: silent.
func dialUnknown(start func(chan bool)) {
	done := make(chan bool)
	go start(done)
	<-done // ok: start may close it
}

// Stop waits for the worker while holding the mutex the worker takes per
// item.
type batcher struct {
	mu      sync.Mutex
	pending []int
	in      chan int
	done    chan struct{}
}

func newBatcher() *batcher {
	b := &batcher{in: make(chan int, 1), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		for v := range b.in {
			b.add(v)
		}
	}()
	return b
}

func (b *batcher) add(v int) {
	b.mu.Lock()
	b.pending = append(b.pending, v)
	b.mu.Unlock()
}

func (b *batcher) put(v int) {
	select {
	case b.in <- v:
	default:
	}
}

func (b *batcher) stop() {
	b.mu.Lock()
	defer b.mu.Unlock()
	close(b.in)
	<-b.done // want `receive from batcher.done can block for ever: it holds mu, and every partner operation on the channel needs mu first`
}

// Fixed: unlock before waiting.
type batcherFixed struct {
	mu      sync.Mutex
	pending []int
	in      chan int
	done    chan struct{}
}

func newBatcherFixed() *batcherFixed {
	b := &batcherFixed{in: make(chan int, 1), done: make(chan struct{})}
	go func() {
		defer close(b.done)
		for v := range b.in {
			b.add(v)
		}
	}()
	return b
}

func (b *batcherFixed) add(v int) {
	b.mu.Lock()
	b.pending = append(b.pending, v)
	b.mu.Unlock()
}

func (b *batcherFixed) stop() {
	b.mu.Lock()
	close(b.in)
	b.mu.Unlock()
	<-b.done // ok
}

// A request to a loop that may have stopped.
type node struct {
	status chan chan int
	stop   chan struct{}
	done   chan struct{}
}

func newNode() *node {
	n := &node{status: make(chan chan int), stop: make(chan struct{}), done: make(chan struct{})}
	go n.run()
	return n
}

func (n *node) run() {
	for {
		select {
		case c := <-n.status:
			c <- 1
		case <-n.stop:
			close(n.done)
			return
		}
	}
}

func (n *node) Status() int {
	c := make(chan int)
	n.status <- c // want `send on node.status can block for ever: its only receiver is the loop of node.run, which can return`
	return <-c
}

func (n *node) Stop() { close(n.stop) }

// Fixed: the request gives up when the loop is done.
type nodeFixed struct {
	status chan chan int
	stop   chan struct{}
	done   chan struct{}
}

func newNodeFixed() *nodeFixed {
	n := &nodeFixed{status: make(chan chan int), stop: make(chan struct{}), done: make(chan struct{})}
	go n.run()
	return n
}

func (n *nodeFixed) run() {
	for {
		select {
		case c := <-n.status:
			c <- 1
		case <-n.stop:
			close(n.done)
			return
		}
	}
}

func (n *nodeFixed) Status() int {
	c := make(chan int, 1)
	select {
	case n.status <- c: // ok: gives up on done
	case <-n.done:
		return 0
	}
	return <-c
}

func (n *nodeFixed) Stop() { close(n.stop) }

// A stop request answered by the loop itself: the loop returns only after
// receiving it.
type keeper struct {
	add    chan int
	stopCh chan chan struct{}
}

func newKeeper() *keeper {
	k := &keeper{add: make(chan int, 1), stopCh: make(chan chan struct{})}
	go k.run()
	return k
}

func (k *keeper) run() {
	for {
		select {
		case <-k.add:
		case w := <-k.stopCh:
			close(w)
			return
		}
	}
}

func (k *keeper) stop() {
	w := make(chan struct{})
	k.stopCh <- w // ok: the loop returns only after receiving this
	<-w
}

// Rows pushed on a channel that nothing reads.
type rowChan struct {
	data chan int
}

func (r *rowChan) init(n int) { r.data = make(chan int, n) }

func (r *rowChan) push(v int) {
	r.data <- v // want `send on rowChan.data can block for ever: nothing receives from it, and it never leaves the package; it blocks once its buffer is full`
}

// Unbuffered: the first send blocks (a plugin fixture's registration
// channel that no test reads).
type unbufferedRows struct {
	data chan int
}

func (r *unbufferedRows) init() { r.data = make(chan int) }

func (r *unbufferedRows) push(v int) {
	r.data <- v // want `send on unbufferedRows.data can block for ever: nothing receives from it, and it never leaves the package; it blocks at the first send: the channel is unbuffered`
}

// Fixed: the consumer reads it.
type rowChanFixed struct {
	data chan int
}

func (r *rowChanFixed) init(n int) { r.data = make(chan int, n) }

func (r *rowChanFixed) push(v int) {
	r.data <- v // ok: next receives
}

func (r *rowChanFixed) next() (int, bool) {
	v, ok := <-r.data
	return v, ok
}

// Tasks counted in, never counted out.
type drainer struct {
	mu    sync.Mutex
	tasks sync.WaitGroup
}

func (d *drainer) startTask() {
	d.mu.Lock()
	d.tasks.Add(1)
	d.mu.Unlock()
}

func (d *drainer) quiesce() {
	d.tasks.Wait() // want `drainer.tasks.Wait\(\) blocks for ever once Add has run: nothing calls Done on it`
}

// Fixed: finishTask counts out.
type drainerFixed struct {
	tasks sync.WaitGroup
}

func (d *drainerFixed) startTask()  { d.tasks.Add(1) }
func (d *drainerFixed) finishTask() { d.tasks.Done() }
func (d *drainerFixed) quiesce()    { d.tasks.Wait() } // ok

// Read only in a function literal of a package-level variable (a Ginkgo
// spec, as in controller-runtime's manager tests): still a receiver.
type runnable struct {
	ch chan struct{}
}

func (r *runnable) start() {
	r.ch <- struct{}{} // ok: the spec below receives
}

func describe(string, func()) bool { return true }

var _ = describe("runnable", func() {
	r := &runnable{make(chan struct{})}
	go r.start()
	<-r.ch
})

// Not a leak: a receive from a channel nobody else ever sees blocks for
// ever on purpose (like select {}), in a server's run function.
func serveForever(start func()) {
	go start()
	<-make(chan struct{}) // ok: on purpose
}
