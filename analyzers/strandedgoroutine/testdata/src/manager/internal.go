// Package manager is controller-runtime's manager (pkg/manager/internal.go
// at 7394f7b6) reduced to the shape of kubernetes-sigs/controller-runtime
// issues 2834 and 2873.
package manager

import (
	"context"
	"errors"
)

type elector struct{}

func (e *elector) Run(ctx context.Context) {}

func newLeaderElector(ok bool) (*elector, error) {
	if !ok {
		return nil, errors.New("RenewDeadline must be shorter than LeaseDuration")
	}
	return &elector{}, nil
}

type controllerManager struct {
	resourceLock          *int
	valid                 bool
	errChan               chan error
	leaderElectionStopped chan struct{}
	leaderElectionCancel  context.CancelFunc
}

func (cm *controllerManager) Start(ctx context.Context) (err error) {
	stopComplete := make(chan struct{})
	defer close(stopComplete)
	defer func() {
		_ = cm.engageStopProcedure(stopComplete)
	}()
	{
		ctx, cancel := context.WithCancel(context.Background())
		cm.leaderElectionCancel = cancel
		go func() {
			if cm.resourceLock != nil {
				if err := cm.startLeaderElection(ctx); err != nil {
					cm.errChan <- err
				}
			}
		}()
	}
	select {
	case <-ctx.Done():
		return nil
	case err := <-cm.errChan:
		return err
	}
}

func (cm *controllerManager) engageStopProcedure(stopComplete <-chan struct{}) error {
	go func() {
		for {
			select {
			case err := <-cm.errChan:
				_ = err
			case <-stopComplete:
				return
			}
		}
	}()
	defer func() {
		if cm.resourceLock != nil {
			cm.leaderElectionCancel()
			<-cm.leaderElectionStopped // want `receive from leaderElectionStopped can block for ever: only the goroutine that controllerManager.startLeaderElection starts closes it, and controllerManager.startLeaderElection can return before starting it \(line 78\)`
		}
	}()
	return nil
}

func (cm *controllerManager) startLeaderElection(ctx context.Context) (err error) {
	l, err := newLeaderElector(cm.valid)
	if err != nil {
		return err
	}
	go func() {
		l.Run(ctx)
		<-ctx.Done()
		close(cm.leaderElectionStopped)
	}()
	return nil
}
