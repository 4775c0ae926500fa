// Package kubernetes is a stub of k8s.io/client-go/kubernetes for tests.
//
// Interface only carries the CoreV1 and CoordinationV1 group accessors.
package kubernetes

import (
	"net/http"

	coordinationv1 "k8s.io/client-go/kubernetes/typed/coordination/v1"
	corev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	rest "k8s.io/client-go/rest"
)

// Interface is the clientset interface (subset).
type Interface interface {
	CoordinationV1() coordinationv1.CoordinationV1Interface
	CoreV1() corev1.CoreV1Interface
}

// Clientset contains the clients for groups.
type Clientset struct {
	coordinationV1 *coordinationv1.CoordinationV1Client
	coreV1         *corev1.CoreV1Client
}

// CoordinationV1 retrieves the CoordinationV1Client.
func (c *Clientset) CoordinationV1() coordinationv1.CoordinationV1Interface {
	return c.coordinationV1
}

// CoreV1 retrieves the CoreV1Client.
func (c *Clientset) CoreV1() corev1.CoreV1Interface { return c.coreV1 }

func NewForConfig(c *rest.Config) (*Clientset, error) { return nil, nil }

func NewForConfigAndClient(c *rest.Config, httpClient *http.Client) (*Clientset, error) {
	return nil, nil
}

func NewForConfigOrDie(c *rest.Config) *Clientset { return nil }

func New(c rest.Interface) *Clientset { return nil }
