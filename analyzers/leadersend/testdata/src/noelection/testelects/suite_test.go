package main

import (
	ctrl "sigs.k8s.io/controller-runtime"
)

// a helper of the suite (called from BeforeSuite) that turns election on
func newTestManager() ctrl.Manager {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "t"})
	return mgr
}
