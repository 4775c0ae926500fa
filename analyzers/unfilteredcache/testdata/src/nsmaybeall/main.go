// Command nsmaybeall: client-go informers scoped to a namespace that may be
// "" (all namespaces): from the environment, a package variable, a flag
// whose default is "". A namespace we cannot follow counts as scoped.
package main

import (
	"flag"
	"os"
	"time"

	"k8s.io/client-go/informers"
	corev1inf "k8s.io/client-go/informers/core/v1"
	"k8s.io/client-go/informers/internalinterfaces"
	"k8s.io/client-go/kubernetes"
)

var watchNamespace = ""

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	ns := os.Getenv("WATCH_NAMESPACE") // "" = all namespaces
	f := informers.NewSharedInformerFactoryWithOptions(client, time.Minute, informers.WithNamespace(ns))
	_ = f.Core().V1().Secrets().Informer() // want "every Secret"
	g := informers.NewFilteredSharedInformerFactory(client, time.Minute, watchNamespace, nil)
	_ = g.Core().V1().Secrets().Informer()                                                               // want "every Secret"
	_ = corev1inf.NewSecretInformer(client, watchNamespace, time.Minute, nil)                            // want "every Secret"
	_ = corev1inf.NewTypedSecretInformer(client, "", time.Minute, nil)                                   // want "every Secret"
	_ = corev1inf.NewTypedConfigMapInformerWithOptions(client, "", internalinterfaces.InformerOptions{}) // want "every ConfigMap"
	_ = f.Core().V1().Secrets().TypedInformer()                                                          // want "every Secret"
}

var (
	flagNamespace  = flag.String("namespace", "", "namespace to watch (default all)")
	ownNamespace   = flag.String("own-namespace", "kube-system", "the operator's namespace")
	configuredOnce string
)

func init() { configuredOnce = "operators" }

func flags(client kubernetes.Interface) {
	_ = corev1inf.NewSecretInformer(client, *flagNamespace, time.Minute, nil) // want "every Secret"
	_ = corev1inf.NewSecretInformer(client, *ownNamespace, time.Minute, nil)  // ok: a default namespace
	_ = corev1inf.NewSecretInformer(client, configuredOnce, time.Minute, nil) // ok: always set
	_ = corev1inf.NewSecretInformer(client, podNamespace(), time.Minute, nil) // ok: a namespace we cannot follow
}

func podNamespace() string { return os.Getenv("POD_NAMESPACE") }
