// Package plain calls a function value that returns a watcher, but uses no
// constructor as a value: nothing says the value makes a fresh one.
package plain

import "github.com/fsnotify/fsnotify"

type Pool struct {
	get func() (*fsnotify.Watcher, error)
}

func (p *Pool) Add(dir string) error { // ok
	w, err := p.get()
	if err != nil {
		return err
	}
	return w.Add(dir)
}
