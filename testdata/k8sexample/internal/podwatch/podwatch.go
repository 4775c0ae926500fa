// Package podwatch is a kubebuilder-style library package: Setup
// registers an informer event handler that sends each pod's name on the
// channel its caller gives it. Where the handler runs is decided by the
// caller (cmd/kbsplit).
package podwatch

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	toolscache "k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

// Setup forwards the name of every pod added to names.
func Setup(ctx context.Context, mgr ctrl.Manager, names chan<- string) error {
	inf, err := mgr.GetCache().GetInformer(ctx, &corev1.Pod{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(toolscache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			if p, ok := obj.(*corev1.Pod); ok {
				names <- p.Name
			}
		},
	})
	return err
}
