// Package ctrlhelp configures its importers' controller builders.
package ctrlhelp

import (
	"k8s.io/utils/ptr"
	"sigs.k8s.io/controller-runtime/pkg/builder"
	"sigs.k8s.io/controller-runtime/pkg/controller"
)

// Everywhere runs the controller on every replica.
func Everywhere(b *builder.Builder) *builder.Builder {
	return b.WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)})
}

// Tune may set anything on the builder it is handed.
func Tune(b *builder.Builder) {
	b.WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)})
}
