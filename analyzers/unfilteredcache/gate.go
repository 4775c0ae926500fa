package unfilteredcache

import (
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// FactGate says, before type-checking, whether unfilteredcache could
// export a fact in a package (factgate): it exports one only where the
// controller model is relevant, so its gate is the model's.
func FactGate(m *config.Model) factgate.Gate { return ctrlmodel.FactGate(m) }
