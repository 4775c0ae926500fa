// Package client is a stub of sigs.k8s.io/controller-runtime/pkg/client for tests.
package client

import (
	"context"
	"net/http"

	"github.com/go-logr/logr"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/rest"
	"sigs.k8s.io/controller-runtime/pkg/cache/cacheapi"
)

// ---- object.go ----

// Object is a Kubernetes object, allows functions to work indistinctly with
// any resource that implements both Object interfaces.
type Object = cacheapi.Object

// ObjectList is a Kubernetes object list, allows functions to work
// indistinctly with any resource that implements both runtime.Object and
// metav1.ListInterface interfaces.
type ObjectList interface {
	metav1.ListInterface
	runtime.Object
}

// ---- interfaces.go ----

// ObjectKey identifies a Kubernetes Object.
type ObjectKey = types.NamespacedName

// ObjectKeyFromObject returns the ObjectKey given a runtime.Object.
func ObjectKeyFromObject(obj Object) ObjectKey { return ObjectKey{} }

// Patch is a patch that can be applied to a Kubernetes object.
type Patch interface {
	Type() types.PatchType
	Data(obj Object) ([]byte, error)
}

// Reader knows how to read and list Kubernetes objects.
type Reader interface {
	Get(ctx context.Context, key ObjectKey, obj Object, opts ...GetOption) error
	List(ctx context.Context, list ObjectList, opts ...ListOption) error
}

// Writer knows how to create, delete, and update Kubernetes objects.
type Writer interface {
	Apply(ctx context.Context, obj runtime.ApplyConfiguration, opts ...ApplyOption) error
	Create(ctx context.Context, obj Object, opts ...CreateOption) error
	Delete(ctx context.Context, obj Object, opts ...DeleteOption) error
	Update(ctx context.Context, obj Object, opts ...UpdateOption) error
	Patch(ctx context.Context, obj Object, patch Patch, opts ...PatchOption) error
	DeleteAllOf(ctx context.Context, obj Object, opts ...DeleteAllOfOption) error
}

// StatusClient knows how to create a client which can update status subresource
// for kubernetes objects.
type StatusClient interface {
	Status() SubResourceWriter
}

// SubResourceClientConstructor knows how to create a client which can update subresource
// for kubernetes objects.
type SubResourceClientConstructor interface {
	SubResource(subResource string) SubResourceClient
}

// StatusWriter is kept for backward compatibility.
type StatusWriter = SubResourceWriter

// SubResourceReader knows how to read SubResources
type SubResourceReader interface {
	Get(ctx context.Context, obj Object, subResource Object, opts ...SubResourceGetOption) error
}

// SubResourceWriter knows how to update subresource of a Kubernetes object.
type SubResourceWriter interface {
	Create(ctx context.Context, obj Object, subResource Object, opts ...SubResourceCreateOption) error
	Update(ctx context.Context, obj Object, opts ...SubResourceUpdateOption) error
	Patch(ctx context.Context, obj Object, patch Patch, opts ...SubResourcePatchOption) error
	Apply(ctx context.Context, obj runtime.ApplyConfiguration, opts ...SubResourceApplyOption) error
}

// SubResourceClient knows how to perform CRU operations on Kubernetes objects.
type SubResourceClient interface {
	SubResourceReader
	SubResourceWriter
}

// Client knows how to perform CRUD operations on Kubernetes objects.
type Client interface {
	Reader
	Writer
	StatusClient
	SubResourceClientConstructor
	Scheme() *runtime.Scheme
	RESTMapper() meta.RESTMapper
	GroupVersionKindFor(obj runtime.Object) (schema.GroupVersionKind, error)
	IsObjectNamespaced(obj runtime.Object) (bool, error)
}

// WithWatch supports Watch on top of the CRUD operations supported by
// the normal Client.
type WithWatch interface {
	Client
	Watch(ctx context.Context, obj ObjectList, opts ...ListOption) (watch.Interface, error)
}

// IndexerFunc knows how to take an object and turn it into a series
// of non-namespaced keys.
type IndexerFunc = cacheapi.IndexerFunc

// FieldIndexer knows how to index over a particular "field".
type FieldIndexer = cacheapi.FieldIndexer

// IgnoreNotFound returns nil on NotFound errors.
func IgnoreNotFound(err error) error { return err }

// IgnoreAlreadyExists returns nil on AlreadyExists errors.
func IgnoreAlreadyExists(err error) error { return err }

// ---- client.go ----

// Options are creation options for a Client.
type Options struct {
	HTTPClient      *http.Client
	Scheme          *runtime.Scheme
	Mapper          meta.RESTMapper
	Cache           *CacheOptions
	DryRun          *bool
	FieldOwner      string
	FieldValidation string
	Log             logr.Logger
}

