// Package v1 is a stub of k8s.io/client-go/informers/core/v1 for tests.
//
// Only a subset of the core/v1 informers is present.
package v1

import (
	time "time"

	apicorev1 "k8s.io/api/core/v1"
	internalinterfaces "k8s.io/client-go/informers/internalinterfaces"
	kubernetes "k8s.io/client-go/kubernetes"
	corev1 "k8s.io/client-go/listers/core/v1"
	cache "k8s.io/client-go/tools/cache"
)

// Interface provides access to all the informers in this group version.
type Interface interface {
	// Pods returns a TypedPodInformer.
	Pods() TypedPodInformer
	// Services returns a TypedServiceInformer.
	Services() TypedServiceInformer
	// Secrets returns a TypedSecretInformer.
	Secrets() TypedSecretInformer
	// ConfigMaps returns a TypedConfigMapInformer.
	ConfigMaps() TypedConfigMapInformer
	// Nodes returns a TypedNodeInformer.
	Nodes() TypedNodeInformer
	// Endpoints returns a TypedEndpointsInformer.
	Endpoints() TypedEndpointsInformer
}

type version struct {
	factory          internalinterfaces.SharedInformerFactory
	namespace        string
	tweakListOptions internalinterfaces.TweakListOptionsFunc
}

// New returns a new Interface.
func New(f internalinterfaces.SharedInformerFactory, namespace string, tweakListOptions internalinterfaces.TweakListOptionsFunc) Interface {
	return &version{factory: f, namespace: namespace, tweakListOptions: tweakListOptions}
}

func (v *version) Pods() TypedPodInformer { return nil }

// PodInformer provides access to a shared informer and lister for
// Pods. Prefer using the type-safe variant (see [TypedPodInformer]).
type PodInformer interface {
	Informer() cache.SharedIndexInformer
	Lister() corev1.PodLister
}

// TypedPodInformer provides access to a shared informer and lister for
// Pods, including the type-safe TypedInformer variant.
// It is a superset of PodInformer.
type TypedPodInformer interface {
	Informer() cache.SharedIndexInformer
	TypedInformer() PodIndexInformer
	Lister() corev1.PodLister
}

// PodIndexInformer is a wrapper around the underlying [cache.SharedIndexInformer]
// with type-safe variants of several methods.
type PodIndexInformer cache.TypedSharedIndexInformer[*apicorev1.Pod]

// PodHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerFuncs] for Pod.
type PodHandlerFuncs = cache.TypedResourceEventHandlerFuncs[*apicorev1.Pod]

// PodDetailedHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerDetailedFuncs] for Pod.
type PodDetailedHandlerFuncs = cache.TypedResourceEventHandlerDetailedFuncs[*apicorev1.Pod]

// PodFilteringHandler is a specialization of [cache.TypedFilteringResourceEventHandler] for Pod.
type PodFilteringHandler = cache.TypedFilteringResourceEventHandler[*apicorev1.Pod]

// PodIndexers is a specialization of [cache.TypedIndexers] for Pod.
type PodIndexers = cache.TypedIndexers[*apicorev1.Pod]

// DeletedPod is a specialization of [cache.DeletedObject] for Pod.
type DeletedPod = cache.DeletedObject[*apicorev1.Pod]

func NewPodInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers) cache.SharedIndexInformer {
	return nil
}

func NewTypedPodInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers PodIndexers) PodIndexInformer {
	return nil
}

func NewFilteredPodInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) cache.SharedIndexInformer {
	return nil
}

func NewTypedFilteredPodInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers PodIndexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) PodIndexInformer {
	return nil
}

func NewPodInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) cache.SharedIndexInformer {
	return nil
}

func NewTypedPodInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) PodIndexInformer {
	return nil
}

func ToTypedPodInformer(informer PodInformer) TypedPodInformer { return nil }

func ToPodIndexInformer(informer cache.SharedIndexInformer) PodIndexInformer { return nil }

func (v *version) Services() TypedServiceInformer { return nil }

// ServiceInformer provides access to a shared informer and lister for
// Services. Prefer using the type-safe variant (see [TypedServiceInformer]).
type ServiceInformer interface {
	Informer() cache.SharedIndexInformer
	Lister() corev1.ServiceLister
}

// TypedServiceInformer provides access to a shared informer and lister for
// Services, including the type-safe TypedInformer variant.
// It is a superset of ServiceInformer.
type TypedServiceInformer interface {
	Informer() cache.SharedIndexInformer
	TypedInformer() ServiceIndexInformer
	Lister() corev1.ServiceLister
}

