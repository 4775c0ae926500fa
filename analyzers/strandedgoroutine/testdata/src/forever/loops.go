package forever

import (
	"context"

	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/tools/cache"
)

// Loops fed per event whose starts something other than the event
// decides: once per object, or once in all.

// RA keeps what it runs in a local map of its loop.
type RA struct {
	add chan string
	p   Poller
}

func (a *RA) Start(ctx context.Context) error { // no fact: what it receives decides
	running := map[string]bool{}
	for {
		select {
		case name := <-a.add:
			if running[name] {
				continue
			}
			running[name] = true
			go a.p.poll(ctx, name) // ok: once per name
		case <-ctx.Done():
			return nil
		}
	}
}

func (a *RA) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) { a.add <- "x" }})
}

// RF starts one goroutine, behind a local flag.
type RF struct {
	events chan string
	p      Poller
}

func (a *RF) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	started := false
	for ev := range a.events {
		if !started {
			started = true
			go a.p.poll(ctx, ev) // ok: once
		}
	}
	return nil
}

func (a *RF) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) { a.events <- "x" }})
}

// RL starts in the case of a channel sent on once, beside one fed per
// event.
type RL struct {
	events chan string
	leader chan struct{}
	last   string
	p      Poller
}

func (a *RL) Start(ctx context.Context) error { // no fact: which case fires decides
	for {
		select {
		case ev := <-a.events:
			a.last = ev
		case <-a.leader:
			go a.p.poll(ctx, "leader") // ok: a.leader is not fed per event
		case <-ctx.Done():
			return nil
		}
	}
}

func (a *RL) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) { a.events <- "x" }})
}

// RS: the sender sends each key once.
type RS struct {
	events chan string
	known  map[string]bool
	p      Poller
}

func (a *RS) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	for ev := range a.events {
		go a.p.poll(ctx, ev) // ok: each key is sent once
	}
	return nil
}

func (a *RS) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) {
		k := "x"
		if a.known[k] {
			return
		}
		a.known[k] = true
		a.events <- k
	}})
}

// RD has two pipes of the same type: only live is fed per event.
type pipe struct{ ch chan string }

type RD struct {
	live, boot pipe
	p          Poller
}

func (a *RD) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	for n := range a.boot.ch {
		go a.p.poll(ctx, n) // ok: boot is fed from a list
	}
	return nil
}

func (a *RD) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) { a.live.ch <- "x" }})
}

// RE starts per event of one type only: still per event.
type RE struct {
	events chan watch.Event
	p      Poller
}

func (a *RE) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	for ev := range a.events {
		if ev.Type == watch.Added {
			go a.p.poll(ctx, "added") // want `goroutine started per event never returns`
		}
	}
	return nil
}

func (a *RE) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) { a.events <- watch.Event{Type: watch.Added} }})
}

// reWatch dedupes a watch's events in a local map.
func reWatch(w watch.Interface) {
	started := map[string]bool{}
	for ev := range w.ResultChan() {
		name := string(ev.Type)
		if started[name] {
			continue
		}
		started[name] = true
		go (&Poller{}).poll(context.Background(), name) // ok: once per name
	}
}

// stopWatch stops its watch after the start.
func stopWatch(w watch.Interface) {
	for ev := range w.ResultChan() {
		if ev.Type == watch.Added {
			go (&Poller{}).poll(context.Background(), "added") // ok: the watch is stopped, the loop ends
			w.Stop()
		}
	}
}

// gatherEvents ranges over a channel of events it makes, fills from a
// list and closes: a fan-in, not a watch.
func gatherEvents(evs []watch.Event) {
	ch := make(chan watch.Event)
	go func() {
		for _, ev := range evs {
			ch <- ev
		}
		close(ch)
	}()
	for ev := range ch {
		_ = ev
		go (&Poller{}).poll(context.Background(), "x") // ok: as many as the list holds
	}
}

// zLeader starts in the case of a channel beside a watch's.
func zLeader(w watch.Interface, leader chan bool) {
	var last watch.Event
	for {
		select {
		case ev := <-w.ResultChan():
			last = ev
		case <-leader:
			go (&Poller{}).poll(context.Background(), "leader") // ok: not per event
		}
		_ = last
	}
}

// ZJobs marks each job it starts on the job itself.
type zjob struct {
	name    string
	started bool
}

type ZJobs struct {
	jobs   chan *zjob
	byName map[string]*zjob
	p      Poller
}

func (a *ZJobs) Start(ctx context.Context) error { // no fact: the job's flag decides
	for j := range a.jobs {
		if j.started {
			continue
		}
		j.started = true
		go a.p.poll(ctx, j.name) // ok: once per job
	}
	return nil
}

func (a *ZJobs) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) { a.jobs <- a.byName["x"] }})
}

type zflags struct{ started bool }

// zFlagged keeps a local struct flag across the loop.
func zFlagged(w watch.Interface) {
	st := zflags{}
	for ev := range w.ResultChan() {
		if ev.Type == watch.Added && !st.started {
			st.started = true
			go (&Poller{}).poll(context.Background(), "x") // ok: once
		}
	}
}

// zSibling dedupes in the outer loop before an inner wait loop.
func zSibling(w watch.Interface, ready chan struct{}) {
	running := map[string]bool{}
	for ev := range w.ResultChan() {
		name := string(ev.Type)
		if running[name] {
			continue
		}
		running[name] = true
	L:
		for {
			select {
			case <-ready:
				break L
			default:
			}
		}
		go (&Poller{}).poll(context.Background(), name) // ok: once per name
	}
}

// zqueue is a queue type two fields of ZQ hold: only live is fed per
// event, only boot is drained.
type zqueue struct{ ch chan string }

func (q *zqueue) push(s string) { q.ch <- s }

func (q *zqueue) drain(ctx context.Context, p *Poller) {
	for s := range q.ch {
		go p.poll(ctx, s) // ok: boot is not fed per event
	}
}

type ZQ struct {
	live, boot zqueue
	p          Poller
}

func (a *ZQ) Start(ctx context.Context) error { // want Start:"forever\\(param 0\\)"
	a.boot.drain(ctx, &a.p)
	return nil
}

func (a *ZQ) register(inf cache.SharedIndexInformer) {
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) { a.live.push("x") }})
}
