// Command cmdfixed has the fix of projectcontour/contour#6872: the handler
// is registered from the leader-only runnable's Start.
package main

import (
	"context"

	"contour/k8s"

	core_v1 "k8s.io/api/core/v1"
	client_go_cache "k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
)

type loadBalancerStatusWriter struct {
	cache            cache.Cache
	lbStatus         chan core_v1.LoadBalancerStatus
	serviceName      string
	serviceNamespace string
}

func (isw *loadBalancerStatusWriter) NeedLeaderElection() bool { return true }

func (isw *loadBalancerStatusWriter) Start(ctx context.Context) error { // ok
	var serviceHandler client_go_cache.ResourceEventHandler = &k8s.ServiceStatusLoadBalancerWatcher{
		ServiceName: isw.serviceName,
		LBStatus:    isw.lbStatus,
	}
	if isw.serviceNamespace != "" {
		serviceHandler = k8s.NewNamespaceFilter([]string{isw.serviceNamespace}, serviceHandler)
	}
	inf, err := isw.cache.GetInformer(ctx, &core_v1.Service{})
	if err != nil {
		return err
	}
	if _, err := inf.AddEventHandler(serviceHandler); err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case lbs := <-isw.lbStatus:
			_ = lbs
		}
	}
}

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	if err != nil {
		panic(err)
	}
	lbsw := &loadBalancerStatusWriter{
		cache:       mgr.GetCache(),
		lbStatus:    make(chan core_v1.LoadBalancerStatus, 1),
		serviceName: "envoy",
	}
	if err := mgr.Add(lbsw); err != nil {
		panic(err)
	}
	_ = mgr.Start(context.Background())
}
