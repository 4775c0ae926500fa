// Command chaincmd calls mid.Setup, which calls watch.Run, from a
// function that starts the manager: on every replica.
package main

import (
	"context"

	"kbsplit/mid"

	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	if err := run(context.Background()); err != nil {
		panic(err)
	}
}

func run(ctx context.Context) error {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	if err := mid.Setup(ctx, mgr); err != nil { // want `mid.Setup creates an informer for Node \(in Run\) here, on every replica`
		return err
	}
	return mgr.Start(ctx)
}
