// want package:"controllerfacts"
// Package k8s is Contour's internal/k8s in miniature (projectcontour/contour#6860).
package k8s

import (
	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
)

// ServiceStatusLoadBalancerWatcher implements cache.ResourceEventHandler
// and sends the service's load-balancer status on LBStatus.
type ServiceStatusLoadBalancerWatcher struct {
	ServiceName string
	LBStatus    chan core_v1.LoadBalancerStatus // want LBStatus:`chan send\(ServiceStatusLoadBalancerWatcher.notify,blocking from ServiceStatusLoadBalancerWatcher.OnAdd\|ServiceStatusLoadBalancerWatcher.OnDelete\|ServiceStatusLoadBalancerWatcher.OnUpdate\)`
}

func (s *ServiceStatusLoadBalancerWatcher) OnAdd(obj any, _ bool) {
	svc, ok := obj.(*core_v1.Service)
	if !ok || svc.Name != s.ServiceName {
		return
	}
	s.notify(svc.Status.LoadBalancer)
}

func (s *ServiceStatusLoadBalancerWatcher) OnUpdate(_, newObj any) {
	svc, ok := newObj.(*core_v1.Service)
	if !ok || svc.Name != s.ServiceName {
		return
	}
	s.notify(svc.Status.LoadBalancer)
}

func (s *ServiceStatusLoadBalancerWatcher) OnDelete(_ any) {
	s.notify(core_v1.LoadBalancerStatus{})
}

func (s *ServiceStatusLoadBalancerWatcher) notify(lbstatus core_v1.LoadBalancerStatus) {
	s.LBStatus <- lbstatus
}

type namespaceFilter struct {
	namespaces map[string]bool
	next       cache.ResourceEventHandler
}

// NewNamespaceFilter returns a handler that forwards events of the given
// namespaces to next.
func NewNamespaceFilter(namespaces []string, next cache.ResourceEventHandler) cache.ResourceEventHandler { // want NewNamespaceFilter:`wrapsHandler\(param 1\)`
	e := &namespaceFilter{next: next, namespaces: map[string]bool{}}
	for _, ns := range namespaces {
		e.namespaces[ns] = true
	}
	return e
}

func (e *namespaceFilter) OnAdd(obj any, isInInitialList bool) { e.next.OnAdd(obj, isInInitialList) }
func (e *namespaceFilter) OnUpdate(oldObj, newObj any)         { e.next.OnUpdate(oldObj, newObj) }
func (e *namespaceFilter) OnDelete(obj any)                    { e.next.OnDelete(obj) }
