// Package cluster is a stub of sigs.k8s.io/controller-runtime/pkg/cluster for tests.
package cluster

import (
	"context"
	"net/http"

	"github.com/go-logr/logr"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/record"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/recorder"
)

// Cluster provides various methods to interact with a cluster.
type Cluster interface {
	recorder.Provider
	GetHTTPClient() *http.Client
	GetConfig() *rest.Config
	GetCache() cache.Cache
	GetScheme() *runtime.Scheme
	GetClient() client.Client
	GetFieldIndexer() client.FieldIndexer
	GetRESTMapper() meta.RESTMapper
	GetAPIReader() client.Reader
	Start(ctx context.Context) error
}

// Options are the possible options that can be configured for a Cluster.
type Options struct {
	Scheme         *runtime.Scheme
	MapperProvider func(c *rest.Config, httpClient *http.Client) (meta.RESTMapper, error)
	Logger         logr.Logger
	HTTPClient     *http.Client
	Cache          cache.Options
	NewCache       cache.NewCacheFunc
	Client         client.Options
	NewClient      client.NewClientFunc
	// EventBroadcaster records Events emitted by the manager and sends them to the Kubernetes API
	//
	// Deprecated: using this may cause goroutine leaks if the lifetime of your manager or controllers
	// is shorter than the lifetime of your process.
	EventBroadcaster record.EventBroadcaster
}

// Option can be used to manipulate Options.
type Option func(*Options)

// New constructs a brand new cluster.
func New(config *rest.Config, opts ...Option) (Cluster, error) { return nil, nil }
