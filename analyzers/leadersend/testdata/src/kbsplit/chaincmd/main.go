// Command chaincmd calls mid.Setup, which calls watch.Secrets, on every
// replica, and consumes the channel only on the leader.
package main

import (
	"context"

	"kbsplit/mid"
	"kbsplit/watch"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}
	names := make(chan string)
	if err := mid.Setup(mgr, names); err != nil { // want `mid.Setup registers an informer event handler that sends on this channel \(watch.go:\d+:\d+\), on every replica, but its only receiver, .*, runs only on the leader`
		panic(err)
	}
	polite := make(chan string)
	if err := mid.SetupPolite(mgr, polite); err != nil { // ok: the handler's send cannot block
		panic(err)
	}
	direct := make(chan string)
	if err := watch.Secrets(context.Background(), mgr, direct); err != nil { // want `watch.Secrets registers an informer event handler that sends on this channel`
		panic(err)
	}
	leaked := make(chan string)
	watch.Leak(leaked) // ok: the library hands the channel on
	if err := watch.Secrets(context.Background(), mgr, leaked); err != nil {
		panic(err)
	}
	ignored := make(chan string)
	//ctrlvet:ignore leadersend -- the maintainers of main accept a blocked standby here
	if err := mid.Setup(mgr, ignored); err != nil {
		panic(err)
	}
	everywhere := make(chan string)
	if err := watch.Secrets(context.Background(), mgr, everywhere); err != nil { // ok: consumed on every replica
		panic(err)
	}
	go func() {
		for e := range everywhere {
			_ = e
		}
	}()
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		for {
			select {
			case n := <-names:
				_ = n
			case p := <-polite:
				_ = p
			case d := <-direct:
				_ = d
			case l := <-leaked:
				_ = l
			case i := <-ignored:
				_ = i
			case <-ctx.Done():
				return nil
			}
		}
	}))
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
