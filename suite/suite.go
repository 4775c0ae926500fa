// Package suite lists every ctrlvet analyzer. It is the one registry the
// ctrlvet binary, the golangci-lint plugin and build systems such as
// Bazel's nogo use: each analyzer is a plain *analysis.Analyzer with no
// global state and no file-system access beyond its pass.
package suite

import (
	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/analyzers/earlyinformer"
	"github.com/ctrlvet/ctrlvet/analyzers/leadersend"
	"github.com/ctrlvet/ctrlvet/analyzers/netlinkclose"
	"github.com/ctrlvet/ctrlvet/analyzers/pipeclose"
	"github.com/ctrlvet/ctrlvet/analyzers/strandedgoroutine"
	"github.com/ctrlvet/ctrlvet/analyzers/unfilteredcache"
)

// Analyzers returns ctrlvet's analyzers, in the order the documentation
// lists them.
func Analyzers() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		leadersend.Analyzer,
		earlyinformer.Analyzer,
		unfilteredcache.Analyzer,
		netlinkclose.Analyzer,
		pipeclose.Analyzer,
		strandedgoroutine.Analyzer,
	}
}
