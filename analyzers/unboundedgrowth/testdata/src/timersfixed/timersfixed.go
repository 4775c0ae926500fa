package timersfixed // want package:"releases\\(timersfixed.Reconciler.RepeatTimersByName\\)"

// timersfixed is timers with keikoproj/active-monitor's fix (fdd3ea9):
// the entry is deleted on NotFound.

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
				t.Stop()
			}
			r.TimerLock.Lock()
			delete(r.RepeatTimersByName, req.Name)
			r.TimerLock.Unlock()
		}
		return reconcile.Result{}, err
	}
	return r.process(ctx, hc)
}

func (r *Reconciler) process(ctx context.Context, hc *HealthCheck) (reconcile.Result, error) {
	go r.watch(ctx, hc)
	return reconcile.Result{}, nil
}

func (r *Reconciler) watch(ctx context.Context, hc *HealthCheck) {
	r.TimerLock.Lock()
	r.RepeatTimersByName[hc.GetName()] = time.AfterFunc(time.Minute, func() {}) // ok: deleted on NotFound
	r.TimerLock.Unlock()
}

func (r *Reconciler) GetTimerByName(name string) *time.Timer {
	r.TimerLock.RLock()
	defer r.TimerLock.RUnlock()
	return r.RepeatTimersByName[name]
}
