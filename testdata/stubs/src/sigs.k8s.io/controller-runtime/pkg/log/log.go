// Package log is a stub of sigs.k8s.io/controller-runtime/pkg/log for tests.
package log

import (
	"context"

	"github.com/go-logr/logr"
)

// SetLogger sets a concrete logging implementation for all deferred Loggers.
func SetLogger(l logr.Logger) {}

var (
	// Log is the base logger used by kubebuilder.
	Log = logr.New(nil)
)

// FromContext returns a logger with predefined values from a context.Context.
func FromContext(ctx context.Context, keysAndValues ...any) logr.Logger { return Log }

// IntoContext takes a context and sets the logger as one of its values.
func IntoContext(ctx context.Context, log logr.Logger) context.Context { return ctx }
