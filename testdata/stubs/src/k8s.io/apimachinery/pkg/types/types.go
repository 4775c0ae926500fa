// Package types is a stub of k8s.io/apimachinery/pkg/types for tests.
package types

// UID is a type that holds unique ID values.
type UID string

// NamespacedName comprises a resource name, with a mandatory namespace.
type NamespacedName struct {
	Namespace string
	Name      string
}

// Separator is the default separation character used in String().
const Separator = '/'

func (n NamespacedName) String() string { return n.Namespace + string(Separator) + n.Name }

func (n NamespacedName) MarshalLog() interface{} { return nil }

// PatchType is the type of patch being used to represent a mutated object.
type PatchType string

const (
	JSONPatchType           PatchType = "application/json-patch+json"
	MergePatchType          PatchType = "application/merge-patch+json"
	StrategicMergePatchType PatchType = "application/strategic-merge-patch+json"
	ApplyPatchType          PatchType = ApplyYAMLPatchType
	ApplyYAMLPatchType      PatchType = "application/apply-patch+yaml"
	ApplyCBORPatchType      PatchType = "application/apply-patch+cbor"
)
