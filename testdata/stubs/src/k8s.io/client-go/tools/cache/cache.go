// Package cache is a stub of k8s.io/client-go/tools/cache for tests.
package cache

import (
	"context"
	"reflect"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/watch"
	restclient "k8s.io/client-go/rest"
	"k8s.io/klog/v2"
)

// ---- controller.go ----

// Controller is a low-level controller that is parameterized by a Config.
type Controller interface {
	RunWithContext(ctx context.Context)
	Run(stopCh <-chan struct{})
	HasSynced() bool
	HasSyncedChecker() DoneChecker
	LastSyncResourceVersion() string
}

// ResourceEventHandler can handle notifications for events that
// happen to a resource.
type ResourceEventHandler interface {
	OnAdd(obj interface{}, isInInitialList bool)
	OnUpdate(oldObj, newObj interface{})
	OnDelete(obj interface{})
}

// Object is the minimal interface that objects passed to typed event handlers must implement.
type Object interface {
	comparable
	GetName() string
	GetNamespace() string
}

// TypedResourceEventHandler is the typed variant of ResourceEventHandler.
type TypedResourceEventHandler[T Object] interface {
	OnAdd(obj T, isInInitialList bool)
	OnUpdate(oldObj, newObj T)
	OnDelete(obj DeletedObject[T])
}

// DeletedObject is passed to TypedResourceEventHandler.OnDelete.
type DeletedObject[T Object] struct {
	OptionalObj       T
	FinalStateUnknown *DeletedFinalStateUnknown
}

func (d DeletedObject[T]) GetObjectName() ObjectName { return ObjectName{} }
func (d DeletedObject[T]) GetName() string           { return "" }
func (d DeletedObject[T]) GetNamespace() string      { return "" }
func (d DeletedObject[T]) GetKey() string            { return "" }

// ResourceEventHandlerFuncs is an adaptor to let you easily specify as many or
// as few of the notification functions as you want while still implementing
// ResourceEventHandler.
type ResourceEventHandlerFuncs struct {
	AddFunc    func(obj interface{})
	UpdateFunc func(oldObj, newObj interface{})
	DeleteFunc func(obj interface{})
}

func (r ResourceEventHandlerFuncs) OnAdd(obj interface{}, isInInitialList bool) {}
func (r ResourceEventHandlerFuncs) OnUpdate(oldObj, newObj interface{})         {}
func (r ResourceEventHandlerFuncs) OnDelete(obj interface{})                    {}

// TypedResourceEventHandlerFuncs is the typed variant of ResourceEventHandlerFuncs.
type TypedResourceEventHandlerFuncs[T Object] struct {
	AddFunc    func(obj T)
	UpdateFunc func(oldObj, newObj T)
	DeleteFunc func(obj DeletedObject[T])
}

func (r TypedResourceEventHandlerFuncs[T]) OnAdd(obj T, isInInitialList bool) {}
func (r TypedResourceEventHandlerFuncs[T]) OnUpdate(oldObj, newObj T)         {}
func (r TypedResourceEventHandlerFuncs[T]) OnDelete(obj DeletedObject[T])     {}

// ResourceEventHandlerDetailedFuncs is exactly like ResourceEventHandlerFuncs
// except its AddFunc accepts the isInInitialList parameter.
type ResourceEventHandlerDetailedFuncs struct {
	AddFunc    func(obj interface{}, isInInitialList bool)
	UpdateFunc func(oldObj, newObj interface{})
	DeleteFunc func(obj interface{})
}

func (r ResourceEventHandlerDetailedFuncs) OnAdd(obj interface{}, isInInitialList bool) {}
func (r ResourceEventHandlerDetailedFuncs) OnUpdate(oldObj, newObj interface{})         {}
func (r ResourceEventHandlerDetailedFuncs) OnDelete(obj interface{})                    {}

// TypedResourceEventHandlerDetailedFuncs is the typed variant of ResourceEventHandlerDetailedFuncs.
type TypedResourceEventHandlerDetailedFuncs[T Object] struct {
	AddFunc    func(obj T, isInInitialList bool)
	UpdateFunc func(oldObj, newObj T)
	DeleteFunc func(obj DeletedObject[T])
}

func (r TypedResourceEventHandlerDetailedFuncs[T]) OnAdd(obj T, isInInitialList bool) {}
func (r TypedResourceEventHandlerDetailedFuncs[T]) OnUpdate(oldObj, newObj T)         {}
func (r TypedResourceEventHandlerDetailedFuncs[T]) OnDelete(obj DeletedObject[T])     {}

