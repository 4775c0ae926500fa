// Package watchstop: watches a function takes and leaves running on some
// path. A watch's goroutine sends each event on ResultChan and returns
// only when the watch is stopped, or when the stream ends with nobody
// behind on events.
package watchstop

import (
	"context"
	"errors"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

var errTimeout = errors.New("timed out")

// Waiter waits, per reconcile, for a pod to be ready.
type Waiter struct {
	cs kubernetes.Interface
}

func ready(ev watch.Event) bool { return ev.Type == watch.Modified }

func (r *Waiter) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	w, err := r.cs.CoreV1().Pods(req.Namespace).Watch(ctx, metav1.ListOptions{}) // want `watch from v1.PodInterface.Watch is not stopped on the path that returns at line 36: its goroutine blocks for ever sending the next event, and keeps the watch's connection open; one more per reconcile \(.*\); defer Stop right after the error check, or read ResultChan until it is closed`
	if err != nil {
		return reconcile.Result{}, err
	}
	for ev := range w.ResultChan() {
		if ready(ev) {
			return reconcile.Result{}, nil
		}
	}
	return reconcile.Result{Requeue: true}, nil
}

// FirstEvent reads one event and never stops the watch.
func FirstEvent(ctx context.Context, cs kubernetes.Interface) (watch.EventType, error) {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `watch from v1.PodInterface.Watch is never stopped: .*; one more per call of FirstEvent;`
	if err != nil {
		return "", err
	}
	ev := <-w.ResultChan()
	return ev.Type, nil
}

// WithTimeout gives up after a while: that path leaves the watch.
func WithTimeout(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `watch from v1.PodInterface.Watch is not stopped on the path that returns at line 69`
	if err != nil {
		return err
	}
	for {
		select {
		case ev, ok := <-w.ResultChan():
			if !ok {
				return nil // closed: the goroutine has returned
			}
			if ready(ev) {
				w.Stop()
				return nil
			}
		case <-time.After(time.Minute):
			return errTimeout
		}
	}
}

// RuntimeWaiter uses controller-runtime's client, and breaks out.
type RuntimeWaiter struct {
	c client.WithWatch
}

func (r *RuntimeWaiter) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	w, err := r.c.Watch(ctx, &corev1.PodList{}) // want `watch from client.WithWatch.Watch is not stopped on the path that returns at line 91`
	if err != nil {
		return reconcile.Result{}, err
	}
	n := 0
	for range w.ResultChan() {
		n++
		if n > 3 {
			break
		}
	}
	return reconcile.Result{}, nil
}

// Rewatch makes a new watch each round, leaving the last one running.
func Rewatch(ctx context.Context, cs kubernetes.Interface) {
	for {
		w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `watch from v1.PodInterface.Watch is made again on every loop iteration while the previous one still runs`
		if err != nil {
			continue
		}
		for ev := range w.ResultChan() {
			if ready(ev) {
				break
			}
		}
	}
}

// ---- silent ----

// Deferred stops on every path.
func Deferred(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: deferred Stop
	if err != nil {
		return err
	}
	defer w.Stop()
	for ev := range w.ResultChan() {
		if ready(ev) {
			return nil
		}
	}
	return nil
}

// Drained reads until the stream ends.
func Drained(ctx context.Context, cs kubernetes.Interface) int {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: read until closed
	if err != nil {
		return 0
	}
	n := 0
	for range w.ResultChan() {
		n++
	}
	return n
}

// StoppedEachWay stops before each early return.
func StoppedEachWay(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: stopped on each return
	if err != nil {
		return err
	}
	for {
		select {
		case ev, ok := <-w.ResultChan():
			if !ok {
				return errors.New("closed")
			}
			if ready(ev) {
				w.Stop()
				return nil
			}
		case <-time.After(time.Minute):
			w.Stop()
			return errTimeout
		}
	}
}

