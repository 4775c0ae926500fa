package once

// One watcher per process, made by sync.OnceValues: every call returns
// the same one.

import (
	"sync"

	"github.com/fsnotify/fsnotify"
)

type Agent struct {
	watcher func() (*fsnotify.Watcher, error)
}

func NewAgent() *Agent { return &Agent{watcher: sync.OnceValues(fsnotify.NewWatcher)} }

func (a *Agent) Watch(dir string) error { // ok
	w, err := a.watcher()
	if err != nil {
		return err
	}
	return w.Add(dir)
}