// FilteringResourceEventHandler applies the provided filter to all events coming
// in, ensuring the appropriate nested handler method is invoked.
type FilteringResourceEventHandler struct {
	FilterFunc func(obj interface{}) bool
	Handler    ResourceEventHandler
}

func (r FilteringResourceEventHandler) OnAdd(obj interface{}, isInInitialList bool) {}
func (r FilteringResourceEventHandler) OnUpdate(oldObj, newObj interface{})         {}
func (r FilteringResourceEventHandler) OnDelete(obj interface{})                    {}

// TypedFilteringResourceEventHandler is the typed variant of FilteringResourceEventHandler.
type TypedFilteringResourceEventHandler[T Object] struct {
	FilterFunc func(obj T) bool
	Handler    TypedResourceEventHandler[T]
}

func (r TypedFilteringResourceEventHandler[T]) OnAdd(obj T, isInInitialList bool) {}
func (r TypedFilteringResourceEventHandler[T]) OnUpdate(oldObj, newObj T)         {}
func (r TypedFilteringResourceEventHandler[T]) OnDelete(obj DeletedObject[T])     {}

func DeletionHandlingMetaNamespaceKeyFunc(obj interface{}) (string, error) { return "", nil }

func DeletionHandlingObjectToName(obj interface{}) (ObjectName, error) { return ObjectName{}, nil }

// InformerOptions configure a Reflector (subset: InformerMetricsProvider omitted).
type InformerOptions struct {
	Logger          *klog.Logger
	ListerWatcher   ListerWatcher
	ObjectType      runtime.Object
	Handler         ResourceEventHandler
	ResyncPeriod    time.Duration
	MinWatchTimeout time.Duration
	Indexers        Indexers
	Transform       TransformFunc
	Identifier      InformerNameAndResource
}

func NewInformerWithOptions(options InformerOptions) (Store, Controller) { return nil, nil }

// Deprecated: Use NewInformerWithOptions instead.
func NewInformer(
	lw ListerWatcher,
	objType runtime.Object,
	resyncPeriod time.Duration,
	h ResourceEventHandler,
) (Store, Controller) {
	return nil, nil
}

// Deprecated: Use NewInformerWithOptions instead.
func NewIndexerInformer(
	lw ListerWatcher,
	objType runtime.Object,
	resyncPeriod time.Duration,
	h ResourceEventHandler,
	indexers Indexers,
) (Indexer, Controller) {
	return nil, nil
}

// Deprecated: Use NewInformerWithOptions instead.
func NewTransformingInformer(
	lw ListerWatcher,
	objType runtime.Object,
	resyncPeriod time.Duration,
	h ResourceEventHandler,
	transformer TransformFunc,
) (Store, Controller) {
	return nil, nil
}

// Deprecated: Use NewInformerWithOptions instead.
func NewTransformingIndexerInformer(
	lw ListerWatcher,
	objType runtime.Object,
	resyncPeriod time.Duration,
	h ResourceEventHandler,
	indexers Indexers,
	transformer TransformFunc,
) (Indexer, Controller) {
	return nil, nil
}

// ---- shared_informer.go ----

// SharedInformer provides eventually consistent linkage of its
// clients to the authoritative state of a given collection of
// objects.
type SharedInformer interface {
	AddEventHandler(handler ResourceEventHandler) (ResourceEventHandlerRegistration, error)
	AddEventHandlerWithResyncPeriod(handler ResourceEventHandler, resyncPeriod time.Duration) (ResourceEventHandlerRegistration, error)
	AddEventHandlerWithOptions(handler ResourceEventHandler, options HandlerOptions) (ResourceEventHandlerRegistration, error)
	RemoveEventHandler(handle ResourceEventHandlerRegistration) error
	GetStore() Store
	GetController() Controller
	Run(stopCh <-chan struct{})
	RunWithContext(ctx context.Context)
	HasSynced() bool
	HasSyncedChecker() DoneChecker
	LastSyncResourceVersion() string
	SetWatchErrorHandler(handler WatchErrorHandler) error
	SetWatchErrorHandlerWithContext(handler WatchErrorHandlerWithContext) error
	SetTransform(handler TransformFunc) error
	IsStopped() bool
}

// ResourceEventHandlerRegistration is the opaque handle returned by AddEventHandler.
type ResourceEventHandlerRegistration interface {
	HasSynced() bool
	HasSyncedChecker() DoneChecker
}

