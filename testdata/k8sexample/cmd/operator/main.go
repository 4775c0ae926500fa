// Command operator wires the watcher on every replica while its only
// consumer is a leader-elected Runnable: leadersend reports the wiring.
package main

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"

	"example.com/operator/internal/watch"
)

type statusWriter struct {
	lbStatus chan corev1.LoadBalancerStatus
}

func (w *statusWriter) NeedLeaderElection() bool { return true }

func (w *statusWriter) Start(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case st := <-w.lbStatus:
			_ = st
		}
	}
}

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "operator"})
	if err != nil {
		panic(err)
	}
	w := &statusWriter{lbStatus: make(chan corev1.LoadBalancerStatus, 1)}
	if err := mgr.Add(w); err != nil {
		panic(err)
	}
	handler := &watch.StatusWatcher{ServiceName: "envoy", LBStatus: w.lbStatus}
	if err := register(mgr, &corev1.Service{}, handler); err != nil {
		panic(err)
	}
	if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {
		panic(err)
	}
}

func register(mgr ctrl.Manager, obj client.Object, h *watch.StatusWatcher) error {
	inf, err := mgr.GetCache().GetInformer(context.Background(), obj)
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(h)
	return err
}
