// Package timers is the shape of keikoproj/active-monitor before its fix
// for issue 314: a timer per HealthCheck kept in a map keyed by the
// object's name, never deleted when the object goes away. The key comes
// from the object that client.Get filled from the request.
package timers

import (
	"context"
	"sync"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type HealthCheck struct {
	metav1.TypeMeta
	metav1.ObjectMeta
}

func (h *HealthCheck) DeepCopyObject() runtime.Object { return h }

type Reconciler struct {
	client.Client
	TimerLock          sync.RWMutex
	RepeatTimersByName map[string]*time.Timer
}

func NewReconciler() *Reconciler {
	return &Reconciler{RepeatTimersByName: make(map[string]*time.Timer)}
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	hc := &HealthCheck{}
	if err := r.Get(ctx, req.NamespacedName, hc); err != nil {
		if apierrors.IsNotFound(err) {
			if t := r.GetTimerByName(req.Name); t != nil {
				t.Stop() // the timer stops, its entry stays
			}
		}
		return reconcile.Result{}, err
	}
	return r.process(ctx, hc) // want `map Reconciler.RepeatTimersByName grows per reconcile without bound: Reconciler.Reconcile through Reconciler.watch adds a key from the event's data`
}

func (r *Reconciler) process(ctx context.Context, hc *HealthCheck) (reconcile.Result, error) {
	go r.watch(ctx, hc)
	return reconcile.Result{}, nil
}

func (r *Reconciler) watch(ctx context.Context, hc *HealthCheck) {
	r.TimerLock.Lock()
	r.RepeatTimersByName[hc.GetName()] = time.AfterFunc(time.Minute, func() {})
	r.TimerLock.Unlock()
}

func (r *Reconciler) GetTimerByName(name string) *time.Timer {
	r.TimerLock.RLock()
	defer r.TimerLock.RUnlock()
	return r.RepeatTimersByName[name]
}