// HandlerOptions contains optional settings for AddEventHandlerWithOptions.
type HandlerOptions struct {
	Logger       *klog.Logger
	ResyncPeriod *time.Duration
}

// SharedIndexInformer provides add and get Indexers ability based on SharedInformer.
type SharedIndexInformer interface {
	SharedInformer
	AddIndexers(indexers Indexers) error
	GetIndexer() Indexer
}

// TypedSharedIndexInformer is a SharedIndexInformer with typed helpers.
type TypedSharedIndexInformer[T Object] interface {
	SharedIndexInformer
	AddTypedEventHandler(handler TypedResourceEventHandler[T], options ...HandlerOptions) (ResourceEventHandlerRegistration, error)
	AddTypedIndexers(indexers TypedIndexers[T]) error
	GetTypedIndexer() TypedIndexer[T]
}

func NewTypedSharedIndexInformer[T Object](informer SharedIndexInformer) TypedSharedIndexInformer[T] {
	return nil
}

func NewSharedInformer(lw ListerWatcher, exampleObject runtime.Object, defaultEventHandlerResyncPeriod time.Duration) SharedInformer {
	return nil
}

func NewSharedIndexInformer(lw ListerWatcher, exampleObject runtime.Object, defaultEventHandlerResyncPeriod time.Duration, indexers Indexers) SharedIndexInformer {
	return nil
}

func NewSharedIndexInformerWithOptions(lw ListerWatcher, exampleObject runtime.Object, options SharedIndexInformerOptions) SharedIndexInformer {
	return nil
}

// SharedIndexInformerOptions configures a sharedIndexInformer (subset:
// InformerMetricsProvider omitted).
type SharedIndexInformerOptions struct {
	ResyncPeriod      time.Duration
	Indexers          Indexers
	ObjectDescription string
	Identifier        InformerNameAndResource
}

// InformerSynced is a function that can be used to determine if an informer has synced.
type InformerSynced func() bool

func WaitForNamedCacheSync(controllerName string, stopCh <-chan struct{}, cacheSyncs ...InformerSynced) bool {
	return false
}

func WaitForNamedCacheSyncWithContext(ctx context.Context, cacheSyncs ...InformerSynced) bool {
	return false
}

func WaitForCacheSync(stopCh <-chan struct{}, cacheSyncs ...InformerSynced) bool { return false }

func WaitFor(ctx context.Context, what string, checkers ...DoneChecker) bool { return false }

// DoneChecker, in the abstract, represents something that can be done.
type DoneChecker interface {
	Name() string
	Done() <-chan struct{}
}

func IsDone(checker DoneChecker) bool { return false }

func ShutDownEventHandler(informer SharedInformer, handle ResourceEventHandlerRegistration) error {
	return nil
}

// ---- reflector.go ----

// Reflector watches a specified resource and causes all changes to be reflected in the given store.
type Reflector struct {
	name string
	// WatchListPageSize is the requested chunk size of initial and resync watch lists.
	WatchListPageSize int64
	// ShouldResync is invoked periodically and whenever it returns `true` the Store's Resync operation is invoked
	ShouldResync func() bool
	// MaxInternalErrorRetryDuration defines how long we should retry internal errors returned by watch.
	MaxInternalErrorRetryDuration time.Duration
}

// WatchErrorHandler is called whenever ListAndWatch drops the connection with an error.
type WatchErrorHandler func(r *Reflector, err error)

// WatchErrorHandlerWithContext is the same as WatchErrorHandler but with a context.
type WatchErrorHandlerWithContext func(ctx context.Context, r *Reflector, err error)

// ---- delta_fifo.go ----

// TransformFunc allows for transforming an object before it will be processed.
type TransformFunc func(interface{}) (interface{}, error)

// DeletedFinalStateUnknown is placed into a DeltaFIFO in the case where an
// object was deleted but the watch deletion event was missed.
type DeletedFinalStateUnknown struct {
	Key string
	Obj interface{}
}

// ---- store.go / index.go ----

// Store is a generic object storage and processing interface.
type Store interface {
	Add(obj interface{}) error
	Update(obj interface{}) error
	Delete(obj interface{}) error
	List() []interface{}
	ListKeys() []string
	LastStoreSyncResourceVersion() string
	Bookmark(rv string)
	Get(obj interface{}) (item interface{}, exists bool, err error)
	GetByKey(key string) (item interface{}, exists bool, err error)
	Replace([]interface{}, string) error
	Resync() error
}

