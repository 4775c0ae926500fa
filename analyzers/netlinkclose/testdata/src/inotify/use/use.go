package use

import (
	"errors"
	"os"

	"github.com/fsnotify/fsnotify"

	"inotify/lib"
)

// Syncer makes a watcher through another package's constructor, per
// sync.
type Syncer struct {
	dir     string
	watcher func(dir string) (*fsnotify.Watcher, error)
}

func NewSyncer(dir string) *Syncer { return &Syncer{dir: dir, watcher: lib.NewDirWatcher} }

func (s *Syncer) Sync() error {
	w, err := lib.NewDirWatcher(s.dir) // want `fsnotify watcher from lib.NewDirWatcher is not released on the path that returns at line 27 \(call Close\)`
	if err != nil {
		return err
	}
	if _, err := os.Stat(s.dir); err != nil {
		return err
	}
	return w.Close()
}

func (s *Syncer) SyncInjected() error {
	w, err := s.watcher(s.dir) // want `fsnotify watcher from watcher \(set to lib.NewDirWatcher\) is never released`
	if err != nil {
		return err
	}
	if w == nil {
		return errors.New("no watcher")
	}
	return nil
}
