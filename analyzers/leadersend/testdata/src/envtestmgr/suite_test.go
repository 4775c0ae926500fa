package main

import (
	ctrl "sigs.k8s.io/controller-runtime"
)

// testManager is what a Ginkgo BeforeSuite builds: a manager for the
// tests, without leader election.
var testManager = func() ctrl.Manager {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	return mgr
}()
