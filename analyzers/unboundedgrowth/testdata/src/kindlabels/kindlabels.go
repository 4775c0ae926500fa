// Package kindlabels: event counters labelled with the object's kind (a
// closed set, through a helper of another package or of this one) stay
// silent; one labelled with the object's name does not.
package kindlabels

import (
	"example.com/kinds"

	"github.com/prometheus/client_golang/prometheus"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

type EventRecorder struct {
	Counter *prometheus.CounterVec
	ByName  *prometheus.CounterVec
	Local   *prometheus.CounterVec
}

func (e *EventRecorder) OnAdd(obj any, isInInitialList bool) {
	e.Counter.WithLabelValues("add", kinds.KindOf(obj)).Inc()
	e.Local.WithLabelValues(kindOf(obj)).Inc()
	e.ByName.WithLabelValues(kinds.NameOf(obj)).Inc() // want `metric vector EventRecorder.ByName grows per event without bound`
}

func (e *EventRecorder) OnUpdate(oldObj, newObj any) {}

func (e *EventRecorder) OnDelete(obj any) {}

// kindOf is this package's own helper.
func kindOf(obj any) string {
	if u, ok := obj.(*unstructured.Unstructured); ok {
		return u.GetKind()
	}
	return "unknown"
}
