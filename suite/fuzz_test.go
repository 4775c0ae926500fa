package suite_test

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ctrlvet/ctrlvet/suite"
)

// fuzzLimit bounds the analysis of one fuzz input. The inputs are single
// files of at most maxFuzzInput bytes; their analysis takes milliseconds.
const (
	fuzzLimit    = 20 * time.Second
	maxFuzzInput = 64 << 10
)

// FuzzAnalyzers parses a Go file, type-checks it against the shared stubs
// of the Kubernetes libraries and the analyzers' own stubs (netlink,
// logrus, ...) and, when it type-checks, runs EVERY analyzer of the suite
// on it (and so the controller model and the resource engine they
// require), twice, through x/tools' checker. It fails on an analyzer
// error (a panic becomes one through the guard), on a run longer than
// fuzzLimit, and on findings that differ between the two runs.
//
// The seed corpus is every single-file scenario of the analyzers'
// testdata that type-checks alone, plus testdata/fuzz/FuzzAnalyzers
// (crashers found by fuzzing, kept as regression tests). Under plain
// `go test` each seed runs once:
//
//	go test -run=NONE -fuzz=FuzzAnalyzers -parallel=1 -fuzztime=10m ./suite/
func FuzzAnalyzers(f *testing.F) {
	w := newWorld(f)
	for _, seed := range w.seeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > maxFuzzInput {
			return
		}
		w.check(t, src)
	})
}

// world type-checks stub packages once, for every input of a fuzzing run.
type world struct {
	fset  *token.FileSet
	std   types.Importer
	sizes types.Sizes
	roots []string // source roots searched in order for non-standard packages

	mu    sync.Mutex
	pkgs  map[string]*packages.Package
	stubs map[string]error // packages of the roots that do not type-check
}

func newWorld(tb testing.TB) *world {
	tb.Helper()
	fset := token.NewFileSet()
	roots := []string{filepath.Join("..", "testdata", "stubs", "src")}
	more, err := filepath.Glob(filepath.Join("..", "analyzers", "*", "testdata", "src"))
	if err != nil {
		tb.Fatal(err)
	}
	roots = append(roots, more...)
	return &world{
		fset:  fset,
		std:   importer.ForCompiler(fset, "gc", nil),
		sizes: types.SizesFor("gc", "amd64"),
		roots: roots,
		pkgs:  map[string]*packages.Package{},
		stubs: map[string]error{},
	}
}

// dir returns the directory of a non-standard package, or "".
func (w *world) dir(path string) string {
	for _, r := range w.roots {
		d := filepath.Join(r, filepath.FromSlash(path))
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	return ""
}

// Import implements types.Importer: a stub from the roots, else the
// standard library from export data.
func (w *world) Import(path string) (*types.Package, error) {
	if d := w.dir(path); d != "" {
		p, err := w.load(path, d)
		if err != nil {
			return nil, err
		}
		return p.Types, nil
	}
	if strings.Contains(strings.SplitN(path, "/", 2)[0], ".") {
		return nil, fmt.Errorf("no stub for %s", path)
	}
	return w.std.Import(path)
}

// load parses and type-checks the stub package in dir once.
func (w *world) load(path, dir string) (*packages.Package, error) {
	w.mu.Lock()
	if p, ok := w.pkgs[path]; ok {
		w.mu.Unlock()
		return p, nil
	}
	if err, ok := w.stubs[path]; ok {
		w.mu.Unlock()
		return nil, err
	}
	w.mu.Unlock()
	bp, err := build.Default.ImportDir(dir, 0)
	var files []*ast.File
	if err == nil {
		for _, name := range bp.GoFiles {
			f, perr := parser.ParseFile(w.fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
			if perr != nil {
				err = perr
				break
			}
			files = append(files, f)
		}
	}
	var p *packages.Package
	if err == nil {
		p, err = w.typeCheck(path, files)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if err != nil {
		w.stubs[path] = err
		return nil, err
	}
	w.pkgs[path] = p
	return p, nil
}

// typeCheck type-checks files as the package path and returns it as
// checker.Analyze wants it: syntax, types, and its non-standard imports
// (the standard library's come from export data and have no facts here).
func (w *world) typeCheck(path string, files []*ast.File) (*packages.Package, error) {
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Instances:    map[*ast.Ident]types.Instance{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		FileVersions: map[*ast.File]string{},
	}
	var first error
	conf := types.Config{
		Importer: w,
		Sizes:    w.sizes,
		Error: func(err error) {
			if first == nil {
				first = err
			}
		},
	}
	tp, _ := conf.Check(path, w.fset, files, info)
	if first != nil {
		return nil, first
	}
	p := &packages.Package{
		ID:         path,
		Name:       tp.Name(),
		PkgPath:    path,
		Fset:       w.fset,
		Syntax:     files,
		Types:      tp,
		TypesInfo:  info,
		TypesSizes: w.sizes,
		Imports:    map[string]*packages.Package{},
	}
	for _, imp := range tp.Imports() {
		w.mu.Lock()
		dep, ok := w.pkgs[imp.Path()]
		w.mu.Unlock()
		if ok {
			p.Imports[imp.Path()] = dep
		}
	}
	return p, nil
}

// input type-checks src as the package "fuzz/p", or returns nil when it
// does not parse or type-check.
func (w *world) input(src string) *packages.Package {
	p, _ := w.parse(src)
	return p
}

// parse parses and type-checks src as the package "fuzz/p".
func (w *world) parse(src string) (*packages.Package, error) {
	f, err := parser.ParseFile(w.fset, "fuzz.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	return w.typeCheck("fuzz/p", []*ast.File{f})
}

// check analyses src when it type-checks, and fails t as FuzzAnalyzers
// says.
func (w *world) check(t *testing.T, src string) {
	p := w.input(src)
	if p == nil {
		return
	}
	first := w.analyse(t, p)
	second := w.analyse(t, p)
	if first != second {
		t.Errorf("two runs differ:\n%s\n----\n%s", first, second)
	}
}

// analyse runs every analyzer on p within fuzzLimit and returns its
// findings, one per line, sorted.
func (w *world) analyse(t *testing.T, p *packages.Package) string {
	t.Helper()
	type result struct {
		g   *checker.Graph
		err error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		g, err := checker.Analyze(suite.Analyzers(), []*packages.Package{p}, nil)
		done <- result{g, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(fuzzLimit):
		t.Fatalf("analysis took more than %v", fuzzLimit)
	}
	if r.err != nil {
		t.Fatalf("checker: %v (after %v)", r.err, time.Since(start))
	}
	var lines []string
	for act := range r.g.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
		}
		if act.Package != p {
			continue
		}
		for _, d := range act.Diagnostics {
			lines = append(lines, fmt.Sprintf("%s: %s (%s)", w.fset.Position(d.Pos), d.Message, act.Analyzer.Name))
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// seeds returns the analyzers' single-file scenarios that type-check on
// their own: fuzzing mutates them.
func (w *world) seeds(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, r := range w.roots[1:] {
		err := filepath.WalkDir(r, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if len(b) <= maxFuzzInput && w.input(string(b)) != nil {
				out = append(out, string(b))
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if len(out) < 20 {
		tb.Fatalf("%d seeds type-check alone, want at least 20", len(out))
	}
	return out
}
