package main

import (
	"testing"
	"time"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
)

// TestTokens builds its informers the way Kubernetes' controller tests do
// (on a fake clientset there): they hold what the test puts in them.
func TestTokens(t *testing.T) {
	client := kubernetes.NewForConfigOrDie(nil)
	f := informers.NewSharedInformerFactory(client, time.Minute)
	_ = f.Core().V1().Secrets().Informer()    // ok: in a test
	_ = f.Core().V1().ConfigMaps().Informer() // ok: in a test
}
