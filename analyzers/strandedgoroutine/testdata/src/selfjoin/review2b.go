package selfjoin

import "sync"

// R5: the loop's own parameter bounds its error count.
type r5conn struct {
	stop chan struct{}
	done chan struct{}
	once sync.Once
}

func newR5(maxErrs int) *r5conn {
	c := &r5conn{stop: make(chan struct{}), done: make(chan struct{})}
	go c.readLoop(maxErrs)
	return c
}

func (c *r5conn) readLoop(maxErrs int) {
	defer close(c.done)
	errs := 0
	for {
		if _, err := read(); err != nil {
			errs++
			if errs > maxErrs {
				c.Close()
				return
			}
		}
	}
}

func (c *r5conn) Close() {
	c.once.Do(func() { close(c.stop) })
	<-c.done // want `receive from r5conn.done blocks for ever when r5conn.readLoop reaches it \(through r5conn.Close\)`
}

// R6: a goroutine literal with a captured counter.
type r6pool struct {
	wg   sync.WaitGroup
	quit chan struct{}
	once sync.Once
}

func (p *r6pool) Start(retries int) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for i := 0; i < retries; i++ {
			if _, err := read(); err == nil {
				return
			}
		}
		p.Stop()
	}()
}

func (p *r6pool) Stop() {
	p.once.Do(func() { close(p.quit) })
	p.wg.Wait() // want `Wait on r6pool.wg blocks for ever when a function literal in r6pool.Start reaches it \(through r6pool.Stop\)`
}
