// Package metrics is a stub of sigs.k8s.io/controller-runtime/pkg/metrics for tests.
package metrics

import "github.com/prometheus/client_golang/prometheus"

// RegistererGatherer combines both parts of the API of a Prometheus registry.
type RegistererGatherer interface {
	prometheus.Registerer
	prometheus.Gatherer
}

// Registry is a prometheus registry for storing metrics within the controller-runtime.
var Registry RegistererGatherer = prometheus.NewRegistry()
