// Command cmd is the kubebuilder layout's main: it wires the library
// reconciler's channel and consumes it in a leader-only runnable.
package main

import (
	"context"

	"kbsplit/controller"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	events := make(chan string)
	quiet := make(chan string)
	r := &controller.PodReconciler{
		Client: mgr.GetClient(),
		Events: events, // want `controller.PodReconciler.Events gets a channel whose only receiver, .*, runs only on the leader, but PodReconciler.SetupWithManager sends on it \(controller.go:\d+:\d+\) from an informer event handler registered on every replica`
		Quiet:  quiet,  // ok: the library marks its send as intended
	}
	if err := r.SetupWithManager(mgr); err != nil {
		panic(err)
	}
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		for {
			select {
			case e := <-events:
				_ = e
			case q := <-quiet:
				_ = q
			case <-ctx.Done():
				return nil
			}
		}
	}))
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
