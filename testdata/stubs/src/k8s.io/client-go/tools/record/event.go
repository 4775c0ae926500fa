// Package record is a stub of k8s.io/client-go/tools/record for tests.
package record

import (
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/klog/v2"
)

// EventRecorder knows how to record events on behalf of an EventSource.
type EventRecorder interface {
	Event(object runtime.Object, eventtype, reason, message string)
	Eventf(object runtime.Object, eventtype, reason, messageFmt string, args ...interface{})
	AnnotatedEventf(object runtime.Object, annotations map[string]string, eventtype, reason, messageFmt string, args ...interface{})
}

// EventRecorderLogger extends EventRecorder such that a logger can
// be set for methods in EventRecorder.
type EventRecorderLogger interface {
	EventRecorder
	WithLogger(logger klog.Logger) EventRecorderLogger
}

// EventBroadcaster knows how to receive events and send them to any EventSink, watcher, or log
// (subset).
type EventBroadcaster interface {
	StartLogging(logf func(format string, args ...interface{})) watch.Interface
	StartStructuredLogging(verbosity int) watch.Interface
	NewRecorder(scheme *runtime.Scheme, source string) EventRecorderLogger
	Shutdown()
}

// BroadcasterOption configures a broadcaster.
type BroadcasterOption func(*struct{})

// NewBroadcaster creates a new event broadcaster; it starts a goroutine
// that lives until Shutdown.
func NewBroadcaster(opts ...BroadcasterOption) EventBroadcaster { return nil }
