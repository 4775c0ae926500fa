// Command everywhere: the receiver is a runnable that opts out of leader
// election, so it runs on every replica: the send is fine.
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

type statusWriter struct{ ch chan *core_v1.Service }

func (w *statusWriter) NeedLeaderElection() bool { return false }

func (w *statusWriter) Start(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case s := <-w.ch:
			_ = s
		}
	}
}

type watcher struct{ out chan *core_v1.Service }

func (h *watcher) OnAdd(obj any, _ bool) { h.out <- obj.(*core_v1.Service) } // ok
func (h *watcher) OnUpdate(_, obj any)   { h.out <- obj.(*core_v1.Service) } // ok
func (h *watcher) OnDelete(any)          {}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	w := &statusWriter{ch: make(chan *core_v1.Service)}
	_ = mgr.Add(w)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Service{})
	var h cache.ResourceEventHandler = &watcher{out: w.ch}
	_, _ = inf.AddEventHandler(h)
	_ = mgr.Start(context.Background())
}
