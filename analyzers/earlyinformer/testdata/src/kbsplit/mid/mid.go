// Package mid calls watch.Run from its own entry.
package mid

import (
	"context"

	"kbsplit/watch"

	ctrl "sigs.k8s.io/controller-runtime"
)

// Setup sets up the watches.
func Setup(ctx context.Context, mgr ctrl.Manager) error {
	return watch.Run(ctx, mgr)
}
