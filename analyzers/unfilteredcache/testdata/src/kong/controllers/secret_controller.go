// Package controllers is Kong's internal/controllers/configuration in
// miniature (Kong/kubernetes-ingress-controller#6576): it watches every
// Secret, with a predicate. It builds no manager options: silent here.
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

type CoreV1SecretReconciler struct {
	client.Client
}

func (r *CoreV1SecretReconciler) shouldReconcileSecret(obj client.Object) bool {
	return obj.GetLabels()["konghq.com/secret"] == "true"
}

func (r *CoreV1SecretReconciler) SetupWithManager(mgr ctrl.Manager) error {
	predicateFuncs := predicate.NewPredicateFuncs(r.shouldReconcileSecret)
	return ctrl.NewControllerManagedBy(mgr).
		Named("CoreV1Secret").
		Watches(&corev1.Secret{},
			&handler.EnqueueRequestForObject{},
			builder.WithPredicates(predicateFuncs),
		).
		Complete(r)
}

func (r *CoreV1SecretReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}
