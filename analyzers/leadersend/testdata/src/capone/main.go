// Command capone sends twice, from every replica, on a channel with a
// buffer of one whose only receiver runs on the leader: the second send
// blocks for ever on standbys.
package main

import (
	"context"

	ctrl "sigs.k8s.io/controller-runtime"
)

type announcer struct{ addrs chan string }

func (a *announcer) NeedLeaderElection() bool { return true }

func (a *announcer) Start(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case addr := <-a.addrs:
			_ = addr
		}
	}
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	a := &announcer{addrs: make(chan string, 1)}
	_ = mgr.Add(a)
	a.addrs <- "10.0.0.1"
	a.addrs <- "10.0.0.2" // want `send in main blocks for ever on standby replicas: it runs on every replica, but the channel's only receiver, announcer.Start, runs only on the leader, and 2 sends run one after another there against a buffer of 1`
	_ = mgr.Start(context.Background())
}
