// Command clientgo is a client-go controller with leaderelection: the
// handler runs on every replica, the consumer only in OnStartedLeading.
package main

import (
	"context"
	"time"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/leaderelection"
)

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	factory := informers.NewSharedInformerFactory(client, 10*time.Minute)
	pods := make(chan *core_v1.Pod)
	_, _ = factory.Core().V1().Pods().Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			if p, ok := obj.(*core_v1.Pod); ok {
				pods <- p // want `send in an event handler in main can block for ever: it runs in an informer event handler on every replica, but its only receiver, the OnStartedLeading callback in main, runs only on the leader`
			}
		},
	})
	stop := make(chan struct{})
	factory.Start(stop)
	leaderelection.RunOrDie(context.Background(), leaderelection.LeaderElectionConfig{
		Callbacks: leaderelection.LeaderCallbacks{
			OnStartedLeading: func(ctx context.Context) {
				for p := range pods {
					_ = p
				}
			},
			OnStoppedLeading: func() {},
		},
	})
}
