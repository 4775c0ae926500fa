// Package mgrsetup builds the manager's options for main: what it sets
// for controllers is not seen where main uses them.
package mgrsetup

import (
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/config"
)

// Options returns the manager's options.
func Options() ctrl.Options {
	return ctrl.Options{LeaderElection: true, Controller: config.Controller{NeedLeaderElection: ptr.To(false)}}
}
