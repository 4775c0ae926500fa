// Command cmd runs the library's entries through mid on every replica.
package main

import (
	"context"

	"roles/lib"
	"roles/mid"

	ctrl "sigs.k8s.io/controller-runtime"
)

// role: every; symbolic: every
func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	_ = mid.Setup(mgr)
	mid.AddLeader(mgr)
	_ = lib.Run(context.Background(), mgr)
}

// role: unknown; symbolic: unknown
func unused() {}
