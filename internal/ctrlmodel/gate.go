package ctrlmodel

import (
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// FactGate says, before type-checking, whether the model could export a
// fact in a package (factgate): only where relevant holds, that is where
// the package imports a controller API or a client-go informer package
// (or a dependency has facts, which factgate's caller checks). With leader
// gates, waits or registrations in the settings, anywhere. Keep it in
// step with relevant: a summary the model exports elsewhere must widen it.
func FactGate(m *config.Model) factgate.Gate {
	if m != nil && (len(m.LeaderGates) > 0 || len(m.LeaderWaits) > 0 || len(m.HandlerRegistrations) > 0) {
		return factgate.Always
	}
	return func(u *factgate.Unit) bool {
		return u.Imports(apis.ControllerPackages...) || u.ImportsPrefix(apis.ClientGoInformersPfx)
	}
}
