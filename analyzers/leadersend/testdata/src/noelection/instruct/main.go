// Command instruct keeps its manager options in a struct of its own and
// turns leader election off there: no standbys.
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

type config struct {
	Manager ctrl.Options
}

func main() {
	cfg := &config{}
	cfg.Manager.LeaderElection = false
	cfg.Manager.HealthProbeBindAddress = ":8081"
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), cfg.Manager)
	w := &writer{ch: make(chan *core_v1.Service)}
	_ = mgr.Add(w)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Service{})
	_, _ = inf.AddEventHandler(&watcher{out: w.ch})
	_ = mgr.Start(context.Background())
}