// ServiceIndexInformer is a wrapper around the underlying [cache.SharedIndexInformer]
// with type-safe variants of several methods.
type ServiceIndexInformer cache.TypedSharedIndexInformer[*apicorev1.Service]

// ServiceHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerFuncs] for Service.
type ServiceHandlerFuncs = cache.TypedResourceEventHandlerFuncs[*apicorev1.Service]

// ServiceDetailedHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerDetailedFuncs] for Service.
type ServiceDetailedHandlerFuncs = cache.TypedResourceEventHandlerDetailedFuncs[*apicorev1.Service]

// ServiceFilteringHandler is a specialization of [cache.TypedFilteringResourceEventHandler] for Service.
type ServiceFilteringHandler = cache.TypedFilteringResourceEventHandler[*apicorev1.Service]

// ServiceIndexers is a specialization of [cache.TypedIndexers] for Service.
type ServiceIndexers = cache.TypedIndexers[*apicorev1.Service]

// DeletedService is a specialization of [cache.DeletedObject] for Service.
type DeletedService = cache.DeletedObject[*apicorev1.Service]

func NewServiceInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers) cache.SharedIndexInformer {
	return nil
}

func NewTypedServiceInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers ServiceIndexers) ServiceIndexInformer {
	return nil
}

func NewFilteredServiceInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) cache.SharedIndexInformer {
	return nil
}

func NewTypedFilteredServiceInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers ServiceIndexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) ServiceIndexInformer {
	return nil
}

func NewServiceInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) cache.SharedIndexInformer {
	return nil
}

func NewTypedServiceInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) ServiceIndexInformer {
	return nil
}

func ToTypedServiceInformer(informer ServiceInformer) TypedServiceInformer { return nil }

func ToServiceIndexInformer(informer cache.SharedIndexInformer) ServiceIndexInformer { return nil }

func (v *version) Secrets() TypedSecretInformer { return nil }

// SecretInformer provides access to a shared informer and lister for
// Secrets. Prefer using the type-safe variant (see [TypedSecretInformer]).
type SecretInformer interface {
	Informer() cache.SharedIndexInformer
	Lister() corev1.SecretLister
}

// TypedSecretInformer provides access to a shared informer and lister for
// Secrets, including the type-safe TypedInformer variant.
// It is a superset of SecretInformer.
type TypedSecretInformer interface {
	Informer() cache.SharedIndexInformer
	TypedInformer() SecretIndexInformer
	Lister() corev1.SecretLister
}

// SecretIndexInformer is a wrapper around the underlying [cache.SharedIndexInformer]
// with type-safe variants of several methods.
type SecretIndexInformer cache.TypedSharedIndexInformer[*apicorev1.Secret]

// SecretHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerFuncs] for Secret.
type SecretHandlerFuncs = cache.TypedResourceEventHandlerFuncs[*apicorev1.Secret]

// SecretDetailedHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerDetailedFuncs] for Secret.
type SecretDetailedHandlerFuncs = cache.TypedResourceEventHandlerDetailedFuncs[*apicorev1.Secret]

// SecretFilteringHandler is a specialization of [cache.TypedFilteringResourceEventHandler] for Secret.
type SecretFilteringHandler = cache.TypedFilteringResourceEventHandler[*apicorev1.Secret]

// SecretIndexers is a specialization of [cache.TypedIndexers] for Secret.
type SecretIndexers = cache.TypedIndexers[*apicorev1.Secret]

// DeletedSecret is a specialization of [cache.DeletedObject] for Secret.
type DeletedSecret = cache.DeletedObject[*apicorev1.Secret]

func NewSecretInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers) cache.SharedIndexInformer {
	return nil
}

func NewTypedSecretInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers SecretIndexers) SecretIndexInformer {
	return nil
}

func NewFilteredSecretInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) cache.SharedIndexInformer {
	return nil
}

func NewTypedFilteredSecretInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers SecretIndexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) SecretIndexInformer {
	return nil
}

func NewSecretInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) cache.SharedIndexInformer {
	return nil
}

func NewTypedSecretInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) SecretIndexInformer {
	return nil
}

func ToTypedSecretInformer(informer SecretInformer) TypedSecretInformer { return nil }

func ToSecretIndexInformer(informer cache.SharedIndexInformer) SecretIndexInformer { return nil }

