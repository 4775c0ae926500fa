// Command factory makes client-go Secrets and ConfigMaps informers.
package main

import (
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	corev1inf "k8s.io/client-go/informers/core/v1"
	"k8s.io/client-go/informers/internalinterfaces"
	"k8s.io/client-go/kubernetes"
)

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	all := informers.NewSharedInformerFactory(client, time.Minute)
	_ = all.Core().V1().Secrets().Informer() // want `this informer holds every Secret in the cluster, in full; set a label or field selector with informers.WithTweakListOptions \(or NewFilteredSecretInformer\), or scope it to a namespace`

	mine := informers.NewSharedInformerFactoryWithOptions(client, time.Minute,
		informers.WithTweakListOptions(func(o *metav1.ListOptions) { o.LabelSelector = "app=mine" }))
	_ = mine.Core().V1().Secrets().Informer()    // ok
	_ = mine.Core().V1().ConfigMaps().Informer() // ok

	ns := informers.NewSharedInformerFactoryWithOptions(client, time.Minute, informers.WithNamespace("apps"))
	_ = ns.Core().V1().ConfigMaps().Lister() // ok: scoped to one namespace on purpose

	// KEDA's shape (cmd/operator/main.go): Secrets of the operator's own
	// namespace only, its fix for caching every Secret (kedacore/keda#3668)
	own := informers.NewSharedInformerFactoryWithOptions(client, time.Hour, informers.WithNamespace(ownNamespace()))
	_ = own.Core().V1().Secrets().Lister() // ok
}

// WithTweakListOptions is the project's own option of that name, with no
// argument: it once crashed the analyzer (index out of range).
func WithTweakListOptions() informers.SharedInformerOption { return informers.WithNamespace("x") }

func projectOption() {
	client := kubernetes.NewForConfigOrDie(nil)
	f := informers.NewSharedInformerFactoryWithOptions(client, time.Minute, WithTweakListOptions())
	_ = f.Core().V1().Secrets().Informer() // ok: an option we cannot read
}

func ownNamespace() string { return "keda" }

// informerFuncs are core/v1's informer functions, of each generation.
func informerFuncs(client kubernetes.Interface, ns string) {
	_ = corev1inf.NewSecretInformer(client, "", time.Minute, nil)                                                              // want `this informer holds every Secret in the cluster`
	_ = corev1inf.NewConfigMapInformer(client, metav1.NamespaceAll, time.Minute, nil)                                          // want `this informer holds every ConfigMap in the cluster`
	_ = corev1inf.NewSecretInformer(client, ns, time.Minute, nil)                                                              // ok: one namespace
	_ = corev1inf.NewFilteredSecretInformer(client, "", time.Minute, nil, nil)                                                 // want `this informer holds every Secret in the cluster`
	_ = corev1inf.NewFilteredSecretInformer(client, "", time.Minute, nil, tweak)                                               // ok
	_ = corev1inf.NewTypedFilteredSecretInformer(client, "", time.Minute, nil, nil)                                            // want `this informer holds every Secret in the cluster`
	_ = corev1inf.NewSecretInformerWithOptions(client, "", internalinterfaces.InformerOptions{})                               // want `this informer holds every Secret in the cluster`
	_ = corev1inf.NewTypedSecretInformerWithOptions(client, "", internalinterfaces.InformerOptions{ResyncPeriod: time.Minute}) // want `this informer holds every Secret in the cluster`
	_ = corev1inf.NewSecretInformerWithOptions(client, "", internalinterfaces.InformerOptions{TweakListOptions: tweak})        // ok
	_ = corev1inf.NewConfigMapInformerWithOptions(client, ns, internalinterfaces.InformerOptions{})                            // ok: one namespace
}

func tweak(o *metav1.ListOptions) { o.LabelSelector = "app=mine" }

// controller keeps its factory in a field, as most client-go controllers
// do; the model follows it to the constructor.
type controller struct {
	factory informers.SharedInformerFactory
}

func newController(client kubernetes.Interface) *controller {
	return &controller{factory: informers.NewSharedInformerFactory(client, time.Minute)}
}

func (c *controller) run() {
	_ = c.factory.Core().V1().Secrets().Informer() // want `this informer holds every Secret in the cluster`
}

// scoped keeps one of two factories in a field: we cannot tell which.
type scoped struct {
	factory informers.SharedInformerFactory
}

func newScoped(client kubernetes.Interface, ns string, all bool) *scoped {
	if all {
		return &scoped{factory: informers.NewSharedInformerFactory(client, time.Minute)}
	}
	return &scoped{factory: informers.NewSharedInformerFactoryWithOptions(client, time.Minute, informers.WithNamespace(ns))}
}

func (s *scoped) run() {
	_ = s.factory.Core().V1().Secrets().Informer() // ok: two factories, one scoped
}
