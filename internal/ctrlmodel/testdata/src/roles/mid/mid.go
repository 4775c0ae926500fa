// want package:"controllerfacts edge\\(roles/lib.Forward from Wire on leader\\) edge\\(roles/lib.Watcher.Setup from Setup\\)}$"
// Package mid calls the library from its own entries.
package mid

import (
	"context"

	"roles/lib"

	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

// role: unknown; symbolic: from Setup
func Setup(mgr ctrl.Manager) error {
	w := &lib.Watcher{}
	return w.Setup(mgr)
}

// role: unknown; symbolic: from Wire
func Wire(mgr ctrl.Manager, out chan<- string) error { // want Wire:"^summary param1\\(send\\(Forward,blocking,handler from Wire\\)\\)$"
	return lib.Forward(context.Background(), mgr, out)
}

// role: leader; symbolic: leader
func leaderOnly(ctx context.Context, mgr ctrl.Manager) error {
	return lib.Forward(ctx, mgr, make(chan string))
}

// role: unknown; symbolic: from AddLeader
func AddLeader(mgr ctrl.Manager) {
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		return leaderOnly(ctx, mgr)
	}))
}
