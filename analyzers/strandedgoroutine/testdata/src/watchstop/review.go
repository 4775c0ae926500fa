package watchstop

import (
	"context"
	"errors"
	"fmt"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/kubernetes"
)

// Shapes from the review of the rule.

// TwoOks: two select cases each test their own ok.
func TwoOks(ctx context.Context, cs kubernetes.Interface, queue <-chan int) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: closed or stopped on each way out
	if err != nil {
		return err
	}
	for {
		select {
		case it, ok := <-queue:
			if !ok {
				w.Stop()
				return nil
			}
			_ = it
		case ev, ok := <-w.ResultChan():
			if !ok {
				return errors.New("closed")
			}
			_ = ev
		}
	}
}

// Retried: the error starts as nil before the retry loop.
func Retried(ctx context.Context, cs kubernetes.Interface) error {
	var w watch.Interface
	var err error
	for i := 0; i < 3; i++ {
		w, err = cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: no watch when err != nil
		if err == nil {
			break
		}
	}
	if err != nil {
		return err
	}
	defer w.Stop()
	<-w.ResultChan()
	return nil
}

// Kinds: the error of a branch that makes no watch is merged in.
func Kinds(ctx context.Context, cs kubernetes.Interface, kind string) error {
	var w watch.Interface
	var err error
	switch kind {
	case "pods":
		w, err = cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: no watch when err != nil
	case "services":
		w, err = cs.CoreV1().Services("ns").Watch(ctx, metav1.ListOptions{}) // ok: no watch when err != nil
	default:
		err = fmt.Errorf("unknown kind %q", kind)
	}
	if err != nil {
		return err
	}
	defer w.Stop()
	<-w.ResultChan()
	return nil
}

// NotFound tests the error with a predicate before the nil check.
func NotFound(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: IsNotFound(err) means no watch
	if apierrors.IsNotFound(err) {
		return nil
	}
	if errors.Is(err, context.Canceled) {
		return nil
	}
	if err != nil {
		return err
	}
	defer w.Stop()
	<-w.ResultChan()
	return nil
}

// StopChannel leaves the watch only when the owner's stop channel closes.
func StopChannel(ctx context.Context, cs kubernetes.Interface, stopCh <-chan struct{}) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: left only at shutdown
	if err != nil {
		return err
	}
	for {
		select {
		case <-stopCh:
			return nil
		case ev, ok := <-w.ResultChan():
			if ok == false {
				return nil
			}
			_ = ev
		}
	}
}

// CtxErr checks the context between events.
func CtxErr(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: left only when ctx ends
	if err != nil {
		return err
	}
	for ev := range w.ResultChan() {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		_ = ev
	}
	return nil
}

// ErrorEvent returns after the stream's error: the watch has ended.
func ErrorEvent(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: the ERROR event is the last
	if err != nil {
		return err
	}
	for ev := range w.ResultChan() {
		if ev.Type == watch.Error {
			return errors.New("watch failed")
		}
	}
	return nil
}

// Timed waits with a timeout of its own: its Done comes on every slow
// call, not at shutdown (kubectl's and helm's wait).
func Timed(ctx context.Context, cs kubernetes.Interface) error {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `watch from v1.PodInterface.Watch is not stopped on the path that returns at line 155`
	if err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return errTimeout
		case ev, ok := <-w.ResultChan():
			if !ok {
				return nil
			}
			if ready(ev) {
				w.Stop()
				return nil
			}
		}
	}
}

// Joined: a per-call return joins the context's branch: not at shutdown.
func Joined(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `watch from v1.PodInterface.Watch is not stopped on the path that returns at line 176`
	if err != nil {
		return err
	}
	for ev := range w.ResultChan() {
		if ctx.Err() != nil || ready(ev) {
			return nil
		}
	}
	return nil
}

// NotError skips events until the stream's error, then returns.
func NotError(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // ok: the ERROR event is the last
	if err != nil {
		return err
	}
	for ev := range w.ResultChan() {
		if watch.Error != ev.Type {
			continue
		}
		return errors.New("watch failed")
	}
	return nil
}

// NilCompared compares the channel with nil: that hands nothing over.
func NilCompared(ctx context.Context, cs kubernetes.Interface) error {
	w, err := cs.CoreV1().Pods("ns").Watch(ctx, metav1.ListOptions{}) // want `watch from v1.PodInterface.Watch is never stopped`
	if err != nil {
		return err
	}
	ch := w.ResultChan()
	if ch == nil {
		return nil
	}
	<-ch
	return nil
}
