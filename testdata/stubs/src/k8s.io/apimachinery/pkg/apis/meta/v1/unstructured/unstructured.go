// Package unstructured is a stub of k8s.io/apimachinery/pkg/apis/meta/v1/unstructured for tests.
package unstructured

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
)

// Unstructured allows objects that do not have Golang structs registered to be manipulated
// generically.
type Unstructured struct {
	Object map[string]interface{}
}

var _ metav1.Object = &Unstructured{}
var _ runtime.Unstructured = &Unstructured{}

func (obj *Unstructured) GetObjectKind() schema.ObjectKind                              { return obj }
func (obj *Unstructured) IsList() bool                                                  { return false }
func (obj *Unstructured) ToList() (*UnstructuredList, error)                            { return nil, nil }
func (obj *Unstructured) EachListItem(fn func(runtime.Object) error) error              { return nil }
func (obj *Unstructured) EachListItemWithAlloc(fn func(runtime.Object) error) error     { return nil }
func (obj *Unstructured) UnstructuredContent() map[string]interface{}                   { return nil }
func (obj *Unstructured) SetUnstructuredContent(content map[string]interface{})         {}
func (in *Unstructured) NewEmptyInstance() runtime.Unstructured                         { return nil }
func (in *Unstructured) DeepCopy() *Unstructured                                        { return nil }
func (in *Unstructured) DeepCopyInto(out *Unstructured)                                 {}
func (in *Unstructured) DeepCopyObject() runtime.Object                                 { return nil }
func (u *Unstructured) MarshalJSON() ([]byte, error)                                    { return nil, nil }
func (u *Unstructured) UnmarshalJSON(b []byte) error                                    { return nil }
func (u *Unstructured) GetOwnerReferences() []metav1.OwnerReference                     { return nil }
func (u *Unstructured) SetOwnerReferences(references []metav1.OwnerReference)           {}
func (u *Unstructured) GetAPIVersion() string                                           { return "" }
func (u *Unstructured) SetAPIVersion(version string)                                    {}
func (u *Unstructured) GetKind() string                                                 { return "" }
func (u *Unstructured) SetKind(kind string)                                             {}
func (u *Unstructured) GetNamespace() string                                            { return "" }
func (u *Unstructured) SetNamespace(namespace string)                                   {}
func (u *Unstructured) GetName() string                                                 { return "" }
func (u *Unstructured) SetName(name string)                                             {}
func (u *Unstructured) GetGenerateName() string                                         { return "" }
func (u *Unstructured) SetGenerateName(generateName string)                             {}
func (u *Unstructured) GetUID() types.UID                                               { return "" }
func (u *Unstructured) SetUID(uid types.UID)                                            {}
func (u *Unstructured) GetResourceVersion() string                                      { return "" }
func (u *Unstructured) SetResourceVersion(resourceVersion string)                       {}
func (u *Unstructured) GetGeneration() int64                                            { return 0 }
func (u *Unstructured) SetGeneration(generation int64)                                  {}
func (u *Unstructured) GetSelfLink() string                                             { return "" }
func (u *Unstructured) SetSelfLink(selfLink string)                                     {}
func (u *Unstructured) GetContinue() string                                             { return "" }
func (u *Unstructured) SetContinue(c string)                                            {}
func (u *Unstructured) GetRemainingItemCount() *int64                                   { return nil }
func (u *Unstructured) SetRemainingItemCount(c *int64)                                  {}
func (u *Unstructured) GetCreationTimestamp() metav1.Time                               { return metav1.Time{} }
func (u *Unstructured) SetCreationTimestamp(timestamp metav1.Time)                      {}
func (u *Unstructured) GetDeletionTimestamp() *metav1.Time                              { return nil }
func (u *Unstructured) SetDeletionTimestamp(timestamp *metav1.Time)                     {}
func (u *Unstructured) GetDeletionGracePeriodSeconds() *int64                           { return nil }
func (u *Unstructured) SetDeletionGracePeriodSeconds(deletionGracePeriodSeconds *int64) {}
func (u *Unstructured) GetLabels() map[string]string                                    { return nil }
func (u *Unstructured) SetLabels(labels map[string]string)                              {}
func (u *Unstructured) GetAnnotations() map[string]string                               { return nil }
func (u *Unstructured) SetAnnotations(annotations map[string]string)                    {}
func (u *Unstructured) SetGroupVersionKind(gvk schema.GroupVersionKind)                 {}
func (u *Unstructured) GroupVersionKind() schema.GroupVersionKind                       { return schema.GroupVersionKind{} }
func (u *Unstructured) GetFinalizers() []string                                         { return nil }
func (u *Unstructured) SetFinalizers(finalizers []string)                               {}
func (u *Unstructured) GetManagedFields() []metav1.ManagedFieldsEntry                   { return nil }
func (u *Unstructured) SetManagedFields(managedFields []metav1.ManagedFieldsEntry)      {}

// UnstructuredList allows lists that do not have Golang structs
// registered to be manipulated generically.
type UnstructuredList struct {
	Object map[string]interface{}

	// Items is a list of unstructured objects.
	Items []Unstructured `json:"items"`
}

var _ metav1.ListInterface = &UnstructuredList{}
var _ runtime.Unstructured = &UnstructuredList{}

func (u *UnstructuredList) GetObjectKind() schema.ObjectKind                          { return u }
func (u *UnstructuredList) IsList() bool                                              { return true }
func (u *UnstructuredList) EachListItem(fn func(runtime.Object) error) error          { return nil }
func (u *UnstructuredList) EachListItemWithAlloc(fn func(runtime.Object) error) error { return nil }
func (u *UnstructuredList) NewEmptyInstance() runtime.Unstructured                    { return nil }
func (u *UnstructuredList) UnstructuredContent() map[string]interface{}               { return nil }
func (obj *UnstructuredList) SetUnstructuredContent(content map[string]interface{})   {}
func (u *UnstructuredList) DeepCopy() *UnstructuredList                               { return nil }
func (in *UnstructuredList) DeepCopyInto(out *UnstructuredList)                       {}
func (in *UnstructuredList) DeepCopyObject() runtime.Object                           { return nil }
func (u *UnstructuredList) MarshalJSON() ([]byte, error)                              { return nil, nil }
func (u *UnstructuredList) UnmarshalJSON(b []byte) error                              { return nil }
func (u *UnstructuredList) GetAPIVersion() string                                     { return "" }
func (u *UnstructuredList) SetAPIVersion(version string)                              {}
func (u *UnstructuredList) GetKind() string                                           { return "" }
func (u *UnstructuredList) SetKind(kind string)                                       {}
func (u *UnstructuredList) GetResourceVersion() string                                { return "" }
func (u *UnstructuredList) SetResourceVersion(version string)                         {}
func (u *UnstructuredList) GetSelfLink() string                                       { return "" }
func (u *UnstructuredList) SetSelfLink(selfLink string)                               {}
func (u *UnstructuredList) GetContinue() string                                       { return "" }
func (u *UnstructuredList) SetContinue(c string)                                      {}
func (u *UnstructuredList) GetRemainingItemCount() *int64                             { return nil }
func (u *UnstructuredList) SetRemainingItemCount(c *int64)                            {}
func (u *UnstructuredList) SetGroupVersionKind(gvk schema.GroupVersionKind)           {}
func (u *UnstructuredList) GroupVersionKind() schema.GroupVersionKind {
	return schema.GroupVersionKind{}
}
