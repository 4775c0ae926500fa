// Command recvcmdforeign builds its manager from options another package
// makes: its controllers' leader election is not known here.
package main

import (
	"kbsplit/mgrsetup"
	"kbsplit/recvlib"

	ctrl "sigs.k8s.io/controller-runtime"
)

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), mgrsetup.Options())
	if err != nil {
		panic(err)
	}
	if err := recvlib.New().SetupWithManager(mgr); err != nil { // ok: mgrsetup may run controllers on every replica (it does)
		panic(err)
	}
	_ = mgr.Start(ctrl.SetupSignalHandler())
}
