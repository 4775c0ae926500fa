// Package prometheus is a stub of github.com/prometheus/client_golang/prometheus for tests.
package prometheus

// Labels represents a collection of label name -> value mappings.
type Labels map[string]string

// Collector is implemented by anything that can be used by Prometheus to collect metrics.
type Collector interface{}

// Metric models a single sample value with its meta data being exported to Prometheus.
type Metric interface{}

// Registerer is the interface for the part of a registry in charge of registering and unregistering.
type Registerer interface {
	Register(Collector) error
	MustRegister(...Collector)
	Unregister(Collector) bool
}

// Gatherer is the interface for the part of a registry in charge of gathering.
type Gatherer interface{}

// Registry registers Prometheus collectors.
type Registry struct{}

func NewRegistry() *Registry                    { return &Registry{} }
func (r *Registry) Register(Collector) error    { return nil }
func (r *Registry) MustRegister(...Collector)   {}
func (r *Registry) Unregister(c Collector) bool { return true }
func MustRegister(cs ...Collector)              {}
func Register(c Collector) error                { return nil }
func Unregister(c Collector) bool               { return true }

// DefaultRegisterer is the default registerer.
var DefaultRegisterer Registerer = NewRegistry()

// Opts bundles the options for creating most Metric types.
type Opts struct {
	Namespace   string
	Subsystem   string
	Name        string
	Help        string
	ConstLabels Labels
}

type CounterOpts Opts
type GaugeOpts Opts
type HistogramOpts struct {
	Namespace, Subsystem, Name, Help string
	Buckets                          []float64
}
type SummaryOpts struct {
	Namespace, Subsystem, Name, Help string
}

// Counter is a Metric that represents a single numerical value that only ever goes up.
type Counter interface {
	Inc()
	Add(float64)
}

// Gauge is a Metric that represents a single numerical value that can arbitrarily go up and down.
type Gauge interface {
	Set(float64)
	Inc()
	Dec()
	Add(float64)
	Sub(float64)
	SetToCurrentTime()
}

// Observer is the interface that wraps the Observe method.
type Observer interface{ Observe(float64) }

// metricVec is the shared part of the vectors.
type MetricVec struct{}

func (m *MetricVec) Delete(labels Labels) bool            { return true }
func (m *MetricVec) DeleteLabelValues(lvs ...string) bool { return true }
func (m *MetricVec) DeletePartialMatch(labels Labels) int { return 0 }
func (m *MetricVec) Reset()                               {}

// CounterVec is a Collector that bundles a set of Counters.
type CounterVec struct{ *MetricVec }

func NewCounterVec(opts CounterOpts, labelNames []string) *CounterVec { return &CounterVec{} }
func (v *CounterVec) WithLabelValues(lvs ...string) Counter           { return nil }
func (v *CounterVec) With(labels Labels) Counter                      { return nil }
func (v *CounterVec) GetMetricWithLabelValues(lvs ...string) (Counter, error) {
	return nil, nil
}
func (v *CounterVec) GetMetricWith(labels Labels) (Counter, error) { return nil, nil }
func (v *CounterVec) CurryWith(labels Labels) (*CounterVec, error) { return v, nil }
func (v *CounterVec) MustCurryWith(labels Labels) *CounterVec      { return v }

// GaugeVec is a Collector that bundles a set of Gauges.
type GaugeVec struct{ *MetricVec }

func NewGaugeVec(opts GaugeOpts, labelNames []string) *GaugeVec { return &GaugeVec{} }
func (v *GaugeVec) WithLabelValues(lvs ...string) Gauge         { return nil }
func (v *GaugeVec) With(labels Labels) Gauge                    { return nil }
func (v *GaugeVec) GetMetricWithLabelValues(lvs ...string) (Gauge, error) {
	return nil, nil
}
func (v *GaugeVec) GetMetricWith(labels Labels) (Gauge, error) { return nil, nil }
func (v *GaugeVec) CurryWith(labels Labels) (*GaugeVec, error) { return v, nil }
func (v *GaugeVec) MustCurryWith(labels Labels) *GaugeVec      { return v }

// ObserverVec is an interface implemented by HistogramVec and SummaryVec.
type ObserverVec interface {
	GetMetricWith(Labels) (Observer, error)
	GetMetricWithLabelValues(lvs ...string) (Observer, error)
	With(Labels) Observer
	WithLabelValues(...string) Observer
	CurryWith(Labels) (ObserverVec, error)
	MustCurryWith(Labels) ObserverVec
}

// HistogramVec is a Collector that bundles a set of Histograms.
type HistogramVec struct{ *MetricVec }

func NewHistogramVec(opts HistogramOpts, labelNames []string) *HistogramVec { return &HistogramVec{} }
func (v *HistogramVec) WithLabelValues(lvs ...string) Observer              { return nil }
func (v *HistogramVec) With(labels Labels) Observer                         { return nil }
func (v *HistogramVec) GetMetricWithLabelValues(lvs ...string) (Observer, error) {
	return nil, nil
}
func (v *HistogramVec) GetMetricWith(labels Labels) (Observer, error) { return nil, nil }
func (v *HistogramVec) CurryWith(labels Labels) (ObserverVec, error)  { return nil, nil }
func (v *HistogramVec) MustCurryWith(labels Labels) ObserverVec       { return nil }

// SummaryVec is a Collector that bundles a set of Summaries.
type SummaryVec struct{ *MetricVec }

func NewSummaryVec(opts SummaryOpts, labelNames []string) *SummaryVec { return &SummaryVec{} }
func (v *SummaryVec) WithLabelValues(lvs ...string) Observer          { return nil }
func (v *SummaryVec) With(labels Labels) Observer                     { return nil }
