// Package lib opens watches for its importers.
package lib

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	w "k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
)

// OpenPods returns a fresh watch: its caller must stop it.
func OpenPods(ctx context.Context, cs kubernetes.Interface, ns string) (w.Interface, error) { // want OpenPods:"watch\\(result 0\\)"
	return cs.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{})
}

// Shared returns the one watch the package keeps: no fact.
func Shared() w.Interface { return shared }

var shared w.Interface

// Cached keeps what it opens: no fact.
func Cached(ctx context.Context, cs kubernetes.Interface) (w.Interface, error) {
	x, err := cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{})
	shared = x
	return x, err
}
