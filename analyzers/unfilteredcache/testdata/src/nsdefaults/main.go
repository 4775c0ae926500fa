// Command nsdefaults: namespaces that a default makes non-empty (an
// environment variable defaulted after it is read, flags with a default
// namespace, set through a FlagSet or pflag's P forms) are scoped; flags
// and variables whose default is "" are all namespaces.
package main

import (
	"flag"
	"os"
	"time"

	"github.com/spf13/pflag"
	"k8s.io/client-go/informers"
	corev1inf "k8s.io/client-go/informers/core/v1"
	"k8s.io/client-go/kubernetes"
)

// a global set only through a FlagSet method, default non-empty
var fsNamespace string

// a global set with pflag.StringVarP, default non-empty
var pNamespace string

// a global set with pflag.StringVarP, default empty
var pAllNamespace string

// global set by flag.StringVar with default "default"
var stdNamespace string

type opts struct{ Namespace string }

func main() {
	client := kubernetes.NewForConfigOrDie(nil)
	fs := pflag.NewFlagSet("x", 0)
	fs.StringVar(&fsNamespace, "namespace", "kube-system", "")
	pflag.StringVarP(&pNamespace, "namespace", "n", "kube-system", "")
	pflag.StringVarP(&pAllNamespace, "all-namespace", "a", "", "")
	flag.StringVar(&stdNamespace, "std-namespace", "default", "")

	// local flag var with "" default
	var localNs string
	flag.StringVar(&localNs, "local-namespace", "", "")
	flag.Parse()

	// env with default applied
	envNs := os.Getenv("WATCH_NAMESPACE")
	if envNs == "" {
		envNs = "default"
	}
	_ = corev1inf.NewSecretInformer(client, envNs, time.Minute, nil) // ok: defaulted

	lookNs, ok := os.LookupEnv("WATCH_NAMESPACE")
	if !ok || lookNs == "" {
		lookNs = "default"
	}
	_ = corev1inf.NewSecretInformer(client, lookNs, time.Minute, nil) // ok: defaulted

	_ = corev1inf.NewSecretInformer(client, fsNamespace, time.Minute, nil)   // ok: default kube-system
	_ = corev1inf.NewSecretInformer(client, pNamespace, time.Minute, nil)    // ok: default kube-system
	_ = corev1inf.NewSecretInformer(client, pAllNamespace, time.Minute, nil) // ok: set by code we do not read (a known miss)
	_ = corev1inf.NewSecretInformer(client, stdNamespace, time.Minute, nil)  // ok
	f := informers.NewSharedInformerFactoryWithOptions(client, time.Minute, informers.WithNamespace(localNs))
	_ = f.Core().V1().Secrets().Informer() // ok: a local set through its address (a known miss)

	o := &opts{}
	fs.StringVar(&o.Namespace, "ns", "", "")
	_ = corev1inf.NewSecretInformer(client, o.Namespace, time.Minute, nil) // ok: a field (a known miss)

	pf := pflag.StringP("pns", "p", "", "")
	_ = corev1inf.NewSecretInformer(client, *pf, time.Minute, nil) // ok: pflag's StringP (a known miss)
}
