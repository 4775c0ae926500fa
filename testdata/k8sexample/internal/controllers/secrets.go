// Package controllers watches Secrets with a label predicate (Kong's
// shape): the predicate filters events, not the informer's store.
package controllers

import (
	"context"

	corev1 "k8s.io/api/core/v1"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/builder"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/handler"
	"sigs.k8s.io/controller-runtime/pkg/predicate"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// SecretReconciler reconciles the Secrets labelled for the controller.
type SecretReconciler struct {
	client.Client
}

// SetupWithManager registers the controller.
func (r *SecretReconciler) SetupWithManager(mgr ctrl.Manager) error {
	labelled := predicate.NewPredicateFuncs(func(o client.Object) bool {
		return o.GetLabels()["example.com/managed"] == "true"
	})
	return ctrl.NewControllerManagedBy(mgr).
		Named("secrets").
		Watches(&corev1.Secret{}, &handler.EnqueueRequestForObject{}, builder.WithPredicates(labelled)).
		Complete(r)
}

// Reconcile does nothing here.
func (r *SecretReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}
