package reviewed

import "sync"

// ---- G1: client-go's typed work queue: a generic type whose Cond is
// signalled in Add and broadcast in ShutDown.
type Queue[T comparable] interface {
	Push(T)
	Len() int
	Pop() T
}

type sliceQ[T comparable] []T

func (q *sliceQ[T]) Push(t T) { *q = append(*q, t) }
func (q *sliceQ[T]) Len() int { return len(*q) }
func (q *sliceQ[T]) Pop() T {
	t := (*q)[0]
	*q = (*q)[1:]
	return t
}

type Typed[T comparable] struct {
	cond         *sync.Cond
	queue        Queue[T]
	shuttingDown bool
}

func NewTyped[T comparable]() *Typed[T] {
	return &Typed[T]{cond: sync.NewCond(&sync.Mutex{}), queue: &sliceQ[T]{}}
}

func (q *Typed[T]) Add(t T) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	if q.shuttingDown {
		return
	}
	q.queue.Push(t)
	q.cond.Signal()
}

func (q *Typed[T]) Get() (t T, shutdown bool) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	for q.queue.Len() == 0 && !q.shuttingDown {
		q.cond.Wait()
	}
	if q.queue.Len() == 0 {
		return t, true
	}
	return q.queue.Pop(), false
}

func (q *Typed[T]) ShutDown() {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	q.shuttingDown = true
	q.cond.Broadcast()
}

// a worker per controller
func RunWorker(q *Typed[string], handle func(string)) {
	go func() {
		for {
			k, stop := q.Get()
			if stop {
				return
			}
			handle(k)
		}
	}()
}
