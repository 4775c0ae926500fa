// Package signals is a stub of sigs.k8s.io/controller-runtime/pkg/manager/signals for tests.
package signals

import "context"

// SetupSignalHandler registers for SIGTERM and SIGINT.
func SetupSignalHandler() context.Context { return context.Background() }
