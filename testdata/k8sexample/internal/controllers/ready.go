package controllers

import (
	"context"

	"github.com/prometheus/client_golang/prometheus"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/metrics"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"

	"example.com/operator/internal/tracking"
)

var (
	podReady   = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "example_pod_ready"}, []string{"namespace", "name"})
	podRestart = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "example_pod_restarts"}, []string{"namespace", "name"})
)

func init() { metrics.Registry.MustRegister(podReady, podRestart) }

// PodReconciler exports per-Pod metrics and tracks every Pod it saw.
type PodReconciler struct {
	client.Client
	Tracker *tracking.Tracker
}

// Reconcile sets the Pod's readiness series, which nothing deletes, and
// its restarts series, which is deleted when the Pod is gone.
func (r *PodReconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var pod corev1.Pod
	if err := r.Get(ctx, req.NamespacedName, &pod); err != nil {
		if apierrors.IsNotFound(err) {
			podRestart.DeleteLabelValues(req.Namespace, req.Name)
		}
		return reconcile.Result{}, client.IgnoreNotFound(err)
	}
	podReady.WithLabelValues(req.Namespace, req.Name).Set(1)
	podRestart.WithLabelValues(req.Namespace, req.Name).Set(0)
	r.Tracker.Observe(req.String())
	return reconcile.Result{}, nil
}
