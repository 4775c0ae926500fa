// Package manager is Kong's internal/manager in miniature: it builds the
// options (no ByObject for Secrets) and sets up the controllers.
package manager

import (
	"time"

	"kong/controllers"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

type Config struct {
	SyncPeriod      time.Duration
	WatchNamespaces []string
	DBLess          bool
}

func setupManagerOptions(c *Config) ctrl.Options {
	managerOpts := ctrl.Options{ // want `the manager's cache holds every Secret it can see, in full, on the leader, and on every replica when leader election is off: Watches of Secret in CoreV1SecretReconciler.SetupWithManager \(secret_controller.go:30\); its predicate filters events, not what the informer stores; DefaultNamespaces scopes it to namespaces, but Helm keeps its release Secrets in the application namespaces, so that is not enough; limit it with cache.Options.ByObject`
		LeaderElection: !c.DBLess,
		Cache: cache.Options{
			SyncPeriod: &c.SyncPeriod,
		},
	}
	if len(c.WatchNamespaces) > 0 {
		watched := make(map[string]cache.Config)
		for _, n := range c.WatchNamespaces {
			watched[n] = cache.Config{}
		}
		managerOpts.Cache.DefaultNamespaces = watched
	}
	return managerOpts
}

func Run(c *Config) error {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), setupManagerOptions(c))
	if err != nil {
		return err
	}
	return (&controllers.CoreV1SecretReconciler{Client: mgr.GetClient()}).SetupWithManager(mgr)
}
