// Package watch has an informer event handler that forwards a Service's
// load-balancer status on a channel (Contour's internal/k8s shape).
package watch

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
)

// StatusWatcher is a cache.ResourceEventHandler.
type StatusWatcher struct {
	ServiceName string
	LBStatus    chan corev1.LoadBalancerStatus
}

var _ cache.ResourceEventHandler = (*StatusWatcher)(nil)

// OnAdd forwards the status of the watched Service.
func (s *StatusWatcher) OnAdd(obj any, _ bool) {
	if svc, ok := obj.(*corev1.Service); ok && svc.Name == s.ServiceName {
		s.notify(svc.Status.LoadBalancer)
	}
}

// OnUpdate forwards the status of the watched Service.
func (s *StatusWatcher) OnUpdate(_, obj any) {
	if svc, ok := obj.(*corev1.Service); ok && svc.Name == s.ServiceName {
		s.notify(svc.Status.LoadBalancer)
	}
}

// OnDelete clears the status.
func (s *StatusWatcher) OnDelete(any) { s.notify(corev1.LoadBalancerStatus{}) }

func (s *StatusWatcher) notify(st corev1.LoadBalancerStatus) {
	s.LBStatus <- st
}