// KeyFunc knows how to make a key from an object.
type KeyFunc func(obj interface{}) (string, error)

// ExplicitKey can be passed to MetaNamespaceKeyFunc if you have the key for
// the object but not the object itself.
type ExplicitKey string

func MetaNamespaceKeyFunc(obj interface{}) (string, error) { return "", nil }

func ObjectToName(obj interface{}) (ObjectName, error) { return ObjectName{}, nil }

func MetaObjectToName(obj metav1.Object) ObjectName { return ObjectName{} }

func SplitMetaNamespaceKey(key string) (namespace, name string, err error) { return "", "", nil }

// StoreOption configures a Store.
type StoreOption = func(*cache)

type cache struct{}

func WithTransformer(transformer TransformFunc) StoreOption { return nil }

func NewStore(keyFunc KeyFunc, opts ...StoreOption) Store { return nil }

func NewIndexer(keyFunc KeyFunc, indexers Indexers, opts ...StoreOption) Indexer { return nil }

// Indexer extends Store with multiple indices.
type Indexer interface {
	Store
	Index(indexName string, obj interface{}) ([]interface{}, error)
	IndexKeys(indexName, indexedValue string) ([]string, error)
	ListIndexFuncValues(indexName string) []string
	ByIndex(indexName, indexedValue string) ([]interface{}, error)
	GetIndexers() Indexers
	AddIndexers(newIndexers Indexers) error
}

// IndexFunc knows how to compute the set of indexed values for an object.
type IndexFunc func(obj interface{}) ([]string, error)

const (
	// NamespaceIndex is the lookup name for the most common index function.
	NamespaceIndex string = "namespace"
)

func MetaNamespaceIndexFunc(obj interface{}) ([]string, error) { return nil, nil }

// Indexers maps a name to an IndexFunc.
type Indexers map[string]IndexFunc

type TypedIndexers[T any] map[string]TypedIndexFunc[T]
type TypedIndexFunc[T any] func(obj T) ([]string, error)
type TypedIndexer[T any] interface {
	Indexer
	TypedIndex(indexName string, obj T) ([]T, error)
	ByTypedIndex(indexName, indexedValue string) ([]T, error)
	AddTypedIndexers(newIndexers TypedIndexers[T]) error
}

func TypedIndexersToIndexers[T any](indexers TypedIndexers[T]) Indexers { return nil }

func TypedIndexerFuncToIndexerFunc[T any](indexer TypedIndexFunc[T]) IndexFunc { return nil }

// ---- object-names.go ----

// ObjectName is a reference to an object of some implicit kind.
type ObjectName struct {
	Namespace string
	Name      string
}

func NewObjectName(namespace, name string) ObjectName               { return ObjectName{} }
func (objName ObjectName) Parts() (namespace, name string)          { return "", "" }
func (objName ObjectName) String() string                           { return "" }
func ParseObjectName(str string) (ObjectName, error)                { return ObjectName{}, nil }
func NamespacedNameAsObjectName(nn types.NamespacedName) ObjectName { return ObjectName{} }
func (objName ObjectName) AsNamespacedName() types.NamespacedName {
	return types.NamespacedName{}
}

// ---- listwatch.go ----

// Lister is any object that knows how to perform an initial list.
type Lister interface {
	// Deprecated: use ListerWithContext.ListWithContext instead.
	List(options metav1.ListOptions) (runtime.Object, error)
}

// ListerWithContext is any object that knows how to perform an initial list.
type ListerWithContext interface {
	ListWithContext(ctx context.Context, options metav1.ListOptions) (runtime.Object, error)
}

// Watcher is any object that knows how to start a watch on a resource.
type Watcher interface {
	// Deprecated: use WatcherWithContext.WatchWithContext instead.
	Watch(options metav1.ListOptions) (watch.Interface, error)
}

// WatcherWithContext is any object that knows how to start a watch on a resource.
type WatcherWithContext interface {
	WatchWithContext(ctx context.Context, options metav1.ListOptions) (watch.Interface, error)
}

// ListerWatcher is any object that knows how to perform an initial list and start a watch on a resource.
type ListerWatcher interface {
	Lister
	Watcher
}

// ListerWatcherWithContext is any object that knows how to perform an initial list and start a watch on a resource.
type ListerWatcherWithContext interface {
	ListerWithContext
	WatcherWithContext
}

func ToListerWithContext(l Lister) ListerWithContext { return nil }

