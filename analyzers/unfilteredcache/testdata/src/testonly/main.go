// Command testonly builds a manager with no cache options; only its tests
// import the set-up package that reads Secrets, which is not linked into
// the command.
package main

import (
	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{}) // ok: only the tests read Secrets
	_ = mgr
}
