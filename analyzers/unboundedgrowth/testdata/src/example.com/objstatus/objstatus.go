// Package objstatus is the shape of hashicorp/vault-secrets-operator's
// internal/metrics before #815: one gauge for every controller's
// objects, labelled with the controller's name (a constant at each call)
// and the object's name and namespace; nothing deletes a series.
package objstatus

import (
	"github.com/prometheus/client_golang/prometheus"
	"sigs.k8s.io/controller-runtime/pkg/client"
	crmetrics "sigs.k8s.io/controller-runtime/pkg/metrics"
)

var Status = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "object_status"}, []string{"controller", "name", "namespace"})

func init() { crmetrics.Registry.MustRegister(Status) }

// Record sets the object's series to 1 when it is valid, else 0.
func Record(controller string, obj client.Object, valid bool) { // want Record:"grows\\(Status\\)"
	v := 0.0
	if valid {
		v = 1
	}
	Status.WithLabelValues(controller, obj.GetName(), obj.GetNamespace()).Set(v)
}
