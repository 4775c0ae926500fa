package orgmetricsfixed // want package:"releases\\(orgmetricsfixed.organizationReadyGauge\\)"

// orgmetricsfixed is orgmetrics with greenhouse's fix (0b0c1a2c): the
// series is deleted in EnsureDeleted.

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

func UpdateOrganizationMetrics(org client.Object) { // no growth fact: released here
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
	organizationReadyGauge.Delete(prometheus.Labels{"organization": obj.GetName()})
	return reconcile.Result{}, nil
}

func (r *Reconciler) setStatus() lifecycle.Conditioner {
	return func(ctx context.Context, obj client.Object) {
		UpdateOrganizationMetrics(obj) // ok: deleted in EnsureDeleted
	}
}
