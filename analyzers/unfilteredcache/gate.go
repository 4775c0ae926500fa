package unfilteredcache

import (
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// FactGate says, before type-checking, whether unfilteredcache could
// export a fact in a package (factgate): it exports one only in the
// user's own code where the controller model is relevant, so its gate is
// the model's, or where a dependency has its facts.
func FactGate(m *config.Model) factgate.Gate {
	model := ctrlmodel.FactGate(m)
	return func(u *factgate.Unit) bool { return u.Local() && (model(u) || u.DepFacts(new(usesFact))) }
}
