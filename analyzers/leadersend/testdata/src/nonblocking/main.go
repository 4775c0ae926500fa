// Command nonblocking: the handler's sends cannot block (select with
// default, or with ctx.Done()).
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
)

type writer struct{ ch chan *core_v1.Service }

func (w *writer) Start(ctx context.Context) error {
	for s := range w.ch {
		_ = s
	}
	return nil
}

type watcher struct {
	ctx context.Context
	out chan *core_v1.Service
}

func (h *watcher) OnAdd(obj any, _ bool) { // ok: drops the update when nobody listens
	select {
	case h.out <- obj.(*core_v1.Service):
	default:
	}
}

func (h *watcher) OnUpdate(_, obj any) { // ok: gives up when the context ends
	select {
	case h.out <- obj.(*core_v1.Service):
	case <-h.ctx.Done():
	}
}

func (h *watcher) OnDelete(any) {}

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	w := &writer{ch: make(chan *core_v1.Service, 1)}
	_ = mgr.Add(w)
	inf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Service{})
	_, _ = inf.AddEventHandler(&watcher{ctx: ctx, out: w.ch})
	_ = mgr.Start(ctx)
}
