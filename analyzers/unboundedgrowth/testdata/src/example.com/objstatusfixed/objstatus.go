package objstatusfixed // want package:"releases\\(example.com/objstatusfixed.Status\\)"

// objstatusfixed is objstatus with the fix of #815: a Forget that
// deletes the object's series, which the reconcilers call when the
// object is being deleted.

import (
	"github.com/prometheus/client_golang/prometheus"
	"sigs.k8s.io/controller-runtime/pkg/client"
	crmetrics "sigs.k8s.io/controller-runtime/pkg/metrics"
)

var Status = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "object_status"}, []string{"controller", "name", "namespace"})

func init() { crmetrics.Registry.MustRegister(Status) }

// Record sets the object's series; no growth fact, Forget releases it.
func Record(controller string, obj client.Object, valid bool) {
	v := 0.0
	if valid {
		v = 1
	}
	Status.WithLabelValues(controller, obj.GetName(), obj.GetNamespace()).Set(v)
}

// Forget deletes the object's series.
func Forget(controller string, obj client.Object) {
	Status.DeleteLabelValues(controller, obj.GetName(), obj.GetNamespace())
}