func (v *version) ConfigMaps() TypedConfigMapInformer { return nil }

// ConfigMapInformer provides access to a shared informer and lister for
// ConfigMaps. Prefer using the type-safe variant (see [TypedConfigMapInformer]).
type ConfigMapInformer interface {
	Informer() cache.SharedIndexInformer
	Lister() corev1.ConfigMapLister
}

// TypedConfigMapInformer provides access to a shared informer and lister for
// ConfigMaps, including the type-safe TypedInformer variant.
// It is a superset of ConfigMapInformer.
type TypedConfigMapInformer interface {
	Informer() cache.SharedIndexInformer
	TypedInformer() ConfigMapIndexInformer
	Lister() corev1.ConfigMapLister
}

// ConfigMapIndexInformer is a wrapper around the underlying [cache.SharedIndexInformer]
// with type-safe variants of several methods.
type ConfigMapIndexInformer cache.TypedSharedIndexInformer[*apicorev1.ConfigMap]

// ConfigMapHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerFuncs] for ConfigMap.
type ConfigMapHandlerFuncs = cache.TypedResourceEventHandlerFuncs[*apicorev1.ConfigMap]

// ConfigMapDetailedHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerDetailedFuncs] for ConfigMap.
type ConfigMapDetailedHandlerFuncs = cache.TypedResourceEventHandlerDetailedFuncs[*apicorev1.ConfigMap]

// ConfigMapFilteringHandler is a specialization of [cache.TypedFilteringResourceEventHandler] for ConfigMap.
type ConfigMapFilteringHandler = cache.TypedFilteringResourceEventHandler[*apicorev1.ConfigMap]

// ConfigMapIndexers is a specialization of [cache.TypedIndexers] for ConfigMap.
type ConfigMapIndexers = cache.TypedIndexers[*apicorev1.ConfigMap]

// DeletedConfigMap is a specialization of [cache.DeletedObject] for ConfigMap.
type DeletedConfigMap = cache.DeletedObject[*apicorev1.ConfigMap]

func NewConfigMapInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers) cache.SharedIndexInformer {
	return nil
}

func NewTypedConfigMapInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers ConfigMapIndexers) ConfigMapIndexInformer {
	return nil
}

func NewFilteredConfigMapInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) cache.SharedIndexInformer {
	return nil
}

func NewTypedFilteredConfigMapInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers ConfigMapIndexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) ConfigMapIndexInformer {
	return nil
}

func NewConfigMapInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) cache.SharedIndexInformer {
	return nil
}

func NewTypedConfigMapInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) ConfigMapIndexInformer {
	return nil
}

func ToTypedConfigMapInformer(informer ConfigMapInformer) TypedConfigMapInformer { return nil }

func ToConfigMapIndexInformer(informer cache.SharedIndexInformer) ConfigMapIndexInformer { return nil }

func (v *version) Nodes() TypedNodeInformer { return nil }

// NodeInformer provides access to a shared informer and lister for
// Nodes. Prefer using the type-safe variant (see [TypedNodeInformer]).
type NodeInformer interface {
	Informer() cache.SharedIndexInformer
	Lister() corev1.NodeLister
}

// TypedNodeInformer provides access to a shared informer and lister for
// Nodes, including the type-safe TypedInformer variant.
// It is a superset of NodeInformer.
type TypedNodeInformer interface {
	Informer() cache.SharedIndexInformer
	TypedInformer() NodeIndexInformer
	Lister() corev1.NodeLister
}

// NodeIndexInformer is a wrapper around the underlying [cache.SharedIndexInformer]
// with type-safe variants of several methods.
type NodeIndexInformer cache.TypedSharedIndexInformer[*apicorev1.Node]

// NodeHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerFuncs] for Node.
type NodeHandlerFuncs = cache.TypedResourceEventHandlerFuncs[*apicorev1.Node]

// NodeDetailedHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerDetailedFuncs] for Node.
type NodeDetailedHandlerFuncs = cache.TypedResourceEventHandlerDetailedFuncs[*apicorev1.Node]

// NodeFilteringHandler is a specialization of [cache.TypedFilteringResourceEventHandler] for Node.
type NodeFilteringHandler = cache.TypedFilteringResourceEventHandler[*apicorev1.Node]

// NodeIndexers is a specialization of [cache.TypedIndexers] for Node.
type NodeIndexers = cache.TypedIndexers[*apicorev1.Node]

