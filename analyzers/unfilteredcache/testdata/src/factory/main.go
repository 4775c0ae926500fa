// Command factory makes client-go Secrets and ConfigMaps informers.
package main

import (
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	all := informers.NewSharedInformerFactory(client, time.Minute)
	_ = all.Core().V1().Secrets().Informer() // want `this informer holds every Secret it can see, in full; set a label or field selector with informers.WithTweakListOptions`

	mine := informers.NewSharedInformerFactoryWithOptions(client, time.Minute,
		informers.WithTweakListOptions(func(o *metav1.ListOptions) { o.LabelSelector = "app=mine" }))
	_ = mine.Core().V1().Secrets().Informer()    // ok
	_ = mine.Core().V1().ConfigMaps().Informer() // ok

	ns := informers.NewSharedInformerFactoryWithOptions(client, time.Minute, informers.WithNamespace("apps"))
	_ = ns.Core().V1().ConfigMaps().Lister() // want `this informer holds every ConfigMap it can see, in full; it is scoped to a namespace, but Helm keeps its release Secrets in the application namespaces`
}

// WithTweakListOptions is the project's own option of that name, with no
// argument: it once crashed the analyzer (index out of range).
func WithTweakListOptions() informers.SharedInformerOption { return informers.WithNamespace("x") }

func projectOption() {
	client := kubernetes.NewForConfigOrDie(nil)
	f := informers.NewSharedInformerFactoryWithOptions(client, time.Minute, WithTweakListOptions())
	_ = f.Core().V1().Secrets().Informer() // ok: an option we cannot read
}
