// Package conversion is a stub of sigs.k8s.io/controller-runtime/pkg/webhook/conversion for tests.
package conversion

import (
	"context"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// Converter is a converter for a GroupKind.
type Converter interface {
	ConvertObject(ctx context.Context, src, dst runtime.Object) error
}

// Registry is a registry of converters.
type Registry interface {
	RegisterConverter(gk schema.GroupKind, converter Converter) error
	GetConverter(gk schema.GroupKind) (Converter, bool)
}

func NewRegistry() Registry { return nil }
