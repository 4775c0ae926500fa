// Package recorder is a stub of sigs.k8s.io/controller-runtime/pkg/recorder for tests.
package recorder

import (
	"k8s.io/client-go/tools/events"
	"k8s.io/client-go/tools/record"
)

// EventRecorder is an events.k8s.io/v1 event recorder.
type EventRecorder interface {
	events.EventRecorder
	events.AnnotatedEventRecorder
}

// Provider knows how to generate new event recorders with given name.
type Provider interface {
	// GetEventRecorderFor returns an EventRecorder for the old events API.
	//
	// Deprecated: this uses the old events API and will be removed in a future release. Please use GetEventRecorder instead.
	GetEventRecorderFor(name string) record.EventRecorder
	// GetEventRecorder returns an EventRecorder with given name.
	GetEventRecorder(name string) EventRecorder
}
