// Command twowirings wires the watcher (of another package) only from a
// leader-only runnable's Start: the handler runs where its receiver does.
package main

import (
	"context"

	"contour/k8s"

	core_v1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

type leaderWriter struct {
	cache cache.Cache
	ch    chan core_v1.LoadBalancerStatus
}

func (l *leaderWriter) NeedLeaderElection() bool { return true }

func (l *leaderWriter) Start(ctx context.Context) error {
	inf, err := l.cache.GetInformer(ctx, &core_v1.Service{})
	if err != nil {
		return err
	}
	_, _ = inf.AddEventHandler(&k8s.ServiceStatusLoadBalancerWatcher{LBStatus: l.ch}) // ok: registered on the leader
	for range l.ch {
	}
	return nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	_ = mgr.Add(&leaderWriter{cache: mgr.GetCache(), ch: make(chan core_v1.LoadBalancerStatus)})
	_ = mgr.Start(context.Background())
}
