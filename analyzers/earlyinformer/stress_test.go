package earlyinformer_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ctrlvet/ctrlvet/analyzers/earlyinformer"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestObjectTypesFanout: the object passed to GetInformer comes through
// seven levels of helpers, each calling the next many times. Resolving
// it once followed every call site again at every level (12 calls per
// level took 31 s).
func TestObjectTypesFanout(t *testing.T) {
	const k, d = 12, 7
	var b strings.Builder
	b.WriteString(`package fanout

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

var mgr ctrl.Manager

func l0(o client.Object) { _, _ = mgr.GetCache().GetInformer(context.Background(), o) }
`)
	for lvl := 1; lvl <= d; lvl++ {
		fmt.Fprintf(&b, "func l%d(o client.Object) {\n", lvl)
		for range k {
			fmt.Fprintf(&b, "\tl%d(o)\n", lvl-1)
		}
		b.WriteString("}\n")
	}
	fmt.Fprintf(&b, "func main() {\n\tmgr, _ = ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})\n\tl%d(&corev1.Pod{})\n}\n", d)
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "fanout", b.String())
	testutil.Timed(t, dir, earlyinformer.Analyzer, "fanout", 10*time.Second)
}

// TestManyRegistrations: one handler, registered many times, adds to the
// queue many times. Every Add rescanned the package for the queue's Get
// calls, for every registration (800 of each took 8 s, 1600 took 52 s).
func TestManyRegistrations(t *testing.T) {
	const n = 1500
	var b strings.Builder
	b.WriteString(`package main

import (
	"context"
	"time"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/leaderelection"
	"k8s.io/client-go/util/workqueue"
)

type controller struct {
	queue workqueue.TypedRateLimitingInterface[string]
}

func (c *controller) enqueue(obj any) {
`)
	for i := range n {
		fmt.Fprintf(&b, "\tc.queue.Add(\"k%d\")\n", i)
	}
	b.WriteString(`}

func (c *controller) run(ctx context.Context) {
	for {
		key, shutdown := c.queue.Get()
		if shutdown {
			return
		}
		c.queue.Done(key)
	}
}

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	factory := informers.NewSharedInformerFactory(client, time.Minute)
	c := &controller{queue: workqueue.NewTypedRateLimitingQueue(workqueue.DefaultTypedControllerRateLimiter[string]())}
	h := cache.ResourceEventHandlerFuncs{AddFunc: c.enqueue}
`)
	for range n {
		b.WriteString("\t_, _ = factory.Core().V1().ConfigMaps().Informer().AddEventHandler(h)\n")
	}
	b.WriteString(`	factory.Start(make(chan struct{}))
	leaderelection.RunOrDie(context.Background(), leaderelection.LeaderElectionConfig{
		Callbacks: leaderelection.LeaderCallbacks{OnStartedLeading: c.run},
	})
}
`)
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "manyregs", b.String())
	ds := testutil.Timed(t, dir, earlyinformer.Analyzer, "manyregs", 10*time.Second)
	if len(ds) == 0 {
		t.Error("no finding: the informer's only consumer (the queue's Get) runs on the leader")
	}
}
