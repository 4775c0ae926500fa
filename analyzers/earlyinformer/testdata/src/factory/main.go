// Command factory starts a client-go factory in main; the lister is used
// only in OnStartedLeading.
package main

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	listers "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/tools/leaderelection"
)

func run(ctx context.Context, pods listers.PodLister) {
	_, _ = pods.List(labels.Everything())
}

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	factory := informers.NewSharedInformerFactory(client, time.Minute)
	pods := factory.Core().V1().Pods().Lister() // want `informer for Pods is created in main and its factory is started in main, on every replica, but everything that consumes it \(List in run\) runs only on the leader: standby replicas hold its cache and watch for nothing`
	factory.Start(make(chan struct{}))
	leaderelection.RunOrDie(context.Background(), leaderelection.LeaderElectionConfig{
		Callbacks: leaderelection.LeaderCallbacks{
			OnStartedLeading: func(ctx context.Context) { run(ctx, pods) },
		},
	})
}
