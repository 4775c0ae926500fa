// Package suite lists every ctrlvet analyzer. It is the one registry the
// ctrlvet binary, the golangci-lint plugin and build systems such as
// Bazel's nogo use: each analyzer is a plain *analysis.Analyzer with no
// global state and no file-system access beyond its pass.
package suite

import (
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/analyzers/earlyinformer"
	"github.com/ctrlvet/ctrlvet/analyzers/leadersend"
	"github.com/ctrlvet/ctrlvet/analyzers/netlinkclose"
	"github.com/ctrlvet/ctrlvet/analyzers/pipeclose"
	"github.com/ctrlvet/ctrlvet/analyzers/strandedgoroutine"
	"github.com/ctrlvet/ctrlvet/analyzers/unboundedgrowth"
	"github.com/ctrlvet/ctrlvet/analyzers/unfilteredcache"
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/frequency"
)

// Analyzers returns ctrlvet's analyzers with the default settings, in the
// order the documentation lists them.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		leadersend.Analyzer,
		earlyinformer.Analyzer,
		unfilteredcache.Analyzer,
		netlinkclose.Analyzer,
		pipeclose.Analyzer,
		strandedgoroutine.Analyzer,
		unboundedgrowth.Analyzer,
	}
}

// New returns a fresh set of ctrlvet's analyzers (in the order of
// Analyzers) that read s when they run: the analyzers that use the
// controller model share one model analyzer built from s.Model. Run the
// analyzers of one New together, never beside those of another New or of
// Analyzers (they register the same fact types). A nil s is the default.
func New(s *config.Settings) []*analysis.Analyzer {
	if s == nil {
		s = new(config.Settings)
	}
	return NewWithModel(s, Model(&s.Model))
}

// Model returns a controller-model analyzer for m (a helper that reports
// nothing; leadersend, earlyinformer and unfilteredcache require it). A
// nil m is the default model.
func Model(m *config.Model) *analysis.Analyzer {
	if m == nil {
		return ctrlmodel.Analyzer
	}
	return ctrlmodel.New(m)
}

// Find returns the analyzer called name among as, or nil.
func Find(as []*analysis.Analyzer, name string) *analysis.Analyzer {
	for _, a := range as {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// NewWithModel is New with a model analyzer from Model, for drivers that
// build the analyzers one by one and must share one model between them
// (the golangci-lint plugin builds each analyzer in its own plugin).
func NewWithModel(s *config.Settings, model *analysis.Analyzer) []*analysis.Analyzer {
	freq := Frequency(&s.Frequency)
	return []*analysis.Analyzer{
		leadersend.New(model),
		earlyinformer.New(model),
		unfilteredcache.New(model),
		netlinkclose.NewOn(&s.Netlinkclose, freq),
		pipeclose.NewOn(&s.Pipeclose, freq),
		strandedgoroutine.NewOn(freq),
		unboundedgrowth.New(freq),
	}
}

// frequencies holds the frequency stages built from settings, one per
// distinct settings: the analyzers that share a stage share its facts,
// and two stages in one run would register the same fact types.
var frequencies struct {
	sync.Mutex
	by map[string]*analysis.Analyzer
}

// Frequency returns the frequency stage for f (pipeclose and
// unboundedgrowth require it): the built-in one when f adds nothing, else
// one per distinct f for the life of the process.
func Frequency(f *config.Frequency) *analysis.Analyzer {
	if f == nil || f.Empty() {
		return frequency.Analyzer
	}
	key := strings.Join(f.ReloadEntryPoints, ",")
	frequencies.Lock()
	defer frequencies.Unlock()
	if a, ok := frequencies.by[key]; ok {
		return a
	}
	if frequencies.by == nil {
		frequencies.by = make(map[string]*analysis.Analyzer)
	}
	a := frequency.New(f)
	frequencies.by[key] = a
	return a
}
