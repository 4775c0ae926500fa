// Package fsnotify is a stub of github.com/fsnotify/fsnotify for tests.
package fsnotify

// Op describes a set of file operations.
type Op uint32

// Event represents a file system notification.
type Event struct {
	Name string
	Op   Op
}

// Watcher watches a set of paths, delivering events on a channel.
type Watcher struct {
	Events chan Event
	Errors chan error
}

// NewWatcher creates a new Watcher.
func NewWatcher() (*Watcher, error) { return &Watcher{}, nil }

// NewBufferedWatcher creates a new Watcher with a buffered Events channel.
func NewBufferedWatcher(sz uint) (*Watcher, error) { return &Watcher{}, nil }

// Add starts monitoring the path for changes.
func (w *Watcher) Add(name string) error { return nil }

// Remove stops monitoring the path.
func (w *Watcher) Remove(name string) error { return nil }

// Close removes all watches and closes the Events channel.
func (w *Watcher) Close() error { return nil }
