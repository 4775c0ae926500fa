// Package dynamiclister is a stub of k8s.io/client-go/dynamic/dynamiclister for tests.
package dynamiclister

import (
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/tools/cache"
)

// Lister helps list resources.
type Lister interface {
	List(selector labels.Selector) (ret []*unstructured.Unstructured, err error)
	Get(name string) (*unstructured.Unstructured, error)
	Namespace(namespace string) NamespaceLister
}

// NamespaceLister helps list and get resources.
type NamespaceLister interface {
	List(selector labels.Selector) (ret []*unstructured.Unstructured, err error)
	Get(name string) (*unstructured.Unstructured, error)
}

func New(indexer cache.Indexer, gvr schema.GroupVersionResource) Lister { return nil }
