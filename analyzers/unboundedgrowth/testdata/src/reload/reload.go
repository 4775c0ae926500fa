package reload // want package:"releases\\(reload.server.current\\)"

import (
	"github.com/fsnotify/fsnotify"
)

type Config struct {
	Services map[string]string
}

type server struct {
	history []*Config
	routes  map[string]string
	current map[string]string
}

func load(path string) *Config { return &Config{} }

// watch keeps every configuration it ever loaded, and every route.
func (s *server) watch(w *fsnotify.Watcher) {
	for ev := range w.Events {
		cfg := load(ev.Name)
		s.history = append(s.history, cfg) // want `slice server.history grows per configuration reload without bound: server.watch appends to it \(a loop over a file watch's events in watch\)`
		for name, svc := range cfg.Services {
			s.routes[name] = svc // want `map server.routes grows per configuration reload`
		}
		// current is rebuilt and swapped: bounded
		next := map[string]string{}
		for name, svc := range cfg.Services {
			next[name] = svc
		}
		s.current = next
	}
}

func Start(path string) {
	w, _ := fsnotify.NewWatcher()
	s := &server{routes: map[string]string{}, current: map[string]string{}}
	go s.watch(w)
}
