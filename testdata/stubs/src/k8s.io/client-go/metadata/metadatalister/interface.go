// Package metadatalister is a stub of k8s.io/client-go/metadata/metadatalister for tests.
package metadatalister

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/tools/cache"
)

// Lister helps list resources.
type Lister interface {
	List(selector labels.Selector) (ret []*metav1.PartialObjectMetadata, err error)
	Get(name string) (*metav1.PartialObjectMetadata, error)
	Namespace(namespace string) NamespaceLister
}

// NamespaceLister helps list and get resources.
type NamespaceLister interface {
	List(selector labels.Selector) (ret []*metav1.PartialObjectMetadata, err error)
	Get(name string) (*metav1.PartialObjectMetadata, error)
}

func New(indexer cache.Indexer, gvr schema.GroupVersionResource) Lister { return nil }
