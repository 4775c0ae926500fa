// Package controller is a stub of sigs.k8s.io/controller-runtime/pkg/controller for tests.
package controller

import (
	"context"
	"time"

	"github.com/go-logr/logr"
	"k8s.io/client-go/util/workqueue"
	"sigs.k8s.io/controller-runtime/pkg/config"
	"sigs.k8s.io/controller-runtime/pkg/manager"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
	"sigs.k8s.io/controller-runtime/pkg/source"
)

// Options are the arguments for creating a new Controller.
type Options = TypedOptions[reconcile.Request]

// TypedOptions are the arguments for creating a new Controller.
type TypedOptions[request comparable] struct {
	SkipNameValidation      *bool
	MaxConcurrentReconciles int
	CacheSyncTimeout        time.Duration
	RecoverPanic            *bool
	NeedLeaderElection      *bool
	Reconciler              reconcile.TypedReconciler[request]
	RateLimiter             workqueue.TypedRateLimiter[request]
	NewQueue                func(controllerName string, rateLimiter workqueue.TypedRateLimiter[request]) workqueue.TypedRateLimitingInterface[request]
	Logger                  logr.Logger
	LogConstructor          func(request *request) logr.Logger
	UsePriorityQueue        *bool
	EnableWarmup            *bool
	ReconciliationTimeout   time.Duration
}

// DefaultFromConfig defaults the config from a config.Controller.
func (options *TypedOptions[request]) DefaultFromConfig(config config.Controller) {}

// Controller implements an API.
type Controller = TypedController[reconcile.Request]

// TypedController implements an API.
type TypedController[request comparable] interface {
	reconcile.TypedReconciler[request]
	Watch(src source.TypedSource[request]) error
	Start(ctx context.Context) error
	GetLogger() logr.Logger
}

// New returns a new Controller registered with the Manager.
func New(name string, mgr manager.Manager, options Options) (Controller, error) {
	return NewTyped(name, mgr, options)
}

// NewTyped returns a new typed controller registered with the Manager.
func NewTyped[request comparable](name string, mgr manager.Manager, options TypedOptions[request]) (TypedController[request], error) {
	return nil, nil
}

// NewUnmanaged returns a new controller without adding it to the manager.
func NewUnmanaged(name string, options Options) (Controller, error) {
	return NewTypedUnmanaged(name, options)
}

// NewTypedUnmanaged returns a new typed controller without adding it to the manager.
func NewTypedUnmanaged[request comparable](name string, options TypedOptions[request]) (TypedController[request], error) {
	return nil, nil
}
