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
//	  enable: [netlinkclose, pipeclose]
//	  settings:
//	    custom:
//	      netlinkclose:
//	        type: module
//	      pipeclose:
//	        type: module
//	        settings:
//	          exclude: ["/internal/legacy/"]
//
// Blank-import this package into a golangci-lint build (see
// tools/golangci, or .custom-gcl.yml for `golangci-lint custom`).
package golangci

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/suite"
)

func init() {
	for _, a := range suite.Analyzers() {
		register.Plugin(a.Name, constructor(a))
	}
}

// Settings are one plugin's settings (linters.settings.custom.<name>.settings).
type Settings struct {
	// Exclude drops the findings whose file path contains one of these
	// substrings (compared with forward slashes), e.g. "/internal/legacy/"
	// or "_test.go".
	Exclude []string `json:"exclude"`
}

// Plugin is the golangci-lint plugin of one analyzer.
type Plugin struct {
	analyzer *analysis.Analyzer
	settings Settings
}

var _ register.LinterPlugin = (*Plugin)(nil)

// constructor returns the register.NewPlugin of analyzer a.
func constructor(a *analysis.Analyzer) register.NewPlugin {
	return func(conf any) (register.LinterPlugin, error) {
		s, err := register.DecodeSettings[Settings](conf)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.Name, err)
		}
		for _, e := range s.Exclude {
			if e == "" {
				return nil, fmt.Errorf("%s: exclude: an empty string would exclude every file", a.Name)
			}
		}
		return &Plugin{analyzer: a, settings: s}, nil
	}
}

// New returns the plugin of the analyzer called name, with settings conf
// as golangci-lint passes them (nil when there are none).
func New(name string, conf any) (register.LinterPlugin, error) {
	for _, a := range suite.Analyzers() {
		if a.Name == name {
			return constructor(a)(conf)
		}
	}
	return nil, fmt.Errorf("ctrlvet has no analyzer named %q", name)
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
