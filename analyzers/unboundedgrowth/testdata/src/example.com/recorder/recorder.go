// Package recorder is a metrics helper: the label values are its
// callers'.
package recorder

import "github.com/prometheus/client_golang/prometheus"

var ready = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "ready"}, []string{"namespace", "name"})

func init() { prometheus.MustRegister(ready) }

// Record sets the object's readiness.
func Record(namespace, name string, v float64) { // want Record:"grows\\(ready\\)"
	ready.WithLabelValues(namespace, name).Set(v)
}
