// Package ha stands for a project's leader-election helper: it runs fn
// once this replica is elected (in reality through client-go's
// leaderelection, in a package ctrlvet does not see into).
package ha

import "context"

func RunWhenLeader(ctx context.Context, name string, fn func(ctx context.Context)) {}

// RunAll runs every fn once this replica is elected.
func RunAll(ctx context.Context, fns ...func(ctx context.Context)) {}

// WaitUntilLeader returns once this replica is elected.
func WaitUntilLeader(ctx context.Context) {}
