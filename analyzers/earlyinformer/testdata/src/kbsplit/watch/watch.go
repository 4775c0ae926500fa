// Package watch gets an informer from the manager's cache and forwards
// its events to a leader-only runnable: where the informer is created is
// decided by Run's caller.
package watch

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

type writer struct{ ch chan *core_v1.Node }

func (w *writer) Start(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case n := <-w.ch:
			_ = n
		}
	}
}

// Run wires the node writer.
func Run(ctx context.Context, mgr ctrl.Manager) error {
	w := &writer{ch: make(chan *core_v1.Node, 16)}
	if err := mgr.Add(w); err != nil {
		return err
	}
	inf, err := mgr.GetCache().GetInformer(ctx, &core_v1.Node{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			select {
			case w.ch <- obj.(*core_v1.Node):
			case <-ctx.Done():
			}
		},
	})
	return err
}

// sharedWriter is a leader-only writer of its caller's channel (its own
// type: all objects of a type share their field's channel identity).
type sharedWriter struct{ ch chan *core_v1.Node }

func (w *sharedWriter) Start(ctx context.Context) error {
	for n := range w.ch {
		_ = n
	}
	return nil
}

// RunShared forwards node events on its caller's channel to a leader-only
// writer; the caller may receive from the channel too.
func RunShared(ctx context.Context, mgr ctrl.Manager, ch chan *core_v1.Node) error {
	if err := mgr.Add(&sharedWriter{ch: ch}); err != nil {
		return err
	}
	inf, err := mgr.GetCache().GetInformer(ctx, &core_v1.ConfigMap{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			select {
			case ch <- &core_v1.Node{}:
			case <-ctx.Done():
			}
		},
	})
	return err
}
