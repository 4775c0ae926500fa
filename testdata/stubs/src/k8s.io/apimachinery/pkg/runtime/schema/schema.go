// Package schema is a stub of k8s.io/apimachinery/pkg/runtime/schema for tests.
package schema

// ObjectKind is used by serialization to set type information.
type ObjectKind interface {
	SetGroupVersionKind(kind GroupVersionKind)
	GroupVersionKind() GroupVersionKind
}

// EmptyObjectKind implements the ObjectKind interface as a noop.
var EmptyObjectKind = emptyObjectKind{}

type emptyObjectKind struct{}

func (emptyObjectKind) SetGroupVersionKind(gvk GroupVersionKind) {}
func (emptyObjectKind) GroupVersionKind() GroupVersionKind       { return GroupVersionKind{} }

type GroupResource struct {
	Group    string
	Resource string
}

func (gr GroupResource) WithVersion(version string) GroupVersionResource {
	return GroupVersionResource{Group: gr.Group, Version: version, Resource: gr.Resource}
}
func (gr GroupResource) String() string { return "" }

type GroupVersionResource struct {
	Group    string
	Version  string
	Resource string
}

func (gvr GroupVersionResource) Empty() bool                  { return false }
func (gvr GroupVersionResource) GroupResource() GroupResource { return GroupResource{} }
func (gvr GroupVersionResource) GroupVersion() GroupVersion   { return GroupVersion{} }
func (gvr GroupVersionResource) String() string               { return "" }

type GroupKind struct {
	Group string
	Kind  string
}

func (gk GroupKind) Empty() bool                                 { return false }
func (gk GroupKind) WithVersion(version string) GroupVersionKind { return GroupVersionKind{} }
func (gk GroupKind) String() string                              { return "" }

type GroupVersionKind struct {
	Group   string
	Version string
	Kind    string
}

func (gvk GroupVersionKind) Empty() bool                           { return false }
func (gvk GroupVersionKind) GroupKind() GroupKind                  { return GroupKind{} }
func (gvk GroupVersionKind) GroupVersion() GroupVersion            { return GroupVersion{} }
func (gvk GroupVersionKind) String() string                        { return "" }
func (gvk GroupVersionKind) ToAPIVersionAndKind() (string, string) { return "", "" }

type GroupVersion struct {
	Group   string
	Version string
}

func (gv GroupVersion) Empty() bool                           { return false }
func (gv GroupVersion) String() string                        { return "" }
func (gv GroupVersion) WithKind(kind string) GroupVersionKind { return GroupVersionKind{} }
func (gv GroupVersion) WithResource(resource string) GroupVersionResource {
	return GroupVersionResource{}
}

func FromAPIVersionAndKind(apiVersion, kind string) GroupVersionKind { return GroupVersionKind{} }

func ParseGroupVersion(gv string) (GroupVersion, error) { return GroupVersion{}, nil }