// DeletedNode is a specialization of [cache.DeletedObject] for Node.
type DeletedNode = cache.DeletedObject[*apicorev1.Node]

func NewNodeInformer(client kubernetes.Interface, resyncPeriod time.Duration, indexers cache.Indexers) cache.SharedIndexInformer {
	return nil
}

func NewTypedNodeInformer(client kubernetes.Interface, resyncPeriod time.Duration, indexers NodeIndexers) NodeIndexInformer {
	return nil
}

func NewFilteredNodeInformer(client kubernetes.Interface, resyncPeriod time.Duration, indexers cache.Indexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) cache.SharedIndexInformer {
	return nil
}

func NewTypedFilteredNodeInformer(client kubernetes.Interface, resyncPeriod time.Duration, indexers NodeIndexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) NodeIndexInformer {
	return nil
}

func NewNodeInformerWithOptions(client kubernetes.Interface, options internalinterfaces.InformerOptions) cache.SharedIndexInformer {
	return nil
}

func NewTypedNodeInformerWithOptions(client kubernetes.Interface, options internalinterfaces.InformerOptions) NodeIndexInformer {
	return nil
}

func ToTypedNodeInformer(informer NodeInformer) TypedNodeInformer { return nil }

func ToNodeIndexInformer(informer cache.SharedIndexInformer) NodeIndexInformer { return nil }

func (v *version) Endpoints() TypedEndpointsInformer { return nil }

// EndpointsInformer provides access to a shared informer and lister for
// Endpoints. Prefer using the type-safe variant (see [TypedEndpointsInformer]).
type EndpointsInformer interface {
	Informer() cache.SharedIndexInformer
	Lister() corev1.EndpointsLister
}

// TypedEndpointsInformer provides access to a shared informer and lister for
// Endpoints, including the type-safe TypedInformer variant.
// It is a superset of EndpointsInformer.
type TypedEndpointsInformer interface {
	Informer() cache.SharedIndexInformer
	TypedInformer() EndpointsIndexInformer
	Lister() corev1.EndpointsLister
}

// EndpointsIndexInformer is a wrapper around the underlying [cache.SharedIndexInformer]
// with type-safe variants of several methods.
type EndpointsIndexInformer cache.TypedSharedIndexInformer[*apicorev1.Endpoints]

// EndpointsHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerFuncs] for Endpoints.
type EndpointsHandlerFuncs = cache.TypedResourceEventHandlerFuncs[*apicorev1.Endpoints]

// EndpointsDetailedHandlerFuncs is a specialization of [cache.TypedResourceEventHandlerDetailedFuncs] for Endpoints.
type EndpointsDetailedHandlerFuncs = cache.TypedResourceEventHandlerDetailedFuncs[*apicorev1.Endpoints]

// EndpointsFilteringHandler is a specialization of [cache.TypedFilteringResourceEventHandler] for Endpoints.
type EndpointsFilteringHandler = cache.TypedFilteringResourceEventHandler[*apicorev1.Endpoints]

// EndpointsIndexers is a specialization of [cache.TypedIndexers] for Endpoints.
type EndpointsIndexers = cache.TypedIndexers[*apicorev1.Endpoints]

// DeletedEndpoints is a specialization of [cache.DeletedObject] for Endpoints.
type DeletedEndpoints = cache.DeletedObject[*apicorev1.Endpoints]

func NewEndpointsInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers) cache.SharedIndexInformer {
	return nil
}

func NewTypedEndpointsInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers EndpointsIndexers) EndpointsIndexInformer {
	return nil
}

func NewFilteredEndpointsInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers cache.Indexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) cache.SharedIndexInformer {
	return nil
}

func NewTypedFilteredEndpointsInformer(client kubernetes.Interface, namespace string, resyncPeriod time.Duration, indexers EndpointsIndexers, tweakListOptions internalinterfaces.TweakListOptionsFunc) EndpointsIndexInformer {
	return nil
}

func NewEndpointsInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) cache.SharedIndexInformer {
	return nil
}

func NewTypedEndpointsInformerWithOptions(client kubernetes.Interface, namespace string, options internalinterfaces.InformerOptions) EndpointsIndexInformer {
	return nil
}

func ToTypedEndpointsInformer(informer EndpointsInformer) TypedEndpointsInformer { return nil }

func ToEndpointsIndexInformer(informer cache.SharedIndexInformer) EndpointsIndexInformer { return nil }
