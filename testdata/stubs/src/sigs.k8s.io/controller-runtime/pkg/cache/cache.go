// Package cache is a stub of sigs.k8s.io/controller-runtime/pkg/cache for tests.
package cache

import (
	"net/http"
	"time"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/rest"
	toolscache "k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/cache/cacheapi"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// InformerGetOptions defines the behavior of how informers are retrieved.
type InformerGetOptions = cacheapi.InformerGetOptions

// InformerGetOption defines an option that alters the behavior of how informers are retrieved.
type InformerGetOption = cacheapi.InformerGetOption

// BlockUntilSynced determines whether a get request for an informer should block
// until the informer's cache has synced.
func BlockUntilSynced(shouldBlock bool) InformerGetOption {
	return cacheapi.BlockUntilSynced(shouldBlock)
}

// Cache knows how to load Kubernetes objects, fetch informers to request
// to receive events for Kubernetes objects (at a low-level),
// and add indices to fields on the objects stored in the cache.
type Cache interface {
	client.Reader
	Informers
}

// Informers knows how to create or fetch informers for different
// group-version-kinds, and add indices to those informers.
type Informers = cacheapi.Informers

// Informer allows you to interact with the underlying informer.
type Informer = cacheapi.Informer

// AllNamespaces should be used as the map key to deliminate namespace settings
// that apply to all namespaces that themselves do not have explicit settings.
const AllNamespaces = metav1.NamespaceAll

// Options are the optional arguments for creating a new Cache object.
type Options struct {
	HTTPClient                   *http.Client
	Scheme                       *runtime.Scheme
	Mapper                       meta.RESTMapper
	SyncPeriod                   *time.Duration
	ReaderFailOnMissingInformer  bool
	DefaultNamespaces            map[string]Config
	DefaultLabelSelector         labels.Selector
	DefaultFieldSelector         fields.Selector
	DefaultTransform             toolscache.TransformFunc
	DefaultWatchErrorHandler     toolscache.WatchErrorHandlerWithContext
	DefaultUnsafeDisableDeepCopy *bool
	DefaultEnableWatchBookmarks  *bool
	ByObject                     map[client.Object]ByObject
	NewInformer                  func(toolscache.ListerWatcher, runtime.Object, time.Duration, toolscache.Indexers) toolscache.SharedIndexInformer
}

// ByObject offers more fine-grained control over the cache's ListWatch by object.
type ByObject struct {
	Namespaces            map[string]Config
	Label                 labels.Selector
	Field                 fields.Selector
	Transform             toolscache.TransformFunc
	UnsafeDisableDeepCopy *bool
	EnableWatchBookmarks  *bool
	SyncPeriod            *time.Duration
}

// Config describes all potential options for a given watch.
type Config struct {
	LabelSelector         labels.Selector
	FieldSelector         fields.Selector
	Transform             toolscache.TransformFunc
	UnsafeDisableDeepCopy *bool
	EnableWatchBookmarks  *bool
	SyncPeriod            *time.Duration
}

// NewCacheFunc - Function for creating a new cache from the options and a rest config.
type NewCacheFunc func(config *rest.Config, opts Options) (Cache, error)

// New initializes and returns a new Cache.
func New(cfg *rest.Config, opts Options) (Cache, error) { return nil, nil }

// TransformStripManagedFields strips the managed fields of an object before it is committed to the cache.
func TransformStripManagedFields() toolscache.TransformFunc { return nil }
