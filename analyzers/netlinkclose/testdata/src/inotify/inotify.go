package inotify // want package:"netlinkresources"

// This package holds fsnotify watchers made per call: Calico's
// epstatusfile watcher (projectcalico/calico#13727) and its siblings.

import (
	"context"
	"errors"
	"log"
	"time"

	"github.com/fsnotify/fsnotify"
)

// FileWatcher is the Calico shape: the constructor is injected in a field
// so that tests can replace it, and the loop retries once per poll.
type FileWatcher struct {
	dir        string
	newWatcher func() (*fsnotify.Watcher, error)
	fsWatcher  *fsnotify.Watcher
	stop       chan struct{}
	ticker     *time.Ticker
}

func NewFileWatcher(dir string) *FileWatcher {
	return NewFileWatcherWithShim(dir, fsnotify.NewWatcher)
}

func NewFileWatcherWithShim(dir string, newWatcher func() (*fsnotify.Watcher, error)) *FileWatcher {
	return &FileWatcher{dir: dir, newWatcher: newWatcher, stop: make(chan struct{}), ticker: time.NewTicker(time.Second)}
}

func (w *FileWatcher) Start() { go w.run() }

func (w *FileWatcher) run() {
	for {
		if err := w.start(); err != nil {
			log.Print(err)
		}
		select {
		case <-w.ticker.C:
		case <-w.stop:
			return
		}
	}
}

func (w *FileWatcher) start() error {
	watcher, err := w.newWatcher() // want `fsnotify watcher from newWatcher \(set to fsnotify.NewWatcher\) is not released on the path that returns at line 54 \(call Close\); FileWatcher.start runs in a loop in FileWatcher.run, so one leaks per call; it holds an inotify instance \(128 per user by default\) and a goroutine until Close`
	if err != nil {
		return err
	}
	if err := watcher.Add(w.dir); err != nil {
		return err
	}
	w.fsWatcher = watcher
	return nil
}

// startFixed is the fix: the watcher is closed when Add fails.
func (w *FileWatcher) startFixed() error { // ok
	watcher, err := w.newWatcher()
	if err != nil {
		return err
	}
	if err := watcher.Add(w.dir); err != nil {
		watcher.Close()
		return err
	}
	w.fsWatcher = watcher
	return nil
}

// Reconciler makes a watcher per reconcile to wait for a file.
type Reconciler struct{ path string }

func (r *Reconciler) Reconcile(ctx context.Context) error {
	w, err := fsnotify.NewWatcher() // want `fsnotify watcher from fsnotify.NewWatcher is never released: it leaks on every return \(call Close\)`
	if err != nil {
		return err
	}
	if err := w.Add(r.path); err != nil {
		return err
	}
	select {
	case <-w.Events:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (r *Reconciler) ReconcileFixed(ctx context.Context) error { // ok
	w, err := fsnotify.NewBufferedWatcher(10)
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Add(r.path); err != nil {
		return err
	}
	select {
	case <-w.Events:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// watchUntil hands the watcher to a goroutine that closes it.
func watchUntil(ctx context.Context, path string) error { // ok
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		w.Close()
	}()
	return w.Add(path)
}

// newDirWatcher is a project constructor: the caller closes what it
// returns.
func newDirWatcher(dir string) (*fsnotify.Watcher, error) { // want newDirWatcher:"constructor\\(fsnotify watcher, result 0, release Close\\)"
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := w.Add(dir); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

func poll(dirs []string) error {
	for _, d := range dirs {
		w, err := newDirWatcher(d) // want `fsnotify watcher from inotify.newDirWatcher is not released on the path that returns at line 144 \(call Close\)`
		if err != nil {
			return err
		}
		if len(d) > 10 {
			return errors.New("long")
		}
		w.Close()
	}
	return nil
}

// newWatcherVar is the other injection: a package variable tests set.
var newWatcherVar = fsnotify.NewWatcher

func waitOnce(path string) error {
	w, err := newWatcherVar() // want `fsnotify watcher from newWatcherVar \(set to fsnotify.NewWatcher\) is never released`
	if err != nil {
		return err
	}
	return w.Add(path)
}

// registry.get hands out a watcher kept elsewhere: no constructor of
// its signature is used as a value in this package, so its calls are not
// taken for one.
type registry struct {
	get func(dir string) (*fsnotify.Watcher, error)
}

func (r *registry) lookup(dir string) error { // ok
	w, err := r.get(dir)
	if err != nil {
		return err
	}
	return w.Add(dir)
}
