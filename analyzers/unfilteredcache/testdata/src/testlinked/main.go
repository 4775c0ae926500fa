// Command testlinked imports the helper that reads Secrets itself; its
// tests import it too.
package main

import (
	"context"

	ctrl "sigs.k8s.io/controller-runtime"

	"linkedhelp"
)

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{}) // want `the manager's cache holds every Secret it can see, in full, on every replica \(leader election is off\): a cached client Get of Secret in Token`
	_ = linkedhelp.Token(context.Background(), mgr.GetClient())
}
