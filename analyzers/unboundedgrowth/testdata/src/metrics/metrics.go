package metrics // want package:"releases\\(metrics.fixedReady\\)"

import (
	"context"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promauto"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	ctrlmetrics "sigs.k8s.io/controller-runtime/pkg/metrics"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

var (
	objectReady = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "object_ready"}, []string{"namespace", "name"})
	fixedReady  = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "fixed_ready"}, []string{"namespace", "name"})
	reconciles  = promauto.NewCounterVec(prometheus.CounterOpts{Name: "reconciles"}, []string{"result"})
	phaseGauge  = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "phase"}, []string{"phase"})
	addTotal    = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "adds"}, []string{"name"})
	syncLatency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "sync"}, []string{"controller", "namespace", "name"})
)

func init() {
	ctrlmetrics.Registry.MustRegister(objectReady, fixedReady, phaseGauge, addTotal, syncLatency)
}

type Phase string

const (
	Pending Phase = "Pending"
	Ready   Phase = "Ready"
)

type Reconciler struct{ client client.Client }

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	objectReady.WithLabelValues(req.Namespace, req.Name).Set(1)                                                         // want `metric vector objectReady grows per reconcile without bound: Reconciler.Reconcile makes a series per label value from the event's data \(Reconciler.Reconcile runs per reconcile\), and no code in sight deletes its series`
	reconciles.WithLabelValues("success").Inc()                                                                         // ok: a constant label
	reconciles.WithLabelValues(strconv.FormatBool(true)).Inc()                                                          // ok: a closed set
	phaseGauge.WithLabelValues(string(Ready)).Set(1)                                                                    // ok: an enum
	syncLatency.MustCurryWith(prometheus.Labels{"controller": "x"}).WithLabelValues(req.Namespace, req.Name).Observe(1) // want `metric vector syncLatency grows per reconcile`
	return reconcile.Result{}, nil
}

// Fixed deletes the object's series when it is gone.
type Fixed struct{ client client.Client }

func (r *Fixed) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var obj client.Object
	if err := r.client.Get(ctx, req.NamespacedName, obj); err != nil {
		if apierrors.IsNotFound(err) {
			fixedReady.DeleteLabelValues(req.Namespace, req.Name)
		}
		return reconcile.Result{}, err
	}
	fixedReady.WithLabelValues(req.Namespace, req.Name).Set(1) // ok: deleted on NotFound
	return reconcile.Result{}, nil
}

func Watch(inf cache.SharedIndexInformer) {
	inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			o := obj.(client.Object)
			addTotal.With(prometheus.Labels{"name": o.GetName()}).Inc() // want `metric vector addTotal grows per event`
		},
	})
}

// Setup reports a phase once: not recurring.
func Setup(name string) { // want Setup:"grows\\(objectReady\\)"
	objectReady.WithLabelValues("setup", name).Set(0) // ok: per call of Setup, not per event
}
