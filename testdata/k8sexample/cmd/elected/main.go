// Command elected consumes node events only once it is elected
// (<-mgr.Elected()), but its informer handler sends them on every
// replica: leadersend reports the send, and earlyinformer the informer
// that every replica holds for it. The producer after a second wait for
// the election is fine.
package main

import (
	corev1 "k8s.io/api/core/v1"
	toolscache "k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	ctx := ctrl.SetupSignalHandler()
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "elected"})
	if err != nil {
		panic(err)
	}
	nodes := make(chan string)
	inf, err := mgr.GetCache().GetInformer(ctx, &corev1.Node{})
	if err != nil {
		panic(err)
	}
	if _, err := inf.AddEventHandler(toolscache.ResourceEventHandlerFuncs{
		UpdateFunc: func(_, obj any) {
			if n, ok := obj.(*corev1.Node); ok {
				nodes <- n.Name
			}
		},
	}); err != nil {
		panic(err)
	}
	go func() {
		<-mgr.Elected()
		for n := range nodes {
			_ = n
		}
	}()

	ticks := make(chan int)
	go func() {
		<-mgr.Elected()
		for n := range ticks {
			_ = n
		}
	}()
	go func() {
		<-mgr.Elected()
		for i := range 3 {
			ticks <- i // waits for the election too: fine
		}
	}()
	if err := mgr.Start(ctx); err != nil {
		panic(err)
	}
}
