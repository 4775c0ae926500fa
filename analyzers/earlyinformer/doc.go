// Package earlyinformer defines an Analyzer that reports informers
// created and started on every replica when everything that consumes them
// runs only on the elected leader.
//
// # Analyzer earlyinformer
//
// earlyinformer: report informers started on every replica whose consumers all run on the leader
//
// An informer holds a full cache of its resource and a watch on the API
// server. Created and started before leader election (a client-go
// SharedInformerFactory started in main, mgr.GetCache().GetInformer
// called before mgr.Start or from a runnable that runs everywhere), it
// runs on every replica; if all that consumes it (its listers and
// indexers, and the work its event handlers forward through channels and
// workqueues) runs only on the leader (OnStartedLeading, a leader-elected
// Runnable, a reconciler), every standby holds the cache and the watch for
// nothing. Contour's write-up (projectcontour/contour#6860) gives the
// advice: do not watch and process on standbys what only the leader uses.
//
//	factory := informers.NewSharedInformerFactory(client, resync)
//	pods := factory.Core().V1().Pods().Lister()
//	factory.Start(stop) // on every replica
//	leaderelection.RunOrDie(ctx, leaderelection.LeaderElectionConfig{
//		Callbacks: leaderelection.LeaderCallbacks{
//			OnStartedLeading: func(ctx context.Context) { run(pods) }, // the only consumer
//		},
//	})
//
// Create and start the factory in OnStartedLeading (or the leader-only
// Runnable), or make its consumer run on every replica. Informers that
// controller-runtime creates for a leader-elected controller's watches
// start with the controller, on the leader: they are not reported. An
// informer with one every-replica consumer (Contour's Service informer
// also feeds the configuration every replica serves) is not early.
//
// Across packages: an informer that a library's exported function creates
// and that only the library's leader-only code consumes is reported in
// main, at the call that runs that function on every replica.
package earlyinformer
