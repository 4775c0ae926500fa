// Command leaderforlife elects its leader with operator-lib's leader for
// life: standbys wait in leader.Become, so what comes after it runs on the
// leader only. Its informers come from a client-go factory started before
// Become, so their handlers run on every replica.
package main

import (
	"context"
	"time"

	"github.com/operator-framework/operator-lib/leader"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
)

func main() {
	ctx := context.Background()
	client := kubernetes.NewForConfigOrDie(nil)
	factory := informers.NewSharedInformerFactory(client, 10*time.Minute)
	events := make(chan string)
	_, _ = factory.Core().V1().Pods().Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			events <- "added" // want `^send in an event handler in main can block for ever: it runs in an informer event handler on every replica, but its only receiver, the code after leader.Become in main, runs only on the leader`
		},
	})
	factory.Start(ctx.Done())

	if err := leader.Become(ctx, "leaderforlife-lock"); err != nil {
		panic(err)
	}
	for e := range events {
		_ = e
	}
}
