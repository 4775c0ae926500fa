// Package metadata is a stub of k8s.io/client-go/metadata for tests.
package metadata

import (
	"context"
	"net/http"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/rest"
)

// Interface allows a caller to get the metadata (in the form of PartialObjectMetadata objects)
// from any Kubernetes compatible resource API.
type Interface interface {
	Resource(resource schema.GroupVersionResource) Getter
}

// ResourceInterface contains the set of methods that may be invoked on objects by their metadata.
type ResourceInterface interface {
	Delete(ctx context.Context, name string, options metav1.DeleteOptions, subresources ...string) error
	DeleteCollection(ctx context.Context, options metav1.DeleteOptions, listOptions metav1.ListOptions) error
	Get(ctx context.Context, name string, options metav1.GetOptions, subresources ...string) (*metav1.PartialObjectMetadata, error)
	List(ctx context.Context, opts metav1.ListOptions) (*metav1.PartialObjectMetadataList, error)
	Watch(ctx context.Context, opts metav1.ListOptions) (watch.Interface, error)
	Patch(ctx context.Context, name string, pt types.PatchType, data []byte, options metav1.PatchOptions, subresources ...string) (*metav1.PartialObjectMetadata, error)
}

// Getter handles both namespaced and non-namespaced resource types consistently.
type Getter interface {
	Namespace(string) ResourceInterface
	ResourceInterface
}

func NewForConfigOrDie(c *rest.Config) Interface { return nil }

func NewForConfig(inConfig *rest.Config) (Interface, error) { return nil, nil }

func NewForConfigAndClient(inConfig *rest.Config, h *http.Client) (Interface, error) {
	return nil, nil
}
