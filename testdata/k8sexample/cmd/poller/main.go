// Command poller starts a client-go informer factory in main, before
// leader election, though only the leader reads its lister: earlyinformer
// reports it.
package main

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	listers "k8s.io/client-go/listers/core/v1"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/leaderelection"
	"k8s.io/client-go/tools/leaderelection/resourcelock"
)

func reconcileAll(pods listers.PodLister) {
	_, _ = pods.List(labels.Everything())
}

func main() {
	cfg, err := rest.InClusterConfig()
	if err != nil {
		panic(err)
	}
	client := kubernetes.NewForConfigOrDie(cfg)
	factory := informers.NewSharedInformerFactory(client, 10*time.Minute)
	pods := factory.Core().V1().Pods().Lister()
	factory.Start(make(chan struct{}))
	lock := &resourcelock.LeaseLock{Client: client.CoordinationV1()}
	leaderelection.RunOrDie(context.Background(), leaderelection.LeaderElectionConfig{
		Lock:          lock,
		LeaseDuration: 15 * time.Second,
		RenewDeadline: 10 * time.Second,
		RetryPeriod:   2 * time.Second,
		Callbacks: leaderelection.LeaderCallbacks{
			OnStartedLeading: func(ctx context.Context) {
				for {
					reconcileAll(pods)
					time.Sleep(time.Minute)
				}
			},
			OnStoppedLeading: func() {},
		},
	})
}
