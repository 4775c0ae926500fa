// Package manager is a stub of sigs.k8s.io/controller-runtime/pkg/manager for tests.
package manager

import (
	"context"
	"net/http"
	"time"

	"github.com/go-logr/logr"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/leaderelection/resourcelock"
	"k8s.io/client-go/tools/record"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/cluster"
	"sigs.k8s.io/controller-runtime/pkg/config"
	"sigs.k8s.io/controller-runtime/pkg/healthz"
	metricsserver "sigs.k8s.io/controller-runtime/pkg/metrics/server"
	"sigs.k8s.io/controller-runtime/pkg/webhook"
	"sigs.k8s.io/controller-runtime/pkg/webhook/conversion"
)

// Manager initializes shared dependencies such as Caches and Clients, and provides them to Runnables.
// A Manager is required to create Controllers.
type Manager interface {
	cluster.Cluster
	Add(Runnable) error
	Elected() <-chan struct{}
	AddMetricsServerExtraHandler(path string, handler http.Handler) error
	AddHealthzCheck(name string, check healthz.Checker) error
	AddReadyzCheck(name string, check healthz.Checker) error
	Start(ctx context.Context) error
	GetWebhookServer() webhook.Server
	GetLogger() logr.Logger
	GetControllerOptions() config.Controller
	GetConverterRegistry() conversion.Registry
}

// Options are the arguments for creating a new Manager.
type Options struct {
	Scheme                              *runtime.Scheme
	MapperProvider                      func(c *rest.Config, httpClient *http.Client) (meta.RESTMapper, error)
	Cache                               cache.Options
	NewCache                            cache.NewCacheFunc
	Client                              client.Options
	NewClient                           client.NewClientFunc
	Logger                              logr.Logger
	LeaderElection                      bool
	LeaderElectionResourceLock          string
	LeaderElectionNamespace             string
	LeaderElectionID                    string
	LeaderElectionConfig                *rest.Config
	LeaderElectionReleaseOnCancel       bool
	LeaderElectionLabels                map[string]string
	LeaderElectionResourceLockInterface resourcelock.Interface
	LeaseDuration                       *time.Duration
	RenewDeadline                       *time.Duration
	RetryPeriod                         *time.Duration
	Metrics                             metricsserver.Options
	HealthProbeBindAddress              string
	ReadinessEndpointName               string
	LivenessEndpointName                string
	PprofBindAddress                    string
	WebhookServer                       webhook.Server
	BaseContext                         BaseContextFunc
	// EventBroadcaster records Events emitted by the manager and sends them to the Kubernetes API
	// Use this to customize the event correlator and spam filter
	//
	// Deprecated: using this may cause goroutine leaks if the lifetime of your manager or controllers
	// is shorter than the lifetime of your process.
	EventBroadcaster        record.EventBroadcaster
	GracefulShutdownTimeout *time.Duration
	Controller              config.Controller
}

// BaseContextFunc is a function used to provide a base Context to Runnables
// managed by a Manager.
type BaseContextFunc func() context.Context

// Runnable allows a component to be started.
type Runnable interface {
	Start(context.Context) error
}

// RunnableFunc implements Runnable using a function.
type RunnableFunc func(context.Context) error

// Start implements Runnable.
func (r RunnableFunc) Start(ctx context.Context) error {
	return r(ctx)
}

// LeaderElectionRunnable knows if a Runnable needs to be run in the leader election mode.
type LeaderElectionRunnable interface {
	NeedLeaderElection() bool
}

// New returns a new Manager for creating Controllers.
func New(config *rest.Config, options Options) (Manager, error) { return nil, nil }
