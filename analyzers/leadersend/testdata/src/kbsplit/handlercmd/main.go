// Command handlercmd registers a handler type of another package through
// a conversion to cache.ResourceEventHandler, in a setup function of its
// own, on every replica.
package main

import (
	"context"

	"kbsplit/handlers"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func setup(mgr ctrl.Manager, out chan string) error {
	inf, err := mgr.GetCache().GetInformer(context.Background(), &core_v1.Pod{})
	if err != nil {
		return err
	}
	h := &handlers.Forwarder{Out: out} // want `handlers.Forwarder.Out gets a channel whose only receiver, .*, runs only on the leader`
	_, err = inf.AddEventHandler(cache.ResourceEventHandler(h))
	return err
}

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	out := make(chan string)
	if err := setup(mgr, out); err != nil {
		panic(err)
	}
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		for o := range out {
			_ = o
		}
		return nil
	}))
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
