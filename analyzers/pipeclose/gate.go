package pipeclose

import (
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// FactGate says, before type-checking, whether pipeclose could export a
// fact in a package (factgate). A fact marks a function returning a
// fresh writer it made by calling a function with a *io.PipeWriter
// result: io.Pipe, logrus's Writer and WriterLevel, or a function of a
// dependency, which says "PipeWriter" in its own source (so that
// dependency is analysed), or whose facts say so (DepFacts). The
// gate looks for those names in the files; what it cannot see is a call,
// under another name, of a function of a dependency that returns a
// *io.PipeWriter it did not make (a getter), wrapped again here. With
// constructors in the settings, anywhere; never in the standard library,
// whose io.Pipe internal/apis knows. Keep it in step with relevant.
func FactGate(r *config.Resources) factgate.Gate {
	if r != nil && len(r.Constructors) > 0 {
		return factgate.Always
	}
	return func(u *factgate.Unit) bool {
		return !u.Standard() && (u.Mentions("Pipe") || u.Mentions(".Writer(") || u.Mentions("WriterLevel") || u.DepFacts(new(freshWriterFact)))
	}
}
