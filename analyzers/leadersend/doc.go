// Package leadersend defines an Analyzer that reports channel sends that
// block for ever on standby replicas because every receiver runs only on
// the elected leader.
//
// # Analyzer leadersend
//
// leadersend: report blocking sends on every replica whose only receivers run on the elected leader
//
// A controller that runs with leader election has standby replicas: they
// run main, their informers and their event handlers, but not the
// leader-only code (controller-runtime Runnables that need leader
// election, reconcilers, leaderelection's OnStartedLeading). A send from
// code that runs on every replica, to a channel whose every receiver runs
// only on the leader, blocks for ever on each standby. In an informer
// event handler that is worse than a stuck goroutine: client-go keeps
// buffering every later notification for the blocked handler, without
// bound, until the pod is OOM-killed. A buffered channel only delays it.
//
// Contour (projectcontour/contour#6860) did this: its Service event
// handler sent load-balancer status on a channel received only by a
// leader-elected Runnable, and registered the handler on every replica:
//
//	lbsw := &loadBalancerStatusWriter{lbStatus: make(chan core_v1.LoadBalancerStatus, 1)}
//	mgr.Add(lbsw) // NeedLeaderElection() == true: Start runs on the leader
//	handler := &k8s.ServiceStatusLoadBalancerWatcher{LBStatus: lbsw.lbStatus}
//	inf.AddEventHandler(handler) // on every replica: OnAdd sends on LBStatus
//
// The fix registers the handler in the leader-only Runnable's Start, so the
// producer exists only where the consumer runs; a select with a default
// or a ctx.Done() case also stops the block.
//
// The check uses ctrlvet's controller model: where each function runs
// (leader only, every replica), which handlers are registered where
// (through project helpers and forwarding wrappers), and the flows of each
// channel through struct fields, parameters and closures, across
// packages through facts. In the kubebuilder layout, a library's exported
// SetupWithManager registers the handler and main adds the leader-only
// consumer: the library's facts summarise the send with the symbolic role
// "where my callers run", and the finding is reported in main, at the
// wiring or at the call, where that role becomes concrete. It is silent when any receiver may run on
// every replica, when the channel is handed to code it cannot see, for
// sends that cannot block (select with default or another case), for a
// few sends from every-replica code that fit in the channel's buffer, and
// for managers without leader election.
//
// Controllers count by their options: a controller whose
// NeedLeaderElection is false (its controller.Options, or the manager's
// config.Controller) runs its reconciler and its watches' handlers, map
// functions and predicates on every replica, and a leader-elected one
// with EnableWarmup its watches; their sends to a leader-only receiver
// are reported. The other way round, a receive or a sync.WaitGroup.Wait
// in event-handler or every-replica reconciler code that only the
// leader's sends, closes or Done calls release waits for ever there, and
// is reported as well.
//
// The controller model's settings (.ctrlvet.yaml, -model.leader-gates,
// -model.handler-registrations, or golangci-lint's settings) add a
// project's own leader gates and handler registration functions; see
// docs/configuration.md.
package leadersend
