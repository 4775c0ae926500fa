// Command cmd is Contour's cmd/contour in miniature, before the fix of
// projectcontour/contour#6872.
package main

import (
	"context"

	"contour/k8s"

	core_v1 "k8s.io/api/core/v1"
	client_go_cache "k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

type loadBalancerStatusWriter struct {
	lbStatus chan core_v1.LoadBalancerStatus
}

func (isw *loadBalancerStatusWriter) NeedLeaderElection() bool { return true }

func (isw *loadBalancerStatusWriter) Start(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case lbs := <-isw.lbStatus:
			_ = lbs
		}
	}
}

type Server struct {
	mgr manager.Manager
}

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "contour"})
	if err != nil {
		panic(err)
	}
	s := &Server{mgr: mgr}
	if err := s.doServe("envoy", "projectcontour"); err != nil {
		panic(err)
	}
}

func (s *Server) doServe(serviceName, namespace string) error {
	lbsw := &loadBalancerStatusWriter{
		lbStatus: make(chan core_v1.LoadBalancerStatus, 1),
	}
	if err := s.mgr.Add(lbsw); err != nil {
		return err
	}
	serviceHandler := &k8s.ServiceStatusLoadBalancerWatcher{
		ServiceName: serviceName,
		LBStatus:    lbsw.lbStatus, // want `k8s.ServiceStatusLoadBalancerWatcher.LBStatus gets a channel whose only receiver, loadBalancerStatusWriter.Start, runs only on the leader, but ServiceStatusLoadBalancerWatcher.notify sends on it \(statusaddress.go:\d+:\d+\) from an informer event handler registered on every replica; on standby replicas the handler blocks for ever and client-go buffers every later event for it without bound`
	}
	var handler client_go_cache.ResourceEventHandler = serviceHandler
	if namespace != "" {
		handler = k8s.NewNamespaceFilter([]string{namespace}, handler)
	}
	return s.informOnResource(&core_v1.Service{}, handler)
}

func (s *Server) informOnResource(obj client.Object, handler client_go_cache.ResourceEventHandler) error {
	inf, err := s.mgr.GetCache().GetInformer(context.Background(), obj)
	if err != nil {
		return err
	}
	_, err = inf.AddEventHandler(handler)
	return err
}
