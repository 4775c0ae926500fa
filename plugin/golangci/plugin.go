// Package golangci registers ctrlvet's analyzers as golangci-lint v2
// module plugins (github.com/golangci/plugin-module-register).
//
// golangci-lint names every finding after the plugin that produced it, and
// enables, disables and honours //nolint by that name. So each analyzer is
// its own plugin, registered under the analyzer's name (leadersend,
// earlyinformer, netlinkclose, pipeclose, ...), and a user enables them one
// by one:
//
//	linters:
//	  enable: [netlinkclose, pipeclose, leadersend]
//	  settings:
//	    custom:
//	      netlinkclose:
//	        type: module
//	        settings: &ctrlvet
//	          netlinkclose:
//	            constructors: [github.com/mdlayher/netlink.Dial]
//	          model:
//	            leader-gates: [example.com/ha.RunWhenLeader]
//	      pipeclose:
//	        type: module
//	        settings:
//	          exclude: ["/internal/legacy/"]
//	      leadersend:
//	        type: module
//	        settings: *ctrlvet
//
// A plugin's settings are ctrlvet's config.Settings (the keys of a
// .ctrlvet.yaml file) plus exclude. The analyzers that use the controller
// model (leadersend, earlyinformer, unfilteredcache) share one model in a
// run, so their model settings must be the same: a YAML anchor, as above,
// gives every plugin the same block.
// Blank-import this package into a golangci-lint build (see
// tools/golangci, or .custom-gcl.yml for `golangci-lint custom`).
package golangci

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/suite"
)

func init() {
	for _, a := range suite.Analyzers() {
		register.Plugin(a.Name, constructor(a.Name))
	}
}

// Settings are one plugin's settings (linters.settings.custom.<name>.settings):
// ctrlvet's settings, the same keys as in a .ctrlvet.yaml file, and
// exclude.
type Settings struct {
	config.Settings
	// Exclude drops the findings whose file path contains one of these
	// substrings (compared with forward slashes), e.g. "/internal/legacy/"
	// or "_test.go".
	Exclude []string `json:"exclude,omitempty"`
}

// Plugin is the golangci-lint plugin of one analyzer.
type Plugin struct {
	analyzer *analysis.Analyzer
	settings Settings
}

var _ register.LinterPlugin = (*Plugin)(nil)

// constructor returns the register.NewPlugin of the analyzer called name.
func constructor(name string) register.NewPlugin {
	return func(conf any) (register.LinterPlugin, error) {
		var s Settings
		if err := config.Strict(conf, &s); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := s.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		for _, e := range s.Exclude {
			if e == "" {
				return nil, fmt.Errorf("%s: exclude: an empty string would exclude every file", name)
			}
		}
		a, err := analyzer(name, &s.Settings)
		if err != nil {
			return nil, err
		}
		return &Plugin{analyzer: a, settings: s}, nil
	}
}

// analyzer returns the analyzer called name for settings s: the suite's
// own when s adds nothing, else one built from s on the shared model.
func analyzer(name string, s *config.Settings) (*analysis.Analyzer, error) {
	i := slices.IndexFunc(suite.Analyzers(), func(a *analysis.Analyzer) bool { return a.Name == name })
	if i < 0 {
		return nil, fmt.Errorf("ctrlvet has no analyzer named %q", name)
	}
	def := suite.Analyzers()[i]
	if s.Empty() {
		if usesModel(def) {
			if _, err := sharedModel(name, s.Model); err != nil {
				return nil, err
			}
		}
		return def, nil
	}
	model := ctrlmodel.Analyzer
	if usesModel(def) {
		var err error
		if model, err = sharedModel(name, s.Model); err != nil {
			return nil, err
		}
	}
	return suite.NewWithModel(s, model)[i], nil
}

func usesModel(a *analysis.Analyzer) bool {
	return slices.Contains(a.Requires, ctrlmodel.Analyzer)
}

// shared holds the one controller model of this golangci-lint run: the
// analyzers that use it must share it (their facts are one set), so the
// plugins must give it the same settings. The first plugin to ask sets it
// (a compare-and-swap, no lock); the others take it, or fail when their
// model settings differ.
var shared atomic.Pointer[sharedModelOf]

type sharedModelOf struct {
	key string
	by  string // the plugin that set it
	a   *analysis.Analyzer
}

func sharedModel(name string, m config.Model) (*analysis.Analyzer, error) {
	mine := &sharedModelOf{key: m.Key(), by: name, a: ctrlmodel.Analyzer}
	if !m.Empty() {
		mine.a = ctrlmodel.New(&m)
	}
	if shared.CompareAndSwap(nil, mine) {
		return mine.a, nil
	}
	got := shared.Load()
	if got.key != mine.key {
		return nil, fmt.Errorf("%s: its model settings differ from those of %s: leadersend, earlyinformer and unfilteredcache share one controller model, so give them the same model settings (a YAML anchor does it)", name, got.by)
	}
	return got.a, nil
}

// New returns the plugin of the analyzer called name, with settings conf
// as golangci-lint passes them (nil when there are none).
func New(name string, conf any) (register.LinterPlugin, error) {
	if !slices.ContainsFunc(suite.Analyzers(), func(a *analysis.Analyzer) bool { return a.Name == name }) {
		return nil, fmt.Errorf("ctrlvet has no analyzer named %q", name)
	}
	return constructor(name)(conf)
}

// BuildAnalyzers returns the plugin's one analyzer: ctrlvet's own when
// there is nothing to exclude, else a copy whose Run drops the findings in
// excluded files. (The copy replaces the original: both must not run, as
// they register the same fact types.)
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	if len(p.settings.Exclude) == 0 {
		return []*analysis.Analyzer{p.analyzer}, nil
	}
	a := *p.analyzer
	run, exclude := p.analyzer.Run, p.settings.Exclude
	a.Run = func(pass *analysis.Pass) (any, error) {
		filtered := *pass
		report := pass.Report
		filtered.Report = func(d analysis.Diagnostic) {
			if !excluded(pass.Fset.Position(d.Pos).Filename, exclude) {
				report(d)
			}
		}
		return run(&filtered)
	}
	return []*analysis.Analyzer{&a}, nil
}

// GetLoadMode returns register.LoadModeTypesInfo: the analyzers need
// types and build SSA.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func excluded(file string, exclude []string) bool {
	file = filepath.ToSlash(file)
	for _, e := range exclude {
		if strings.Contains(file, filepath.ToSlash(e)) {
			return true
		}
	}
	return false
}
