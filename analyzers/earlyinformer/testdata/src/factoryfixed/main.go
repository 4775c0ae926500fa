// Command factoryfixed creates and starts the factory in OnStartedLeading.
package main

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/leaderelection"
)

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	leaderelection.RunOrDie(context.Background(), leaderelection.LeaderElectionConfig{
		Callbacks: leaderelection.LeaderCallbacks{
			OnStartedLeading: func(ctx context.Context) { // ok
				factory := informers.NewSharedInformerFactory(client, time.Minute)
				pods := factory.Core().V1().Pods().Lister()
				factory.Start(ctx.Done())
				_, _ = pods.List(labels.Everything())
			},
		},
	})
}
