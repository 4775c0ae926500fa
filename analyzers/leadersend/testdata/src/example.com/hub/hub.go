// Package hub stands for a project's informer hub: Subscribe registers fn
// as an event handler of a shared informer.
package hub

type Hub struct{}

func (h *Hub) Subscribe(kind string, fn func(obj any)) {}
