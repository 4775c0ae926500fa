// Package hub is the project's informer hub: Subscribe registers fn as an
// event handler of a shared informer (here a stand-in).
package hub

type Hub struct{ handlers map[string][]func(obj any) }

func (h *Hub) Subscribe(kind string, fn func(obj any)) {
	if h.handlers == nil {
		h.handlers = make(map[string][]func(obj any))
	}
	h.handlers[kind] = append(h.handlers[kind], fn)
}
