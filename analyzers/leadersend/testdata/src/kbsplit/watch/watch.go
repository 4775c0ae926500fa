// Package watch registers informer event handlers that forward to the
// channels its callers give it.
package watch

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
)

// Secrets sends the name of every secret added on out.
func Secrets(ctx context.Context, mgr ctrl.Manager, out chan<- string) error {
	inf, err := mgr.GetCache().GetInformer(ctx, &core_v1.Secret{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			out <- obj.(*core_v1.Secret).Name
		},
	})
	return err
}

// Polite never blocks.
func Polite(ctx context.Context, mgr ctrl.Manager, out chan<- string) error {
	inf, err := mgr.GetCache().GetInformer(ctx, &core_v1.Secret{})
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			select {
			case out <- "added":
			default:
			}
		},
	})
	return err
}

// Leak hands the channel on to code the model cannot see.
func Leak(out chan<- string) {
	go forward(out, make(chan string))
}

func forward(out chan<- string, in chan string) {
	var sink []chan<- string
	sink = append(sink, out)
	_ = sink
}
