// Package runtime is a stub of k8s.io/apimachinery/pkg/runtime for tests.
package runtime

import "k8s.io/apimachinery/pkg/runtime/schema"

// Object interface must be supported by all API types registered with Scheme.
type Object interface {
	GetObjectKind() schema.ObjectKind
	DeepCopyObject() Object
}

// Unstructured objects store values as an internal map.
type Unstructured interface {
	Object
	NewEmptyInstance() Unstructured
	UnstructuredContent() map[string]interface{}
	SetUnstructuredContent(map[string]interface{})
	IsList() bool
	EachListItem(func(Object) error) error
	EachListItemWithAlloc(func(Object) error) error
}

// Scheme defines methods for serializing and deserializing API objects.
type Scheme struct{}

func NewScheme() *Scheme { return &Scheme{} }

func (s *Scheme) AddKnownTypes(gv schema.GroupVersion, types ...Object) {}

func (s *Scheme) ObjectKinds(obj Object) ([]schema.GroupVersionKind, bool, error) {
	return nil, false, nil
}

func (s *Scheme) New(kind schema.GroupVersionKind) (Object, error) { return nil, nil }

// SchemeBuilder collects functions that add things to a scheme.
type SchemeBuilder []func(*Scheme) error

func (sb *SchemeBuilder) AddToScheme(s *Scheme) error { return nil }

func (sb *SchemeBuilder) Register(funcs ...func(*Scheme) error) {}

func NewSchemeBuilder(funcs ...func(*Scheme) error) SchemeBuilder { return nil }

// ApplyConfiguration is an interface that root apply configuration types implement.
type ApplyConfiguration interface {
	IsApplyConfiguration()
}
