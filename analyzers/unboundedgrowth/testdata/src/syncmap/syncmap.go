package syncmap // want package:"releases\\(syncmap.fixedHandler.conns\\)"

import (
	"sync"

	"sigs.k8s.io/controller-runtime/pkg/client"
)

type handler struct {
	conns sync.Map
}

func (h *handler) OnAdd(obj interface{}, isInInitialList bool) {
	o := obj.(client.Object)
	h.conns.Store(o.GetUID(), o) // want `sync.Map handler.conns grows per event`
}
func (h *handler) OnUpdate(oldObj, newObj interface{}) {}
func (h *handler) OnDelete(obj interface{})            {}

type fixedHandler struct {
	conns sync.Map
}

func (h *fixedHandler) OnAdd(obj interface{}, isInInitialList bool) {
	o := obj.(client.Object)
	h.conns.LoadOrStore(o.GetUID(), o) // ok: deleted in OnDelete
}
func (h *fixedHandler) OnUpdate(oldObj, newObj interface{}) {}
func (h *fixedHandler) OnDelete(obj interface{}) {
	h.conns.Delete(obj.(client.Object).GetUID())
}
