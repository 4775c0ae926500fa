// Package ha is the project's leader election: RunWhenLeader runs fn once
// this replica is elected (here a stand-in; in a real project it wraps
// client-go's leaderelection).
package ha

import "context"

func RunWhenLeader(ctx context.Context, name string, fn func(ctx context.Context)) {
	go fn(ctx)
}
