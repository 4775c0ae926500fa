// Package v1 is a stub of k8s.io/client-go/listers/core/v1 for tests.
package v1

import (
	corev1 "k8s.io/api/core/v1"
	labels "k8s.io/apimachinery/pkg/labels"
	cache "k8s.io/client-go/tools/cache"
)

// PodLister helps list Pods.
type PodLister interface {
	List(selector labels.Selector) (ret []*corev1.Pod, err error)
	Pods(namespace string) PodNamespaceLister
	PodListerExpansion
}

func NewPodLister(indexer cache.Indexer) PodLister { return nil }

// PodNamespaceLister helps list and get Pods.
type PodNamespaceLister interface {
	List(selector labels.Selector) (ret []*corev1.Pod, err error)
	Get(name string) (*corev1.Pod, error)
	PodNamespaceListerExpansion
}

type PodListerExpansion interface{}

type PodNamespaceListerExpansion interface{}

// ServiceLister helps list Services.
type ServiceLister interface {
	List(selector labels.Selector) (ret []*corev1.Service, err error)
	Services(namespace string) ServiceNamespaceLister
	ServiceListerExpansion
}

func NewServiceLister(indexer cache.Indexer) ServiceLister { return nil }

// ServiceNamespaceLister helps list and get Services.
type ServiceNamespaceLister interface {
	List(selector labels.Selector) (ret []*corev1.Service, err error)
	Get(name string) (*corev1.Service, error)
	ServiceNamespaceListerExpansion
}

type ServiceListerExpansion interface{}

type ServiceNamespaceListerExpansion interface{}

// SecretLister helps list Secrets.
type SecretLister interface {
	List(selector labels.Selector) (ret []*corev1.Secret, err error)
	Secrets(namespace string) SecretNamespaceLister
	SecretListerExpansion
}

func NewSecretLister(indexer cache.Indexer) SecretLister { return nil }

// SecretNamespaceLister helps list and get Secrets.
type SecretNamespaceLister interface {
	List(selector labels.Selector) (ret []*corev1.Secret, err error)
	Get(name string) (*corev1.Secret, error)
	SecretNamespaceListerExpansion
}

type SecretListerExpansion interface{}

type SecretNamespaceListerExpansion interface{}

// ConfigMapLister helps list ConfigMaps.
type ConfigMapLister interface {
	List(selector labels.Selector) (ret []*corev1.ConfigMap, err error)
	ConfigMaps(namespace string) ConfigMapNamespaceLister
	ConfigMapListerExpansion
}

func NewConfigMapLister(indexer cache.Indexer) ConfigMapLister { return nil }

// ConfigMapNamespaceLister helps list and get ConfigMaps.
type ConfigMapNamespaceLister interface {
	List(selector labels.Selector) (ret []*corev1.ConfigMap, err error)
	Get(name string) (*corev1.ConfigMap, error)
	ConfigMapNamespaceListerExpansion
}

type ConfigMapListerExpansion interface{}

type ConfigMapNamespaceListerExpansion interface{}

// NodeLister helps list Nodes.
type NodeLister interface {
	List(selector labels.Selector) (ret []*corev1.Node, err error)
	Get(name string) (*corev1.Node, error)
	NodeListerExpansion
}

func NewNodeLister(indexer cache.Indexer) NodeLister { return nil }

type NodeListerExpansion interface{}

// EndpointsLister helps list Endpoints.
type EndpointsLister interface {
	List(selector labels.Selector) (ret []*corev1.Endpoints, err error)
	Endpoints(namespace string) EndpointsNamespaceLister
	EndpointsListerExpansion
}

func NewEndpointsLister(indexer cache.Indexer) EndpointsLister { return nil }

// EndpointsNamespaceLister helps list and get Endpoints.
type EndpointsNamespaceLister interface {
	List(selector labels.Selector) (ret []*corev1.Endpoints, err error)
	Get(name string) (*corev1.Endpoints, error)
	EndpointsNamespaceListerExpansion
}

type EndpointsListerExpansion interface{}

type EndpointsNamespaceListerExpansion interface{}
