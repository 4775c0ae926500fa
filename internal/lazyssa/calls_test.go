package lazyssa_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/lazyssa"
)

// TestCalls checks the shared call graph on a small package: sites in
// source order (recursive ones too), callers each once, function values,
// closures, and methods invoked through an interface in a go statement.
func TestCalls(t *testing.T) {
	a := &analysis.Analyzer{
		Name:     "calls",
		Doc:      "calls",
		Requires: []*analysis.Analyzer{lazyssa.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			b := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Builder)
			_, fns := b.Build()
			byName := make(map[string]*ssa.Function)
			for _, fn := range fns {
				byName[fn.Name()] = fn
			}
			g := b.Calls()
			if g != b.Calls() {
				t.Error("Calls is not built once")
			}
			leaf := byName["leaf"]
			var from []string
			for _, s := range g.Sites(leaf) {
				from = append(from, s.Parent().Name())
			}
			if got, want := from, []string{"leaf", "twice", "twice", "spawn"}; !slices.Equal(got, want) {
				t.Errorf("Sites(leaf) from %v, want %v", got, want)
			}
			var callers []string
			for _, c := range g.Callers(leaf) {
				callers = append(callers, c.Name())
			}
			if got, want := callers, []string{"leaf", "twice", "spawn"}; !slices.Equal(got, want) {
				t.Errorf("Callers(leaf) = %v, want %v", got, want)
			}
			if !g.UsedAsValue(byName["helper"]) || g.UsedAsValue(leaf) {
				t.Error("UsedAsValue: helper is a value, leaf only called")
			}
			if !g.Invoked("tell") || g.Invoked("leaf") {
				t.Error("Invoked: tell is called through an interface (go x.tell()), leaf is not")
			}
			if len(g.Closures(byName["closures$1"])) != 1 {
				t.Error("Closures: closures$1 is made once")
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), a, "calls")
}
