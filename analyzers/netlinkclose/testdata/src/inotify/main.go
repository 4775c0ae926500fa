package inotify

// main-like code that runs once: a watcher for the life of the process.
func init() { // ok
	w, err := newWatcherVar()
	if err != nil {
		return
	}
	_ = w.Add("/etc/config")
}
