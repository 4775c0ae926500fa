// Command cmd wires the library's reconcilers to a leader-only consumer.
package main

import (
	"context"

	"ctrlopts/lib"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	events := make(chan string)
	elected := make(chan string)
	e := &lib.Every{
		Events: events, // want `lib.Every.Events gets a channel whose only receiver, .*, runs only on the leader, but Every.mapService sends on it \(lib.go:\d+:\d+\) from an informer event handler registered on every replica`
	}
	l := &lib.Elected{
		Events: elected, // ok: the library's controller is leader-elected
	}
	_ = e.SetupWithManager(mgr)
	_ = l.SetupWithManager(mgr)
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		for {
			select {
			case x := <-events:
				_ = x
			case y := <-elected:
				_ = y
			case <-ctx.Done():
				return nil
			}
		}
	}))
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
