package ctrlmodel

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// FactGate says, before type-checking, whether the model could export a
// fact in a package (factgate): only in the user's own code (exportFacts),
// where relevant holds: the package imports a controller API or a
// client-go informer package, defines an event handler's methods, or a
// dependency has facts of the model (summaries accumulate through
// callers). With leader gates, waits or registrations in the settings,
// anywhere. Keep it in step with relevant: a summary the model exports
// elsewhere must widen it.
func FactGate(m *config.Model) factgate.Gate {
	if m != nil && (len(m.LeaderGates) > 0 || len(m.LeaderWaits) > 0 || len(m.HandlerRegistrations) > 0) {
		return factgate.Always
	}
	return func(u *factgate.Unit) bool {
		return u.Local() && (u.Imports(apis.ControllerPackages...) || u.ImportsPrefix(apis.ClientGoInformersPfx) ||
			u.DepFacts(factTypes...) || mentionsAny(u, apis.HandlerMethods))
	}
}

// factTypes are the model's facts.
var factTypes = []analysis.Fact{new(ChanFact), new(WrapperFact), new(RegistrarFact), new(LeaderFact), new(PackageFact), new(SummaryFact)}

func mentionsAny(u *factgate.Unit, names []string) bool {
	for _, n := range names {
		if u.Mentions(n) {
			return true
		}
	}
	return false
}
