// Package leader is a stub of github.com/operator-framework/operator-lib/leader
// (leader for life) for tests.
package leader

import "context"

// Option configures Become.
type Option func(*Config) error

// Config is Become's configuration.
type Config struct{}

// Become returns once this process holds the lock: it is then the leader
// for as long as it lives.
func Become(ctx context.Context, lockName string, opts ...Option) error { return nil }
