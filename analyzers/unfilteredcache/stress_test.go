package unfilteredcache_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ctrlvet/ctrlvet/analyzers/unfilteredcache"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestManyInformers checks that the work stays bounded: thousands of
// informer factories in one function, in branches, half of them filtered,
// and one unfiltered Secrets informer.
func TestManyInformers(t *testing.T) {
	const n = 1500
	var b strings.Builder
	b.WriteString(`package manyinformers

import (
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	var x int
`)
	for i := range n {
		fmt.Fprintf(&b, "\tif x == %d {\n", i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "\t\tf%d := informers.NewSharedInformerFactoryWithOptions(client, time.Minute, informers.WithTweakListOptions(func(o *metav1.ListOptions) { o.LabelSelector = \"app=%d\" }))\n", i, i)
			fmt.Fprintf(&b, "\t\t_ = f%d.Core().V1().Secrets().Informer()\n", i)
		} else {
			fmt.Fprintf(&b, "\t\tf%d := informers.NewSharedInformerFactory(client, time.Minute)\n", i)
			fmt.Fprintf(&b, "\t\t_ = f%d.Core().V1().Pods().Informer()\n", i)
		}
		b.WriteString("\t}\n")
	}
	b.WriteString("\tall := informers.NewSharedInformerFactory(client, time.Minute)\n\t_ = all.Core().V1().Secrets().Informer()\n}\n")
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "manyinformers", b.String())
	ds := testutil.Timed(t, dir, unfilteredcache.Analyzer, "manyinformers", 8*time.Second)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "holds every Secret") {
		t.Errorf("%d findings, want one (the last, unfiltered Secrets informer)", len(ds))
	}
}

// TestManyCachedGets: a manager whose cached client reaches thousands of
// functions, each a Get of a Secret behind a branch, and thousands of
// goroutines and closures.
func TestManyCachedGets(t *testing.T) {
	const n = 1500
	var b strings.Builder
	b.WriteString(`package manygets

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

`)
	for i := range n {
		fmt.Fprintf(&b, "func get%d(ctx context.Context, c client.Client, x int) {\n\tif x == %d {\n\t\tvar s corev1.Secret\n\t\t_ = c.Get(ctx, client.ObjectKey{Name: \"s\"}, &s)\n\t}\n\tgo func() { _ = c.Get(ctx, client.ObjectKey{}, &corev1.ConfigMap{}) }()\n}\n\n", i, i)
	}
	b.WriteString("func main() {\n\tmgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: false})\n\tc := mgr.GetClient()\n")
	for i := range n {
		fmt.Fprintf(&b, "\tget%d(context.Background(), c, %d)\n", i, i)
	}
	b.WriteString("}\n")
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "manygets", b.String())
	ds := testutil.Timed(t, dir, unfilteredcache.Analyzer, "manygets", 8*time.Second)
	if len(ds) == 0 || len(ds) > 2 {
		t.Errorf("%d findings, want the manager's cache of Secrets (and of ConfigMaps)", len(ds))
	}
}
