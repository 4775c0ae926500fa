// Command handlerwork: the informer's handler does its work on every
// replica (it keeps a local index), so the informer is not early.
package main

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/leaderelection"
)

var seen = map[string]bool{}

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	factory := informers.NewSharedInformerFactory(client, time.Minute)
	inf := factory.Core().V1().Services() // ok
	_, _ = inf.Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			if k, err := cache.MetaNamespaceKeyFunc(obj); err == nil {
				seen[k] = true
			}
		},
	})
	lister := inf.Lister()
	factory.Start(make(chan struct{}))
	leaderelection.RunOrDie(context.Background(), leaderelection.LeaderElectionConfig{
		Callbacks: leaderelection.LeaderCallbacks{
			OnStartedLeading: func(ctx context.Context) { _, _ = lister.List(labels.Everything()) },
		},
	})
}
