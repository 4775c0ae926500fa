package shims

// Constructors injected in other ways (a fresh review's cases).

import "github.com/fsnotify/fsnotify"

// set in a package variable's initialiser only
var newWatcher = fsnotify.NewWatcher

func waitFor(path string) error {
	w, err := newWatcher() // want `fsnotify watcher from newWatcher \(set to fsnotify.NewWatcher\) is never released`
	if err != nil {
		return err
	}
	return w.Add(path)
}

// a function literal as the shim: the only way to inject a buffered
// watcher with this signature
type Cache struct {
	mk func() (*fsnotify.Watcher, error)
}

func NewCache() *Cache {
	return &Cache{mk: func() (*fsnotify.Watcher, error) { return fsnotify.NewBufferedWatcher(64) }}
}

func (c *Cache) Refresh(dir string) error {
	w, err := c.mk() // want `fsnotify watcher from mk \(set to a function literal\) is never released`
	if err != nil {
		return err
	}
	return w.Add(dir)
}

// a default when the shim is nil
type Agent struct {
	NewWatcher func() (*fsnotify.Watcher, error)
}

func (a *Agent) Watch(dir string) error {
	mk := a.NewWatcher
	if mk == nil {
		mk = fsnotify.NewWatcher
	}
	w, err := mk() // want `fsnotify watcher from NewWatcher \(set to fsnotify.NewWatcher\) is never released`
	if err != nil {
		return err
	}
	return w.Add(dir)
}