// CacheOptions are options for creating a cache-backed client.
type CacheOptions struct {
	Reader       Reader
	DisableFor   []Object
	Unstructured bool
	// EnableReadYourWritesConsistency controls if read requests against the cache will
	// wait for the cache to have observed the writes made by this client.
	EnableReadYourWritesConsistency *bool
}

// NewClientFunc allows a user to define how to create a client.
type NewClientFunc func(config *rest.Config, options Options) (Client, error)

// New returns a new Client using the provided config and Options.
func New(config *rest.Config, options Options) (Client, error) { return nil, nil }

// NewWithWatch returns a new WithWatch.
func NewWithWatch(config *rest.Config, options Options) (WithWatch, error) { return nil, nil }

// SubResourceGetOptions holds all the possible configuration
// for a subresource Get request.
type SubResourceGetOptions struct {
	Raw *metav1.GetOptions
}

// SubResourceUpdateOptions holds all the possible configuration
// for a subresource update request.
type SubResourceUpdateOptions struct {
	UpdateOptions
	SubResourceBody Object
}

// SubResourceCreateOptions are all the possible configurations for a subresource
// create request.
type SubResourceCreateOptions struct {
	CreateOptions
}

// SubResourcePatchOptions holds all possible configurations for a subresource patch
// request.
type SubResourcePatchOptions struct {
	PatchOptions
	SubResourceBody Object
}

// SubResourceApplyOptions are the options for a subresource
// apply request.
type SubResourceApplyOptions struct {
	ApplyOptions
	SubResourceBody runtime.ApplyConfiguration
}

// ---- patch.go ----

var (
	// Apply uses server-side apply semantic to control field ownership.
	//
	// Deprecated: Use client.Client.Apply() and client.Client.SubResource("subrsource").Apply() instead.
	Apply Patch = applyPatch{}

	// Merge uses the raw object as a merge patch, without modifications.
	Merge Patch = mergePatch{}
)

type applyPatch struct{}

func (applyPatch) Type() types.PatchType           { return types.ApplyPatchType }
func (applyPatch) Data(obj Object) ([]byte, error) { return nil, nil }

type mergePatch struct{}

func (mergePatch) Type() types.PatchType           { return types.MergePatchType }
func (mergePatch) Data(obj Object) ([]byte, error) { return nil, nil }

// RawPatch constructs a new Patch with the given PatchType and data.
func RawPatch(patchType types.PatchType, data []byte) Patch { return nil }

// MergeFrom creates a Patch that patches using the merge-patch strategy with the given object as base.
func MergeFrom(obj Object) Patch { return nil }

// ---- options.go ----

type CreateOption interface {
	ApplyToCreate(*CreateOptions)
}

type DeleteOption interface {
	ApplyToDelete(*DeleteOptions)
}

type GetOption interface {
	ApplyToGet(*GetOptions)
}

type ListOption interface {
	ApplyToList(*ListOptions)
}

type UpdateOption interface {
	ApplyToUpdate(*UpdateOptions)
}

type PatchOption interface {
	ApplyToPatch(*PatchOptions)
}

type ApplyOption interface {
	ApplyToApply(*ApplyOptions)
}

type DeleteAllOfOption interface {
	ApplyToDeleteAllOf(*DeleteAllOfOptions)
}

type SubResourceGetOption interface {
	ApplyToSubResourceGet(*SubResourceGetOptions)
}

type SubResourceUpdateOption interface {
	ApplyToSubResourceUpdate(*SubResourceUpdateOptions)
}

type SubResourceCreateOption interface {
	ApplyToSubResourceCreate(*SubResourceCreateOptions)
}

type SubResourcePatchOption interface {
	ApplyToSubResourcePatch(*SubResourcePatchOptions)
}

type SubResourceApplyOption interface {
	ApplyToSubResourceApply(*SubResourceApplyOptions)
}

// DryRunAll sets the "dry run" option to "all", executing all
// validation, etc without persisting the change to storage.
var DryRunAll = dryRunAll{}

type dryRunAll struct{}

func (dryRunAll) ApplyToCreate(opts *CreateOptions)                       {}
func (dryRunAll) ApplyToUpdate(opts *UpdateOptions)                       {}
func (dryRunAll) ApplyToPatch(opts *PatchOptions)                         {}
func (dryRunAll) ApplyToApply(opts *ApplyOptions)                         {}
func (dryRunAll) ApplyToDelete(opts *DeleteOptions)                       {}
func (dryRunAll) ApplyToDeleteAllOf(opts *DeleteAllOfOptions)             {}
func (dryRunAll) ApplyToSubResourceCreate(opts *SubResourceCreateOptions) {}
func (dryRunAll) ApplyToSubResourceUpdate(opts *SubResourceUpdateOptions) {}
func (dryRunAll) ApplyToSubResourcePatch(opts *SubResourcePatchOptions)   {}
func (dryRunAll) ApplyToSubResourceApply(opts *SubResourceApplyOptions)   {}

