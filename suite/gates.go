package suite

import (
	"github.com/ctrlvet/ctrlvet/analyzers/netlinkclose"
	"github.com/ctrlvet/ctrlvet/analyzers/pipeclose"
	"github.com/ctrlvet/ctrlvet/analyzers/strandedgoroutine"
	"github.com/ctrlvet/ctrlvet/analyzers/unboundedgrowth"
	"github.com/ctrlvet/ctrlvet/analyzers/unfilteredcache"
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
	"github.com/ctrlvet/ctrlvet/internal/frequency"
)

// FactGates returns, by analyzer name, the gates of the analyzers of New(s)
// (and of the model they require) that export facts: whether the
// analyzer could export a fact in a package, decided before it is
// type-checked (internal/factgate). An analyzer with facts that is not
// here is run on every package: add a gate with its facts, or widen its
// gate when it exports facts in more places.
func FactGates(s *config.Settings) map[string]factgate.Gate {
	if s == nil {
		s = new(config.Settings)
	}
	return map[string]factgate.Gate{
		"ctrlmodel":         ctrlmodel.FactGate(&s.Model),
		"unfilteredcache":   unfilteredcache.FactGate(&s.Model),
		"netlinkclose":      netlinkclose.FactGate(&s.Netlinkclose),
		"pipeclose":         pipeclose.FactGate(&s.Pipeclose),
		"frequency":         frequency.FactGate(),
		"unboundedgrowth":   unboundedgrowth.FactGate(),
		"strandedgoroutine": strandedgoroutine.FactGate(),
	}
}
