// Package orgmetrics is the shape of greenhouse's organization controller
// before 0b0c1a2c: a gauge labelled with the organization's name, set by
// the status function that pkg/lifecycle calls per reconcile, never
// deleted.
package orgmetrics

import (
	"context"

	"example.com/lifecycle"
	"github.com/prometheus/client_golang/prometheus"
	"sigs.k8s.io/controller-runtime/pkg/client"
	crmetrics "sigs.k8s.io/controller-runtime/pkg/metrics"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

var organizationReadyGauge = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "greenhouse_organization_ready"}, []string{"organization"})

func init() { crmetrics.Registry.MustRegister(organizationReadyGauge) }

func UpdateOrganizationMetrics(org client.Object) { // want UpdateOrganizationMetrics:"grows\\(organizationReadyGauge\\)"
	labels := prometheus.Labels{"organization": org.GetName()}
	organizationReadyGauge.With(labels).Set(1)
}

type Reconciler struct{ client.Client }

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	return lifecycle.Reconcile(ctx, r.Client, req.NamespacedName, nil, r, r.setStatus())
}

func (r *Reconciler) EnsureCreated(ctx context.Context, obj client.Object) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

func (r *Reconciler) EnsureDeleted(ctx context.Context, obj client.Object) (reconcile.Result, error) {
	return reconcile.Result{}, nil
}

func (r *Reconciler) setStatus() lifecycle.Conditioner {
	return func(ctx context.Context, obj client.Object) {
		UpdateOrganizationMetrics(obj) // want `metric vector organizationReadyGauge grows per reconcile without bound: a function literal in Reconciler.setStatus through UpdateOrganizationMetrics makes a series per label value from the event's data`
	}
}
