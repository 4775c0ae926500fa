// Package resourcelock is a stub of k8s.io/client-go/tools/leaderelection/resourcelock for tests.
package resourcelock

import (
	"context"
	"time"

	v1 "k8s.io/api/coordination/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	coordinationv1 "k8s.io/client-go/kubernetes/typed/coordination/v1"
	corev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	restclient "k8s.io/client-go/rest"
)

const (
	LeaderElectionRecordAnnotationKey = "control-plane.alpha.kubernetes.io/leader"
	LeasesResourceLock                = "leases"
)

// LeaderElectionRecord is the record that is stored in the leader election annotation.
type LeaderElectionRecord struct {
	HolderIdentity       string                      `json:"holderIdentity"`
	LeaseDurationSeconds int                         `json:"leaseDurationSeconds"`
	AcquireTime          metav1.Time                 `json:"acquireTime"`
	RenewTime            metav1.Time                 `json:"renewTime"`
	LeaderTransitions    int                         `json:"leaderTransitions"`
	Strategy             v1.CoordinatedLeaseStrategy `json:"strategy"`
	PreferredHolder      string                      `json:"preferredHolder"`
}

// EventRecorder records a change in the ResourceLock.
type EventRecorder interface {
	Eventf(obj runtime.Object, eventType, reason, message string, args ...interface{})
}

// ResourceLockConfig common data that exists across different
// resource locks.
type ResourceLockConfig struct {
	Identity      string
	EventRecorder EventRecorder
}

// Interface offers a common interface for locking on arbitrary
// resources used in leader election.
type Interface interface {
	Get(ctx context.Context) (*LeaderElectionRecord, []byte, error)
	Create(ctx context.Context, ler LeaderElectionRecord) error
	Update(ctx context.Context, ler LeaderElectionRecord) error
	RecordEvent(string)
	Identity() string
	Describe() string
}

func New(lockType string, ns string, name string, coreClient corev1.CoreV1Interface, coordinationClient coordinationv1.CoordinationV1Interface, rlc ResourceLockConfig) (Interface, error) {
	return nil, nil
}

func NewWithLabels(lockType string, ns string, name string, coreClient corev1.CoreV1Interface, coordinationClient coordinationv1.CoordinationV1Interface, rlc ResourceLockConfig, labels map[string]string) (Interface, error) {
	return nil, nil
}

func NewFromKubeconfig(lockType string, ns string, name string, rlc ResourceLockConfig, kubeconfig *restclient.Config, renewDeadline time.Duration) (Interface, error) {
	return nil, nil
}

// LeaseLock is a lock implemented on top of a Lease object.
type LeaseLock struct {
	LeaseMeta  metav1.ObjectMeta
	Client     coordinationv1.LeasesGetter
	LockConfig ResourceLockConfig
	lease      *v1.Lease
	Labels     map[string]string
}

func (ll *LeaseLock) Get(ctx context.Context) (*LeaderElectionRecord, []byte, error) {
	return nil, nil, nil
}
func (ll *LeaseLock) Create(ctx context.Context, ler LeaderElectionRecord) error { return nil }
func (ll *LeaseLock) Update(ctx context.Context, ler LeaderElectionRecord) error { return nil }
func (ll *LeaseLock) RecordEvent(s string)                                       {}
func (ll *LeaseLock) Describe() string                                           { return "" }
func (ll *LeaseLock) Identity() string                                           { return "" }