// OnlyAtShutdown leaves the watch only when the context ends.
func OnlyAtShutdown(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: left only when ctx is done
	if err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.ResultChan():
			if !ok {
				return nil
			}
			_ = ev
		}
	}
}

// stopper is a helper that stops what it is given.
func stopper(w watch.Interface) { w.Stop() }

// Helped stops through a helper of the package.
func Helped(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: the helper stops it
	if err != nil {
		return err
	}
	defer stopper(w)
	for ev := range w.ResultChan() {
		if ready(ev) {
			return nil
		}
	}
	return nil
}

// Kept stores the watch: its owner stops it.
type Kept struct {
	w watch.Interface
}

func (k *Kept) Start(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: kept in a field
	if err != nil {
		return err
	}
	k.w = w
	return nil
}

func (k *Kept) Close() { k.w.Stop() }

// HandedOff gives the events to a goroutine that reads them all.
func HandedOff(ctx context.Context, cs kubernetes.Interface, out chan<- watch.Event) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: the channel is handed on
	if err != nil {
		return err
	}
	ch := w.ResultChan()
	go func() {
		for ev := range ch {
			out <- ev
		}
	}()
	return nil
}

// Passed hands the watch to code that stops it (watchtools.Until...).
func Passed(ctx context.Context, cs kubernetes.Interface, until func(watch.Interface) error) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: handed over
	if err != nil {
		return err
	}
	return until(w)
}

// Opened returns the watch: the caller's to stop.
func Opened(ctx context.Context, cs kubernetes.Interface) (watch.Interface, error) { // want Opened:"watch\\(result 0\\)"
	return cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: returned
}

// UsesOpened stops what Opened returns.
func UsesOpened(ctx context.Context, cs kubernetes.Interface) error {
	w, err := Opened(ctx, cs) // ok: deferred Stop
	if err != nil {
		return err
	}
	defer w.Stop()
	<-w.ResultChan()
	return nil
}

// LeaksOpened does not.
func LeaksOpened(ctx context.Context, cs kubernetes.Interface) error {
	w, err := Opened(ctx, cs) // want `watch from watchstop.Opened is never stopped`
	if err != nil {
		return err
	}
	<-w.ResultChan()
	return nil
}

// InClosure stops in a deferred function literal.
func InClosure(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: stopped in a deferred literal
	if err != nil {
		return err
	}
	defer func() {
		w.Stop()
	}()
	for ev := range w.ResultChan() {
		if ready(ev) {
			return nil
		}
	}
	return nil
}

// Rewatched watches again once the stream ends, and stops on the way out.
func Rewatched(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: drained, then replaced
	if err != nil {
		return err
	}
	for {
		select {
		case ev, ok := <-w.ResultChan():
			if !ok {
				w, err = cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: the old one ended
				if err != nil {
					return err
				}
				continue
			}
			if ready(ev) {
				w.Stop()
				return nil
			}
		case <-ctx.Done():
			w.Stop()
			return ctx.Err()
		}
	}
}

// NilChecked stops it when there is one.
func NilChecked(ctx context.Context, cs kubernetes.Interface) error {
	w, _ := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: stopped when not nil
	if w == nil {
		return errors.New("no watch")
	}
	defer w.Stop()
	<-w.ResultChan()
	return nil
}

// Either watches in one of two scopes, and checks the merged error
// (controller-runtime's informer ListWatch).
func Either(ctx context.Context, cs kubernetes.Interface, ns string) (w watch.Interface, err error) {
	if ns != "" {
		w, err = cs.CoreV1().Pods(ns).Watch(ctx, metav1.ListOptions{}) // ok: the merged error is this call's
	} else {
		w, err = cs.CoreV1().Pods("").Watch(ctx, metav1.ListOptions{}) // ok: the merged error is this call's
	}
	if err != nil {
		return nil, err
	}
	return wrap(w), nil
}

type wrapped struct{ watch.Interface }

func wrap(w watch.Interface) watch.Interface { return &wrapped{w} }
