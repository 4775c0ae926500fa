// Package reloadcfg has a project's own reload entry point, applyConfig:
// with frequency.reload-entry-points naming it, what it grows without
// release is reported as growing per reload.
package reloadcfg

type Config struct {
	Routes map[string]string
}

type Server struct {
	history []*Config
	handler map[string]string
}

// applyConfig is called by the project's own watcher on every reload.
func (s *Server) applyConfig(cfg *Config) {
	s.history = append(s.history, cfg) // want `slice Server.history grows per configuration reload without bound: Server.applyConfig appends to it \(Server.applyConfig is a reload entry point in ctrlvet's settings\)`
	for path, target := range cfg.Routes {
		s.handler[path] = target // want `map Server.handler grows per configuration reload`
	}
}
