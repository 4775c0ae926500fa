// Command crmixed: the same informer also feeds code that runs on every
// replica (a cached read in a runnable that opts out of leader election).
package main

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

type writer struct{ ch chan *core_v1.Node }

func (w *writer) Start(ctx context.Context) error {
	for n := range w.ch {
		_ = n
	}
	return nil
}

type server struct{ c client.Client }

func (s *server) NeedLeaderElection() bool { return false }

func (s *server) Start(ctx context.Context) error {
	var n core_v1.Node
	return s.c.Get(ctx, client.ObjectKey{Name: "x"}, &n)
}

func main() {
	ctx := context.Background()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	w := &writer{ch: make(chan *core_v1.Node, 16)}
	_ = mgr.Add(w)
	_ = mgr.Add(&server{c: mgr.GetClient()})
	inf, _ := mgr.GetCache().GetInformer(ctx, &core_v1.Node{}) // ok
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			select {
			case w.ch <- obj.(*core_v1.Node):
			default:
			}
		},
	})
	_ = mgr.Start(ctx)
}
