package ctrlmodel_test

import (
	"go/ast"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestRoles compares the exact roles of the functions of the model's own
// scenarios (internal/ctrlmodel/testdata/src/roles) with the "role: R;
// symbolic: S" lines of their doc comments: R is RoleOf, S the summary
// (a concrete role, then "from" and the entries whose callers' roles the
// function takes). A leader-only function that came out Leader|Every
// fails it.
func TestRoles(t *testing.T) {
	checked := 0
	a := &analysis.Analyzer{
		Name:     "roles",
		Doc:      "roles",
		Requires: []*analysis.Analyzer{ctrlmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[ctrlmodel.Analyzer].(*ctrlmodel.Model)
			byObj := make(map[types.Object]*ssa.Function)
			for _, fn := range m.Funcs {
				if fn.Object() != nil && fn.Parent() == nil {
					byObj[fn.Object()] = fn
				}
			}
			for _, f := range pass.Files {
				for _, decl := range f.Decls {
					fd, ok := decl.(*ast.FuncDecl)
					if !ok || fd.Doc == nil {
						continue
					}
					want := ""
					for _, c := range fd.Doc.List {
						if rest, ok := strings.CutPrefix(c.Text, "// role: "); ok {
							want = rest
						}
					}
					if want == "" {
						continue
					}
					fn := byObj[pass.TypesInfo.Defs[fd.Name]]
					if fn == nil {
						t.Errorf("%s: no function in the model", fd.Name.Name)
						continue
					}
					role, roots := m.Symbolic(fn)
					sym := role.String()
					if len(roots) > 0 {
						var rs []string
						for _, r := range roots {
							rs = append(rs, r.String())
						}
						sym = strings.TrimSpace(sym + " from " + strings.Join(rs, "|"))
					}
					got := m.RoleOf(fn).String() + "; symbolic: " + sym
					if got != want {
						t.Errorf("%s.%s: role: %s, want %s", pass.Pkg.Path(), fd.Name.Name, got, want)
					}
					checked++
				}
			}
			if pass.Pkg.Path() == "roles/cmd" {
				for key, want := range map[string]string{
					"lib.Watcher.Setup": "every",          // through mid.Setup, called by main
					"lib.Run":           "every",          // called by main
					"lib.Forward":       "leader|unknown", // mid.leaderOnly; mid.Wire, which nobody calls
					"lib.Both":          "unknown",        // nobody calls it
					"mid.Wire":          "unknown",        // nobody calls it
					"mid.AddLeader":     "every",          // called by main
				} {
					got := m.EntryRole(lookup(pass.Pkg, key)).String()
					if got != want {
						t.Errorf("roles/cmd: entry %s: %s, want %s", key, got, want)
					}
					checked++
				}
			}
			return nil, nil
		},
	}
	analysistest.Run(quiet{}, testutil.Tree(t), a, "roles/lib", "roles/mid", "roles/cmd", "roles/ctrls", "roles/ctrllib")
	if checked < 20 {
		t.Errorf("checked %d roles, want at least 20", checked)
	}
}

// lookup finds pkg.F or pkg.T.M among the imports of p.
func lookup(p *types.Package, key string) *types.Func {
	parts := strings.Split(key, ".")
	for _, imp := range p.Imports() {
		if imp.Name() != parts[0] {
			continue
		}
		obj := imp.Scope().Lookup(parts[1])
		if len(parts) == 2 {
			f, _ := obj.(*types.Func)
			return f
		}
		if obj == nil {
			return nil
		}
		m, _, _ := types.LookupFieldOrMethod(types.NewPointer(obj.Type()), true, imp, parts[2])
		f, _ := m.(*types.Func)
		return f
	}
	return nil
}

// TestSummaryFacts checks the facts the model exports for its importers:
// the symbolic roles of a library's channel operations, an entry's
// summary of its channel parameter, and the edges of a package between
// (the // want lines of roles/lib and roles/mid).
func TestSummaryFacts(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), ctrlmodel.Analyzer, "roles/lib", "roles/mid")
}
