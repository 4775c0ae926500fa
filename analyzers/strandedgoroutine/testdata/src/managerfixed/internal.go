// Package managerfixed has the fix of kubernetes-sigs/controller-runtime
// PR 2876: the elector is built before the stop procedure is deferred.
package managerfixed

import (
	"context"
	"errors"
	"fmt"
)

type elector struct{}

func (e *elector) Run(ctx context.Context) {}

type controllerManager struct {
	resourceLock          *int
	valid                 bool
	errChan               chan error
	leaderElectionStopped chan struct{}
	leaderElectionCancel  context.CancelFunc
}

func (cm *controllerManager) initLeaderElector() (*elector, error) {
	if !cm.valid {
		return nil, errors.New("RenewDeadline must be shorter than LeaseDuration")
	}
	return &elector{}, nil
}

func (cm *controllerManager) Start(ctx context.Context) (err error) { // ok
	var le *elector
	if cm.resourceLock != nil {
		le, err = cm.initLeaderElector()
		if err != nil {
			return fmt.Errorf("failed during initialization leader election process: %w", err)
		}
	}
	stopComplete := make(chan struct{})
	defer close(stopComplete)
	defer func() {
		_ = cm.engageStopProcedure(stopComplete)
	}()
	{
		ctx, cancel := context.WithCancel(context.Background())
		cm.leaderElectionCancel = cancel
		if le != nil {
			go func() {
				le.Run(ctx)
				<-ctx.Done()
				close(cm.leaderElectionStopped)
			}()
		}
	}
	select {
	case <-ctx.Done():
		return nil
	case err := <-cm.errChan:
		return err
	}
}

func (cm *controllerManager) engageStopProcedure(stopComplete <-chan struct{}) error { // ok
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
			<-cm.leaderElectionStopped
		}
	}()
	return nil
}
