// Package ctrllib is a library whose controllers' options decide where
// they run; where an every-replica controller runs is its caller's.
package ctrllib

import (
	"context"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/utils/ptr"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/config"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Every runs without leader election.
type Every struct{}

// role: unknown; symbolic: from Every.Reconcile|Every.SetupWithManager
func (Every) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// SetupWithManager builds the controller.
//
// role: unknown; symbolic: from Every.SetupWithManager
func (r Every) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(false)}).Complete(r)
}

// Elected runs on the leader, although the manager built here turns
// leader election off for controllers: its own options win.
type Elected struct{}

// role: leader; symbolic: leader
func (Elected) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// SetupWithManager builds the controller.
func (r Elected) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).
		WithOptions(controller.Options{NeedLeaderElection: ptr.To(true)}).Complete(r)
}

// Default takes the manager's choice: none.
type Default struct{}

// role: unknown; symbolic: from Default.Reconcile|Default.SetupWithManager
func (Default) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

// SetupWithManager builds the controller.
func (r Default) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&core_v1.Pod{}).Complete(r)
}

// Options are the manager options this library recommends.
func Options() ctrl.Options {
	return ctrl.Options{LeaderElection: true, Controller: config.Controller{NeedLeaderElection: ptr.To(false)}}
}
