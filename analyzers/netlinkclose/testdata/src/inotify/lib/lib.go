package lib // want package:"netlinkresources"

import "github.com/fsnotify/fsnotify"

// NewDirWatcher returns a watcher of dir that the caller must close.
func NewDirWatcher(dir string) (*fsnotify.Watcher, error) { // want NewDirWatcher:"constructor\\(fsnotify watcher, result 0, release Close\\)"
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
