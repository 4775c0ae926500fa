// Package events is a stub of k8s.io/client-go/tools/events for tests.
package events

import (
	internalevents "k8s.io/client-go/tools/internal/events"
)

// EventRecorder knows how to record events on behalf of an EventSource.
type EventRecorder = internalevents.EventRecorder

// EventRecorderLogger extends EventRecorder such that a logger can
// be set for methods in EventRecorder.
type EventRecorderLogger = internalevents.EventRecorderLogger

// AnnotatedEventRecorder knows how to record events with annotations.
type AnnotatedEventRecorder = internalevents.AnnotatedEventRecorder