// FieldOwner set the field manager name for the given server-side apply patch.
type FieldOwner string

func (f FieldOwner) ApplyToPatch(opts *PatchOptions)                         {}
func (f FieldOwner) ApplyToCreate(opts *CreateOptions)                       {}
func (f FieldOwner) ApplyToUpdate(opts *UpdateOptions)                       {}
func (f FieldOwner) ApplyToApply(opts *ApplyOptions)                         {}
func (f FieldOwner) ApplyToSubResourcePatch(opts *SubResourcePatchOptions)   {}
func (f FieldOwner) ApplyToSubResourceCreate(opts *SubResourceCreateOptions) {}
func (f FieldOwner) ApplyToSubResourceUpdate(opts *SubResourceUpdateOptions) {}
func (f FieldOwner) ApplyToSubResourceApply(opts *SubResourceApplyOptions)   {}

// CreateOptions contains options for create requests.
type CreateOptions struct {
	DryRun                           []string
	FieldManager                     string
	FieldValidation                  string
	DisableReadYourWritesConsistency bool
	Raw                              *metav1.CreateOptions
}

func (o *CreateOptions) AsCreateOptions() *metav1.CreateOptions          { return nil }
func (o *CreateOptions) ApplyOptions(opts []CreateOption) *CreateOptions { return o }
func (o *CreateOptions) ApplyToCreate(co *CreateOptions)                 {}

// DeleteOptions contains options for delete requests.
type DeleteOptions struct {
	GracePeriodSeconds               *int64
	Preconditions                    *metav1.Preconditions
	PropagationPolicy                *metav1.DeletionPropagation
	DisableReadYourWritesConsistency bool
	Raw                              *metav1.DeleteOptions
	DryRun                           []string
}

func (o *DeleteOptions) AsDeleteOptions() *metav1.DeleteOptions          { return nil }
func (o *DeleteOptions) ApplyOptions(opts []DeleteOption) *DeleteOptions { return o }
func (o *DeleteOptions) ApplyToDelete(do *DeleteOptions)                 {}

// GracePeriodSeconds sets the grace period for the deletion.
type GracePeriodSeconds int64

func (s GracePeriodSeconds) ApplyToDelete(opts *DeleteOptions)           {}
func (s GracePeriodSeconds) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}

// Preconditions must be fulfilled before an operation (update, delete, etc.) is carried out.
type Preconditions metav1.Preconditions

func (p Preconditions) ApplyToDelete(opts *DeleteOptions)           {}
func (p Preconditions) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}

// PropagationPolicy determined whether and how garbage collection will be
// performed.
type PropagationPolicy metav1.DeletionPropagation

func (p PropagationPolicy) ApplyToDelete(opts *DeleteOptions)           {}
func (p PropagationPolicy) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}

// GetOptions contains options for get operation.
type GetOptions struct {
	Raw                              *metav1.GetOptions
	UnsafeDisableDeepCopy            *bool
	DisableReadYourWritesConsistency bool
}

func (o *GetOptions) ApplyToGet(lo *GetOptions)                 {}
func (o *GetOptions) AsGetOptions() *metav1.GetOptions          { return nil }
func (o *GetOptions) ApplyOptions(opts []GetOption) *GetOptions { return o }

// ListOptions contains options for limiting or filtering results.
type ListOptions struct {
	LabelSelector                    labels.Selector
	FieldSelector                    fields.Selector
	Namespace                        string
	Limit                            int64
	Continue                         string
	UnsafeDisableDeepCopy            *bool
	DisableReadYourWritesConsistency bool
	Raw                              *metav1.ListOptions
}

func (o *ListOptions) ApplyToList(lo *ListOptions)                 {}
func (o *ListOptions) AsListOptions() *metav1.ListOptions          { return nil }
func (o *ListOptions) ApplyOptions(opts []ListOption) *ListOptions { return o }

// MatchingLabels filters the list/delete operation on the given set of labels.
type MatchingLabels map[string]string

func (m MatchingLabels) ApplyToList(opts *ListOptions)               {}
func (m MatchingLabels) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}

// HasLabels filters the list/delete operation checking if the set of labels exists
// without checking their values.
type HasLabels []string

