package reviewed

import "context"

type result struct{ name string }

func fetch(string) result { return result{} }

// ---- C1: a result channel with room for every send.
func ScanBuffered(ctx context.Context, names []string) int {
	out := make(chan result, len(names))
	go func() {
		for _, n := range names {
			if ctx.Err() != nil {
				return
			}
			out <- fetch(n)
		}
		close(out)
	}()
	n := 0
	for {
		select {
		case _, ok := <-out:
			if !ok {
				return n
			}
			n++
		case <-ctx.Done():
			return n
		}
	}
}

// ---- C2: the channel is handed out through an exported accessor; an
// importer drains it.
type Pool struct {
	results chan result
}

func NewPool() *Pool { return &Pool{results: make(chan result)} }

func (p *Pool) Results() <-chan result { return p.results }

func (p *Pool) work(ctx context.Context, names []string) {
	for _, n := range names {
		select {
		case <-ctx.Done():
			return
		default:
		}
		p.results <- fetch(n)
	}
}

func (p *Pool) collect(ctx context.Context) []result {
	var out []result
	for {
		select {
		case r := <-p.results:
			out = append(out, r)
		case <-ctx.Done():
			return out
		}
	}
}

func (p *Pool) Run(ctx context.Context, names []string) []result {
	go p.work(ctx, names)
	return p.collect(ctx)
}

// ---- C3: the consumer drains in a goroutine once it stops.
type pool3 struct {
	results chan result
}

func newPool3() *pool3 { return &pool3{results: make(chan result)} }

func (p *pool3) work(ctx context.Context, names []string) {
	for _, n := range names {
		select {
		case <-ctx.Done():
			return
		default:
		}
		p.results <- fetch(n)
	}
}

func (p *pool3) drain() {
	for range p.results {
	}
}

func (p *pool3) collect(ctx context.Context) []result {
	var out []result
	for {
		select {
		case r := <-p.results:
			out = append(out, r)
		case <-ctx.Done():
			go p.drain()
			return out
		}
	}
}

func (p *pool3) Run(ctx context.Context, names []string) []result {
	go p.work(ctx, names)
	return p.collect(ctx)
}
