// Package storetest is a test helper package (not a _test.go file): its
// functions take a *testing.T and run only under go test.
package storetest

import (
	"context"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

func RunTestWatch(ctx context.Context, t *testing.T, cs kubernetes.Interface) {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: a test helper
	if err != nil {
		t.Fatal(err)
	}
	<-w.ResultChan()
}
