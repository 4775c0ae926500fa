package growmaps // want package:"releases\\(growmaps.Fixed.lastSeen, growmaps.owners\\)"

import (
	"context"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/tools/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

// Reconciler remembers when it last saw each object and never forgets.
type Reconciler struct {
	client   client.Client
	lastSeen map[types.NamespacedName]time.Time
}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	r.lastSeen[req.NamespacedName] = time.Now() // want `map Reconciler.lastSeen grows per reconcile without bound: Reconciler.Reconcile adds a key from the event's data \(Reconciler.Reconcile runs per reconcile\), and no code in sight deletes from it, clears it or replaces it; delete the entry when the object goes away`
	return reconcile.Result{}, nil
}

// Fixed forgets the object in the NotFound branch.
type Fixed struct {
	client   client.Client
	lastSeen map[types.NamespacedName]time.Time
}

func (r *Fixed) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	var obj client.Object
	if err := r.client.Get(ctx, req.NamespacedName, obj); err != nil {
		if apierrors.IsNotFound(err) {
			delete(r.lastSeen, req.NamespacedName)
		}
		return reconcile.Result{}, err
	}
	r.lastSeen[req.NamespacedName] = time.Now() // ok: deleted on NotFound
	return reconcile.Result{}, nil
}

// Phase is an enum: a map keyed by it has at most as many keys as it has
// constants.
type Phase string

const (
	Pending Phase = "Pending"
	Ready   Phase = "Ready"
)

type PhaseCounter struct {
	counts map[Phase]int
}

func (r *PhaseCounter) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	p := Pending
	if req.Name == "x" {
		p = Ready
	}
	r.counts[p]++ // ok: the keys are an enum
	return reconcile.Result{}, nil
}

// seen is a package variable grown by an informer handler.
var seen = map[string]bool{}

// owners is the same, with a delete in the delete handler.
var owners = map[string]string{}

func Setup(inf cache.SharedIndexInformer) {
	inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			o := obj.(client.Object)
			seen[o.GetNamespace()+"/"+o.GetName()] = true // want `map seen grows per event without bound: a function literal in Setup adds a key from the event's data \(the AddFunc of a ResourceEventHandlerFuncs runs per informer event\)`
		},
	})
	inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj interface{}) {
			o := obj.(client.Object)
			owners[o.GetName()] = o.GetNamespace() // ok: deleted in DeleteFunc
		},
		DeleteFunc: func(obj interface{}) {
			o := obj.(client.Object)
			delete(owners, o.GetName())
		},
	})
}

// handler is a handler type with a captured map in main-like setup.
type handler struct {
	byUID map[types.UID]client.Object
}

func (h *handler) OnAdd(obj interface{}, isInInitialList bool) {
	o := obj.(client.Object)
	h.byUID[o.GetUID()] = o // want `map handler.byUID grows per event`
}
func (h *handler) OnUpdate(oldObj, newObj interface{}) {}
func (h *handler) OnDelete(obj interface{})            {}

// lazy grows a lazily made map: the first assignment is no reset.
type lazy struct {
	m map[string]int
}

func (l *lazy) OnAdd(obj interface{}, isInInitialList bool) {
	if l.m == nil {
		l.m = map[string]int{}
	}
	l.m[obj.(client.Object).GetName()]++ // want `map lazy.m grows per event`
}
func (l *lazy) OnUpdate(oldObj, newObj interface{}) {}
func (l *lazy) OnDelete(obj interface{})            {}