func (m HasLabels) ApplyToList(opts *ListOptions)               {}
func (m HasLabels) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}

// MatchingLabelsSelector filters the list/delete operation on the given label
// selector (or index in the case of cached lists).
type MatchingLabelsSelector struct {
	labels.Selector
}

func (m MatchingLabelsSelector) ApplyToList(opts *ListOptions)               {}
func (m MatchingLabelsSelector) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}

// MatchingFields filters the list/delete operation on the given field Set
// (or index in the case of cached lists).
type MatchingFields fields.Set

func (m MatchingFields) ApplyToList(opts *ListOptions)               {}
func (m MatchingFields) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}

// MatchingFieldsSelector filters the list/delete operation on the given field
// selector (or index in the case of cached lists).
type MatchingFieldsSelector struct {
	fields.Selector
}

func (m MatchingFieldsSelector) ApplyToList(opts *ListOptions)               {}
func (m MatchingFieldsSelector) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}

// InNamespace restricts the list/delete operation to the given namespace.
type InNamespace string

func (n InNamespace) ApplyToList(opts *ListOptions)               {}
func (n InNamespace) ApplyToDeleteAllOf(opts *DeleteAllOfOptions) {}
func (n InNamespace) AsSelector() fields.Selector                 { return nil }

// Limit specifies the maximum number of results to return from the server.
type Limit int64

func (l Limit) ApplyToList(opts *ListOptions) {}

// UnsafeDisableDeepCopyOption indicates not to deep copy objects during list objects.
type UnsafeDisableDeepCopyOption bool

func (d UnsafeDisableDeepCopyOption) ApplyToGet(opts *GetOptions)   {}
func (d UnsafeDisableDeepCopyOption) ApplyToList(opts *ListOptions) {}

// UnsafeDisableDeepCopy indicates not to deep copy objects during list objects.
const UnsafeDisableDeepCopy = UnsafeDisableDeepCopyOption(true)

// Continue sets a continuation token to retrieve chunks of results when using limit.
type Continue string

func (c Continue) ApplyToList(opts *ListOptions) {}

// UpdateOptions contains options for create requests.
type UpdateOptions struct {
	DryRun                           []string
	FieldManager                     string
	FieldValidation                  string
	DisableReadYourWritesConsistency bool
	Raw                              *metav1.UpdateOptions
}

func (o *UpdateOptions) AsUpdateOptions() *metav1.UpdateOptions          { return nil }
func (o *UpdateOptions) ApplyOptions(opts []UpdateOption) *UpdateOptions { return o }
func (o *UpdateOptions) ApplyToUpdate(uo *UpdateOptions)                 {}

// PatchOptions contains options for patch requests.
type PatchOptions struct {
	DryRun                           []string
	Force                            *bool
	FieldManager                     string
	FieldValidation                  string
	DisableReadYourWritesConsistency bool
	Raw                              *metav1.PatchOptions
}

func (o *PatchOptions) ApplyOptions(opts []PatchOption) *PatchOptions { return o }
func (o *PatchOptions) AsPatchOptions() *metav1.PatchOptions          { return nil }
func (o *PatchOptions) ApplyToPatch(po *PatchOptions)                 {}

// ForceOwnership indicates that in case of conflicts with server-side apply,
// the client should acquire ownership of the conflicting field.
var ForceOwnership = forceOwnership{}

type forceOwnership struct{}

func (forceOwnership) ApplyToPatch(opts *PatchOptions)                       {}
func (forceOwnership) ApplyToSubResourcePatch(opts *SubResourcePatchOptions) {}
func (forceOwnership) ApplyToApply(opts *ApplyOptions)                       {}
func (forceOwnership) ApplyToSubResourceApply(opts *SubResourceApplyOptions) {}

// DeleteAllOfOptions contains options for deletecollection (deleteallof) requests.
type DeleteAllOfOptions struct {
	ListOptions
	DeleteOptions
}

func (o *DeleteAllOfOptions) ApplyOptions(opts []DeleteAllOfOption) *DeleteAllOfOptions { return o }
func (o *DeleteAllOfOptions) ApplyToDeleteAllOf(do *DeleteAllOfOptions)                 {}

// ApplyOptions are the options for an apply request.
type ApplyOptions struct {
	DryRun                           []string
	Force                            *bool
	FieldManager                     string
	DisableReadYourWritesConsistency bool
}

func (o *ApplyOptions) ApplyOptions(opts []ApplyOption) *ApplyOptions { return o }
func (o *ApplyOptions) ApplyToApply(opts *ApplyOptions)               {}
func (o *ApplyOptions) AsPatchOptions() *metav1.PatchOptions          { return nil }
