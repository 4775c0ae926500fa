package ctrlmodel_test

import (
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestConcurrentQueries asks every query of the model at once, as the
// analyzers of one package do when the checker runs them side by side.
// The stages are only read once the model is built, and what is completed
// later (the flows' results, the summaries) is completed under a lock, so
// under the race detector (.ci/run) this fails when a query fills a memo
// without it.
func TestConcurrentQueries(t *testing.T) {
	var queried atomic.Int32
	a := &analysis.Analyzer{
		Name:     "concurrent",
		Doc:      "concurrent",
		Requires: []*analysis.Analyzer{ctrlmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			m := pass.ResultOf[ctrlmodel.Analyzer].(*ctrlmodel.Model)
			if !m.Relevant {
				return nil, nil
			}
			queried.Add(1)
			queries := []func(){
				func() { m.Informers() },
				func() { m.Channels() },
				func() { m.WaitGroups() },
				func() { m.Conds() },
				func() { m.ForeignInformers() },
				func() { m.SendsIn() },
				func() {
					for _, fn := range m.Funcs {
						m.Symbolic(fn)
						m.Describe(fn)
						m.GateOf(fn)
						m.RoleOf(fn)
						m.InHandler(fn)
						m.PerRequest(fn)
						m.EveryGateOf(fn)
						m.PosOf(pass.Fset.Position(fn.Pos()).String())
						for _, p := range fn.Params {
							m.ArgsOf(p)
						}
					}
					m.Manager()
				},
				func() {
					for _, fn := range m.Funcs {
						for _, b := range fn.Blocks {
							for _, instr := range b.Instrs {
								switch in := instr.(type) {
								case ssa.CallInstruction:
									if callee := in.Common().StaticCallee(); callee != nil {
										if f, ok := callee.Object().(*types.Func); ok {
											m.EntryRole(f)
										}
									}
								case *ssa.FieldAddr:
									m.WiringsOf(in.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct).Field(in.Field))
								}
							}
						}
					}
				},
				func() {
					for _, fn := range m.Funcs {
						for _, b := range fn.Blocks {
							for _, instr := range b.Instrs {
								m.RoleAt(instr)
								m.GateAt(instr)
								m.WaitBefore(instr)
								if v, ok := instr.(ssa.Value); ok {
									m.CacheOf(v)
									m.FactoryOf(v)
									for _, reg := range m.RegistrationsOf(v) {
										m.RegistrationRole(reg)
									}
								}
							}
						}
					}
				},
			}
			var wg sync.WaitGroup
			for range 2 {
				for _, q := range queries {
					wg.Go(q)
				}
			}
			wg.Wait()
			return nil, nil
		},
	}
	// the model's own scenarios, and those of the analyzers that use it
	for _, dir := range []string{"testdata/src", "../../analyzers/leadersend/testdata/src", "../../analyzers/earlyinformer/testdata/src", "../../analyzers/unfilteredcache/testdata/src"} {
		tree, pkgs := scenarios(t, dir)
		analysistest.Run(quiet{}, tree, a, pkgs...)
	}
	t.Logf("queried %d packages", queried.Load())
	if queried.Load() == 0 {
		t.Fatal("no package was relevant to the model")
	}
}

// scenarios returns a directory for analysistest.Run whose src holds the
// scenarios of dir and the shared stubs, and the scenarios' packages.
func scenarios(t *testing.T, dir string) (string, []string) {
	t.Helper()
	root := t.TempDir()
	src := filepath.Join(root, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, from := range []string{testutil.StubsDir(), dir} {
		from, err := filepath.Abs(from)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := os.ReadDir(from)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if err := os.Symlink(filepath.Join(from, e.Name()), filepath.Join(src, e.Name())); err != nil {
				t.Fatal(err)
			}
		}
	}
	var pkgs []string
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(abs, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".go" {
			return err
		}
		rel, err := filepath.Rel(abs, filepath.Dir(path))
		if err == nil && !slices.Contains(pkgs, filepath.ToSlash(rel)) {
			pkgs = append(pkgs, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return root, pkgs
}
