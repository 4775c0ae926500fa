// Package mid is the middle of a chain of three packages: its exported
// Setup hands its caller's channel to watch.Secrets, so what runs there
// is still decided by its own caller.
package mid

import (
	"context"

	"kbsplit/watch"

	ctrl "sigs.k8s.io/controller-runtime"
)

// Setup wires the secret watch.
func Setup(mgr ctrl.Manager, out chan<- string) error {
	return watch.Secrets(context.Background(), mgr, out)
}

// SetupPolite wires the watch that never blocks.
func SetupPolite(mgr ctrl.Manager, out chan<- string) error {
	return watch.Polite(context.Background(), mgr, out)
}
