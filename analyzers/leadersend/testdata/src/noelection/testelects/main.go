// Command testelects builds its manager without leader election; a helper
// of its test suite builds one with it. The test says nothing of the
// binary: no standbys.
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

type watcher struct{ out chan *core_v1.Service }

func (h *watcher) OnAdd(obj any, _ bool) { h.out <- obj.(*core_v1.Service) } // ok
func (h *watcher) OnUpdate(_, obj any)   {}
func (h *watcher) OnDelete(any)          {}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{Scheme: nil})
	w := &writer{ch: make(chan *core_v1.Service)}
	_ = mgr.Add(w)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Service{})
	_, _ = inf.AddEventHandler(&watcher{out: w.ch})
	_ = mgr.Start(context.Background())
}
