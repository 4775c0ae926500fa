// Package scheme is a stub of sigs.k8s.io/controller-runtime/pkg/scheme for tests.
package scheme

import (
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
)

// Builder builds a new Scheme for mapping go types to Kubernetes GroupVersionKinds.
//
// Deprecated: This helper is only useful in api packages, but api packages should be
// easy to import and hence have minimal dependencies. Typically, these dependencies
// include only the standard library, k8s.io/apimachinery and other api packages.
type Builder struct {
	GroupVersion schema.GroupVersion
	runtime.SchemeBuilder
}

func (bld *Builder) Register(object ...runtime.Object) *Builder { return bld }
func (bld *Builder) RegisterAll(b *Builder) *Builder            { return bld }
func (bld *Builder) AddToScheme(s *runtime.Scheme) error        { return nil }
func (bld *Builder) Build() (*runtime.Scheme, error)            { return nil, nil }