func ToWatcherWithContext(w Watcher) WatcherWithContext { return nil }

func ToListerWatcherWithContext(lw ListerWatcher) ListerWatcherWithContext { return nil }

// ListFunc knows how to list resources
//
// Deprecated: use ListWithContextFunc instead.
type ListFunc func(options metav1.ListOptions) (runtime.Object, error)

// ListWithContextFunc knows how to list resources.
type ListWithContextFunc func(ctx context.Context, options metav1.ListOptions) (runtime.Object, error)

// WatchFunc knows how to watch resources
//
// Deprecated: use WatchFuncWithContext instead.
type WatchFunc func(options metav1.ListOptions) (watch.Interface, error)

// WatchFuncWithContext knows how to watch resources.
type WatchFuncWithContext func(ctx context.Context, options metav1.ListOptions) (watch.Interface, error)

// ListWatch knows how to list and watch a set of apiserver resources.
type ListWatch struct {
	// Deprecated: use ListWithContext instead.
	ListFunc ListFunc
	// Deprecated: use WatchWithContext instead.
	WatchFunc WatchFunc

	ListWithContextFunc  ListWithContextFunc
	WatchFuncWithContext WatchFuncWithContext
	DisableChunking      bool
}

// Getter interface knows how to access Get method from RESTClient.
type Getter interface {
	Get() *restclient.Request
}

func NewListWatchFromClient(c Getter, resource string, namespace string, fieldSelector fields.Selector) *ListWatch {
	return nil
}

func NewFilteredListWatchFromClient(c Getter, resource string, namespace string, optionsModifier func(options *metav1.ListOptions)) *ListWatch {
	return nil
}

// List a set of apiserver resources
//
// Deprecated: use ListWatchWithContext.ListWithContext instead.
func (lw *ListWatch) List(options metav1.ListOptions) (runtime.Object, error) { return nil, nil }

func (lw *ListWatch) ListWithContext(ctx context.Context, options metav1.ListOptions) (runtime.Object, error) {
	return nil, nil
}

// Watch a set of apiserver resources
//
// Deprecated: use ListWatchWithContext.WatchWithContext instead.
func (lw *ListWatch) Watch(options metav1.ListOptions) (watch.Interface, error) { return nil, nil }

func (lw *ListWatch) WatchWithContext(ctx context.Context, options metav1.ListOptions) (watch.Interface, error) {
	return nil, nil
}

// ---- listers.go ----

// AppendFunc is used to add a matching item to whatever list the caller is using.
type AppendFunc func(interface{})

func ListAll(store Store, selector labels.Selector, appendFn AppendFunc) error { return nil }

func ListAllByNamespace(indexer Indexer, namespace string, selector labels.Selector, appendFn AppendFunc) error {
	return nil
}

// GenericLister is a lister skin on a generic Indexer.
type GenericLister interface {
	List(selector labels.Selector) (ret []runtime.Object, err error)
	Get(name string) (runtime.Object, error)
	ByNamespace(namespace string) GenericNamespaceLister
}

// GenericNamespaceLister is a lister skin on a generic Indexer.
type GenericNamespaceLister interface {
	List(selector labels.Selector) (ret []runtime.Object, err error)
	Get(name string) (runtime.Object, error)
}

func NewGenericLister(indexer Indexer, resource schema.GroupResource) GenericLister { return nil }

func ToListWatcherWithWatchListSemantics(lw *ListWatch, client any) ListerWatcher { return nil }

// SyncResult is the result of a shared informer factory's WaitForCacheSyncWithContext.
type SyncResult struct {
	Err    error
	Synced map[reflect.Type]bool
}

func (c SyncResult) AsError() error { return nil }

// ---- identity.go ----

// InformerName represents a unique informer name for metrics.
type InformerName struct {
	name string
}

func NewInformerName(name string) (*InformerName, error) { return nil, nil }

func (n *InformerName) WithResource(gvr schema.GroupVersionResource) InformerNameAndResource {
	return InformerNameAndResource{}
}
func (n *InformerName) Release()     {}
func (n *InformerName) Name() string { return "" }

// InformerNameAndResource uniquely identifies an informer for metrics.
type InformerNameAndResource struct {
	name string
	gvr  schema.GroupVersionResource
}

func (n InformerNameAndResource) Reserved() bool { return false }
func (n InformerNameAndResource) Name() string   { return "" }
func (n InformerNameAndResource) GroupVersionResource() schema.GroupVersionResource {
	return schema.GroupVersionResource{}
}
