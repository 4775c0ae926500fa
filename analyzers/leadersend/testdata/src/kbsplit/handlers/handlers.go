// Package handlers declares an event handler type; another package
// registers it.
package handlers

// Forwarder forwards every added object's name on Out.
type Forwarder struct {
	Out chan string
}

func (f *Forwarder) OnAdd(obj any, _ bool)       { f.Out <- "added" }
func (f *Forwarder) OnUpdate(oldObj, newObj any) {}
func (f *Forwarder) OnDelete(obj any)            {}
