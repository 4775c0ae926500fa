// Package leaderelection is a stub of k8s.io/client-go/tools/leaderelection for tests.
package leaderelection

import (
	"context"
	"net/http"
	"time"

	rl "k8s.io/client-go/tools/leaderelection/resourcelock"
)

const (
	JitterFactor = 1.2
)

// NewLeaderElector creates a LeaderElector from a LeaderElectionConfig.
func NewLeaderElector(lec LeaderElectionConfig) (*LeaderElector, error) { return nil, nil }

// LeaderElectionConfig configures leader election.
type LeaderElectionConfig struct {
	Lock            rl.Interface
	LeaseDuration   time.Duration
	RenewDeadline   time.Duration
	RetryPeriod     time.Duration
	Callbacks       LeaderCallbacks
	WatchDog        *HealthzAdaptor
	ReleaseOnCancel bool
	Name            string
	Coordinated     bool
}

// LeaderCallbacks are callbacks that are triggered during certain
// lifecycle events of the LeaderElector.
type LeaderCallbacks struct {
	OnStartedLeading func(context.Context)
	OnStoppedLeading func()
	OnNewLeader      func(identity string)
}

// LeaderElector is a leader election client.
type LeaderElector struct {
	config LeaderElectionConfig
}

// Run starts the leader election loop.
func (le *LeaderElector) Run(ctx context.Context) {}

// RunOrDie starts a client with the provided config or panics if the config
// fails to validate.
func RunOrDie(ctx context.Context, lec LeaderElectionConfig) {}

// GetLeader returns the identity of the last observed leader or returns the empty string if
// no leader has yet been observed.
func (le *LeaderElector) GetLeader() string { return "" }

// IsLeader returns true if the last observed leader was this client else returns false.
func (le *LeaderElector) IsLeader() bool { return false }

// Check will determine if the current lease is expired by more than timeout.
func (le *LeaderElector) Check(maxTolerableExpiredLease time.Duration) error { return nil }

// HealthzAdaptor associates the /healthz endpoint with the LeaderElection object.
type HealthzAdaptor struct {
	le      *LeaderElector
	timeout time.Duration
}

func (l *HealthzAdaptor) Name() string                        { return "" }
func (l *HealthzAdaptor) Check(req *http.Request) error       { return nil }
func (l *HealthzAdaptor) SetLeaderElection(le *LeaderElector) {}

func NewLeaderHealthzAdaptor(timeout time.Duration) *HealthzAdaptor { return nil }
