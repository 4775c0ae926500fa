// Package dot imports the watch package with a dot.
package dot

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	. "k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
)

// Open returns a fresh watch.
func Open(ctx context.Context, cs kubernetes.Interface) (Interface, error) { // want Open:"watch\\(result 0\\)"
	return cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{})
}
