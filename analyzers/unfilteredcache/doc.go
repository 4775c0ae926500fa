// Package unfilteredcache defines an Analyzer that reports informer caches
// that hold every Secret or ConfigMap of the cluster, in full.
//
// # Analyzer unfilteredcache
//
// unfilteredcache: report caches and informers over Secrets or ConfigMaps, cluster-wide, with no label or field selector or transform
//
// A controller-runtime watch (For, Owns, Watches, source.Kind), a
// GetInformer, or a Get or List through the manager's cached client starts
// an informer that lists and watches every object of its type the
// controller can see, and keeps each one, in full, in memory. For Secrets
// that is ruinous in clusters with Helm, whose release history lives in
// Secrets of hundreds of KB: Kong's ingress controller held 4000 of them,
// about 2 GB, on every replica (Kong/kubernetes-ingress-controller#6576).
//
// Predicates (builder.WithPredicates, predicate.LabelSelectorPredicate)
// filter the events a controller sees, not what the informer stores, so
// they do not help; scoping the cache to namespaces (DefaultNamespaces)
// does not either, because Helm keeps its Secrets in the application
// namespaces. What helps: cache.Options.ByObject for the type with a label
// or field selector or a transform, DefaultLabelSelector,
// DefaultFieldSelector or DefaultTransform, metadata-only watches
// (builder.OnlyMetadata, metav1.PartialObjectMetadata), and
// client.CacheOptions.DisableFor for reads that may go to the API server.
//
//	mgr, err := ctrl.NewManager(cfg, ctrl.Options{
//		Cache: cache.Options{
//			ByObject: map[client.Object]cache.ByObject{
//				&corev1.Secret{}: {Label: labels.SelectorFromSet(labels.Set{"app": "mine"})},
//			},
//		},
//	})
//
// The watches usually sit in controller packages and the options in main
// or a manager package: each package exports what it watches and reads as
// a fact, and the report is made in the package that builds the manager's
// options, which sees every watch it imports. A package that watches but
// builds no options stays silent (the options may narrow the cache where
// it cannot see). client-go factories are checked where they are made:
// a Secrets or ConfigMaps informer from a factory without a tweak that
// sets a label or field selector is reported.
package unfilteredcache
