// Package unboundedgrowth defines an Analyzer that reports long-lived
// state grown on recurring code and never released.
//
// # Analyzer unboundedgrowth
//
// unboundedgrowth: report maps, slices and Prometheus metric vectors grown per event, reconcile, request, tick or reload and never released
//
// A controller runs for months. State that lives as long as the process
// (a package variable, a field of the reconciler, the handler or the
// provider) and gains an entry for every object it ever sees, without
// losing it when the object goes away, grows until the pod is
// OOM-killed. Metric vectors are the commonest case: a gauge labelled
// with the object's name keeps one series per deleted object for ever.
//
//	func (r *Reconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		r.lastSeen[req.NamespacedName] = time.Now() // never deleted
//		objectReady.WithLabelValues(req.Namespace, req.Name).Set(1)
//		...
//
// Release what the object owned when it goes away: in the delete handler,
// or in the NotFound branch of Reconcile.
//
//	if apierrors.IsNotFound(err) {
//		delete(r.lastSeen, req.NamespacedName)
//		objectReady.DeleteLabelValues(req.Namespace, req.Name)
//		return ctrl.Result{}, nil
//	}
//
// The check uses the frequency stage of ctrlvet's model: the growth must
// run per informer event, per reconcile, per workqueue item, per request,
// per tick, per configuration reload or per iteration of a long-running
// loop, with a key (or label value) that comes from the event's data (an
// object's name, namespace or UID, a request, a channel message). Maps
// (assignments, sync.Map Store, LoadOrStore and Swap), slices (x =
// append(x, ...)) and Prometheus vectors (WithLabelValues, With,
// GetMetricWith*, through CurryWith) are followed, across packages
// through facts: a tracker's Add method in one package, called per event
// from another.
//
// It is silent when anything in sight releases the state: delete, clear,
// maps.DeleteFunc, sync.Map Delete, LoadAndDelete, CompareAndDelete or
// Clear, a vector's Delete, DeleteLabelValues, DeletePartialMatch or
// Reset, Unregister, a reassignment (a map swapped on reload, a slice
// trimmed), a size check on len, or handing the state to code it cannot
// follow; and when the key comes from a closed set (constants, enums,
// booleans, kinds).
//
// It also reports things made per reconcile or per event that live on:
// an informer factory started there and never shut down, an event
// broadcaster never shut down, an event handler added there whose
// registration is dropped in a package that never calls
// RemoveEventHandler, and a rate-limiting workqueue whose package calls
// AddRateLimited but never Forget.
package unboundedgrowth
