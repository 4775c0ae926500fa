package selfjoin

import "sync"

// W1: Stop waits from a new goroutine, and gives up after a while.
type w1pool struct {
	wg       sync.WaitGroup
	quit     chan struct{}
	finished chan struct{}
	once     sync.Once
}

func (p *w1pool) Start() {
	p.wg.Add(1)
	go p.work()
}

func (p *w1pool) work() {
	defer p.wg.Done()
	if _, err := read(); err != nil {
		p.Stop()
	}
}

func (p *w1pool) Stop() {
	p.once.Do(func() {
		close(p.quit)
		go func() {
			p.wg.Wait() // ok: W1 in a goroutine of its own
			close(p.finished)
		}()
	})
}

// W5: the worker asks a supervisor goroutine to stop the pool.
type w5pool struct {
	wg     sync.WaitGroup
	quit   chan struct{}
	stopRq chan struct{}
	once   sync.Once
}

func (p *w5pool) Start() {
	p.stopRq = make(chan struct{}, 1)
	p.wg.Add(1)
	go p.work()
	go p.supervise()
}

func (p *w5pool) work() {
	defer p.wg.Done()
	if _, err := read(); err != nil {
		p.requestStop()
	}
}

func (p *w5pool) requestStop() {
	select {
	case p.stopRq <- struct{}{}:
	default:
	}
}

func (p *w5pool) supervise() {
	<-p.stopRq
	p.Stop()
}

func (p *w5pool) Stop() {
	p.once.Do(func() { close(p.quit) })
	p.wg.Wait() // ok: W5 the supervisor waits, not the worker
}

// W6: per-item goroutines counted in the pool; an item that fails
// cancels the pool and returns; Wait is in Run, which starts them.
type w6pool struct {
	wg     sync.WaitGroup
	cancel func()
}

func (p *w6pool) Run(items []string) {
	for _, it := range items {
		p.wg.Add(1)
		go p.process(it)
	}
	p.wg.Wait() // ok: W6 Run is not a worker
}

func (p *w6pool) process(it string) {
	defer p.wg.Done()
	if _, err := read(); err != nil {
		p.cancel()
	}
	_ = it
}
