// Package controllerutil is a stub of sigs.k8s.io/controller-runtime/pkg/controller/controllerutil for tests.
package controllerutil

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
)

// OwnerReferenceOption is a function that can modify a `OwnerReference`.
type OwnerReferenceOption func(*metav1.OwnerReference)

func WithBlockOwnerDeletion(blockOwnerDeletion bool) OwnerReferenceOption { return nil }

func SetControllerReference(owner, controlled metav1.Object, scheme *runtime.Scheme, opts ...OwnerReferenceOption) error {
	return nil
}

func SetOwnerReference(owner, object metav1.Object, scheme *runtime.Scheme, opts ...OwnerReferenceOption) error {
	return nil
}

// OperationResult is the action result of a CreateOrUpdate or CreateOrPatch call.
type OperationResult string

const (
	OperationResultNone              OperationResult = "unchanged"
	OperationResultCreated           OperationResult = "created"
	OperationResultUpdated           OperationResult = "updated"
	OperationResultUpdatedStatus     OperationResult = "updatedStatus"
	OperationResultUpdatedStatusOnly OperationResult = "updatedStatusOnly"
)

func CreateOrUpdate(ctx context.Context, c client.Client, obj client.Object, f MutateFn) (OperationResult, error) {
	return OperationResultNone, nil
}

func CreateOrPatch(ctx context.Context, c client.Client, obj client.Object, f MutateFn) (OperationResult, error) {
	return OperationResultNone, nil
}

// MutateFn is a function which mutates the existing object into its desired state.
type MutateFn func() error

func AddFinalizer(o client.Object, finalizer string) (finalizersUpdated bool) { return false }

func RemoveFinalizer(o client.Object, finalizer string) (finalizersUpdated bool) { return false }

func ContainsFinalizer(o client.Object, finalizer string) bool { return false }
