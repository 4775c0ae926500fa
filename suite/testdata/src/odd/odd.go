// Package odd is unusual code every analyzer must survive without a
// report or a panic: generics over pointers to structs, channels of type
// parameters, method values, labelled loops, selects, goroutines, defers.
package odd

import (
	"context"
	"io"
	"sync"
)

type node[T any] struct {
	val  T
	next *node[T]
	ch   chan T
}

func push[T any, P interface{ *node[T] }](p P, v T) {
	n := (*node[T])(p)
	n.val = v
	select {
	case n.ch <- v:
	default:
	}
}

func fanIn[T any](ctx context.Context, ins ...<-chan T) <-chan T {
	out := make(chan T)
	var wg sync.WaitGroup
	for _, in := range ins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range in {
				select {
				case out <- v:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

type closer struct{ w *io.PipeWriter }

func (c *closer) Close() error { return c.w.Close() }

func pipe() io.ReadCloser {
	r, w := io.Pipe()
	c := &closer{w: w}
	go func() {
		defer c.Close()
		_, _ = w.Write([]byte("x"))
	}()
	return r
}

func labelled(xs [][]int) int {
	n := 0
outer:
	for _, row := range xs {
		for _, x := range row {
			if x < 0 {
				continue outer
			}
			if x > 100 {
				break outer
			}
			n += x
		}
	}
	return n
}

var _ = push[int, *node[int]]
var _ = fanIn[string]
