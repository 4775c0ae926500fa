// Command leaderforlife starts an informer factory before operator-lib's
// leader.Become, and consumes it only after: standbys, waiting in Become,
// hold its cache for nothing.
package main

import (
	"context"
	"time"

	"github.com/operator-framework/operator-lib/leader"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func main() {
	ctx := context.Background()
	client := kubernetes.NewForConfigOrDie(nil)
	factory := informers.NewSharedInformerFactory(client, 10*time.Minute)
	pods := factory.Core().V1().Pods() // want `^informer for Pods is created in main and its factory is started in main, on every replica, but everything that consumes it \(List in the code after leader.Become in main\) runs only on the leader`
	lister := pods.Lister()
	factory.Start(ctx.Done())

	if err := leader.Become(ctx, "lock"); err != nil {
		panic(err)
	}
	_, _ = lister.List(labels.Everything())

	// After Become, a factory made and consumed there is not early.
	late := informers.NewSharedInformerFactory(client, 10*time.Minute)
	nodes := late.Core().V1().Nodes() // ok: created on the leader only
	nl := nodes.Lister()
	late.Start(ctx.Done())
	_, _ = nl.List(labels.Everything())
}
