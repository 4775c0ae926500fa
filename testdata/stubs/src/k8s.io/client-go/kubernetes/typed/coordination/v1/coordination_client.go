// Package v1 is a stub of k8s.io/client-go/kubernetes/typed/coordination/v1 for tests.
package v1

import (
	"context"

	coordinationv1 "k8s.io/api/coordination/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/watch"
	rest "k8s.io/client-go/rest"
)

// CoordinationV1Interface has methods to work with coordination.k8s.io resources.
type CoordinationV1Interface interface {
	RESTClient() rest.Interface
	LeasesGetter
}

// CoordinationV1Client is used to interact with features provided by the coordination.k8s.io group.
type CoordinationV1Client struct {
	restClient rest.Interface
}

func (c *CoordinationV1Client) RESTClient() rest.Interface             { return c.restClient }
func (c *CoordinationV1Client) Leases(namespace string) LeaseInterface { return nil }

// LeasesGetter has a method to return a LeaseInterface.
type LeasesGetter interface {
	Leases(namespace string) LeaseInterface
}

// LeaseInterface has methods to work with Lease resources (Apply omitted).
type LeaseInterface interface {
	Create(ctx context.Context, lease *coordinationv1.Lease, opts metav1.CreateOptions) (*coordinationv1.Lease, error)
	Update(ctx context.Context, lease *coordinationv1.Lease, opts metav1.UpdateOptions) (*coordinationv1.Lease, error)
	Delete(ctx context.Context, name string, opts metav1.DeleteOptions) error
	DeleteCollection(ctx context.Context, opts metav1.DeleteOptions, listOpts metav1.ListOptions) error
	Get(ctx context.Context, name string, opts metav1.GetOptions) (*coordinationv1.Lease, error)
	List(ctx context.Context, opts metav1.ListOptions) (*coordinationv1.LeaseList, error)
	Watch(ctx context.Context, opts metav1.ListOptions) (watch.Interface, error)
	Patch(ctx context.Context, name string, pt types.PatchType, data []byte, opts metav1.PatchOptions, subresources ...string) (result *coordinationv1.Lease, err error)
	LeaseExpansion
}

// LeaseExpansion allows for extension of Lease interface.
type LeaseExpansion interface{}
