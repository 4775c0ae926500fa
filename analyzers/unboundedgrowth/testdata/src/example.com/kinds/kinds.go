// Package kinds names an object's kind for labels, the way Contour's
// k8s.KindOf does: whatever the object, the answer is one of the
// cluster's kinds.
package kinds

import (
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
)

var scheme = runtime.NewScheme()

type Secret struct{ runtime.Object }

func KindOf(obj any) string { // want KindOf:"closed"
	object, ok := obj.(runtime.Object)
	if !ok {
		return ""
	}
	gvks, _, err := scheme.ObjectKinds(object)
	if err != nil {
		switch obj := obj.(type) {
		case *Secret:
			return "Secret"
		case *unstructured.Unstructured:
			return obj.GetKind()
		default:
			return ""
		}
	}
	for _, gvk := range gvks {
		return gvk.GroupKind().Kind
	}
	return ""
}

// NameOf is the object's name: it grows with the objects seen.
func NameOf(obj any) string {
	if u, ok := obj.(*unstructured.Unstructured); ok {
		return u.GetName()
	}
	return KindOf(obj)
}
