package strandedgoroutine

import (
	"go/ast"
	"go/types"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/ctrlvet/ctrlvet/internal/factgate"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestFactGateExact checks the gate against summarize on every scenario:
// each function the analyzer exports a fact on must be one maySummarize
// accepts (a foreverFact may be on a function whose callee of the same
// package is one), and its package must pass the gate (a gate that says no there
// would lose the fact for importers when the package is only a
// dependency). It also checks that the gate closes on some scenarios.
func TestFactGateExact(t *testing.T) {
	gate := FactGate()
	results := analysistest.Run(t, testutil.Tree(t), Analyzer, scenarios(t)...)
	facts, closed, watches := 0, 0, 0
	for _, r := range results {
		var files []string
		for _, f := range r.Pass.Files {
			files = append(files, r.Pass.Fset.File(f.Pos()).Name())
		}
		open := gate(factgate.NewUnit(r.Pass.Pkg.Path(), nil, files))
		if !open {
			closed++
		}
		for obj, fs := range r.Facts {
			facts++
			if !open {
				t.Errorf("%s: the gate is closed, but the analyzer exports %v on %v", r.Pass.Pkg.Path(), fs, obj)
			}
			if onlyForever(fs) {
				continue // a function of the package that maySummarize accepts starts the goroutine
			}
			fd, file := declOf(r.Pass.Files, obj)
			if onlyWatch(fs) {
				if fd == nil || !mayReturnWatch(fd, watchImportName(file)) {
					t.Errorf("%s: mayReturnWatch says no to %v, which has the facts %v", r.Pass.Pkg.Path(), obj, fs)
				}
				watches++
				continue
			}
			if fd == nil || !maySummarize(fd) {
				t.Errorf("%s: maySummarize says no to %v, which has the facts %v", r.Pass.Pkg.Path(), obj, fs)
			}
		}
	}
	if facts < 2 || closed == 0 || watches == 0 {
		t.Errorf("the scenarios must exercise the gate both ways: %d facts (%d of watches), %d packages closed", facts, watches, closed)
	}
}

// onlyForever reports whether fs are foreverFacts only: those may be on a
// function without a go statement of its own that calls one with it, whose
// package the gate opens on.
func onlyForever(fs []analysis.Fact) bool {
	for _, f := range fs {
		if _, ok := f.(*foreverFact); !ok {
			return false
		}
	}
	return true
}

// onlyWatch reports whether fs are watchFacts only.
func onlyWatch(fs []analysis.Fact) bool {
	for _, f := range fs {
		if _, ok := f.(*watchFact); !ok {
			return false
		}
	}
	return true
}

// scenarios returns every package under testdata/src.
func scenarios(t *testing.T) []string {
	src := filepath.Join(analysistest.TestData(), "src")
	seen := map[string]bool{}
	var pkgs []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		dir, _ := filepath.Rel(src, filepath.Dir(path))
		if !seen[dir] {
			seen[dir] = true
			pkgs = append(pkgs, filepath.ToSlash(dir))
		}
		return nil
	})
	if err != nil || len(pkgs) < 10 {
		t.Fatalf("scenarios: %v, %d found", err, len(pkgs))
	}
	return pkgs
}

func declOf(files []*ast.File, obj types.Object) (*ast.FuncDecl, *ast.File) {
	for _, f := range files {
		if f.Pos() <= obj.Pos() && obj.Pos() < f.End() {
			path, _ := astutil.PathEnclosingInterval(f, obj.Pos(), obj.Pos())
			for _, n := range path {
				if fd, ok := n.(*ast.FuncDecl); ok {
					return fd, f
				}
			}
		}
	}
	return nil, nil
}
