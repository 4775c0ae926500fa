// Package testutil lays out analysistest's source tree from an analyzer's
// own scenarios and the shared stubs of the Kubernetes libraries, so that
// the stubs are written once.
package testutil

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
)

// StubsDir returns the directory of the shared stubs (testdata/stubs/src
// at the repository root).
func StubsDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "stubs", "src")
}

// Tree returns a directory for analysistest.Run whose src holds the
// analyzer's scenarios (its testdata/src) and the shared stubs.
func Tree(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		t.Fatal(err)
	}
	own, err := filepath.Abs(filepath.Join("testdata", "src"))
	if err != nil {
		t.Fatal(err)
	}
	for _, from := range []string{StubsDir(), own} {
		entries, err := os.ReadDir(from)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			dst := filepath.Join(src, e.Name())
			if _, err := os.Lstat(dst); err == nil {
				t.Fatalf("%s is in both the stubs and the scenarios", e.Name())
			}
			if err := os.Symlink(filepath.Join(from, e.Name()), dst); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// WritePackage writes a generated package (one file, main.go) into the
// source tree dir/src/<path> for analysistest.Run.
func WritePackage(t testing.TB, dir, path, src string) {
	t.Helper()
	pkg := filepath.Join(dir, "src", filepath.FromSlash(path))
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Findings runs a on pkgs as analysistest.Run does, but ignores their
// // want comments, and returns every finding: a test checks with it that
// the scenario written for a configured analyzer is silent without the
// settings. It fails t when the packages do not load or analyse.
func Findings(t testing.TB, dir string, a *analysis.Analyzer, pkgs ...string) []analysis.Diagnostic {
	t.Helper()
	ds, _ := findings(t, dir, a, pkgs...)
	return ds
}

// findings is Findings, and also returns the wall time of the analysis
// itself (every action of the checker, the required analyzers' and the
// dependencies' included), without loading.
func findings(t testing.TB, dir string, a *analysis.Analyzer, pkgs ...string) ([]analysis.Diagnostic, time.Duration) {
	t.Helper()
	var rec recorder
	res := analysistest.Run(&rec, dir, a, pkgs...)
	var out []analysis.Diagnostic
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s on %s: %v", a.Name, r.Action, r.Err)
		}
		out = append(out, r.Diagnostics...)
	}
	if len(res) == 0 {
		t.Fatalf("%s on %v: nothing analysed: %s", a.Name, pkgs, strings.Join(rec.errors, "; "))
	}
	for _, e := range rec.errors {
		if !strings.Contains(e, "no diagnostic was reported matching") && !strings.Contains(e, "unexpected diagnostic") &&
			!strings.Contains(e, "unexpected fact") {
			t.Fatalf("%s on %v: %s", a.Name, pkgs, e)
		}
	}
	seen := map[*checker.Action]bool{}
	var total time.Duration
	var walk func(*checker.Action)
	walk = func(act *checker.Action) {
		if seen[act] {
			return
		}
		seen[act] = true
		total += act.Duration
		for _, d := range act.Deps {
			walk(d)
		}
	}
	for _, r := range res {
		walk(r.Action)
	}
	return out, total
}

// recorder collects analysistest's errors instead of failing.
type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// Timed runs a on the generated package pkg of dir, ignoring // want
// comments, and fails t when loading, type-checking and analysing it take
// more CPU time than limit scaled by how slow this machine is now
// (Slowdown). CPU time of this process, not wall time: other processes on
// a busy machine do not count, and Slowdown absorbs a slower machine or
// the race detector. Loading the shared stubs alone takes about 3 s of
// CPU; a regression to exponential or cubic work (the inputs of these
// tests took tens of seconds before the work was bounded) still fails.
// It logs the analysis' own time (the checker's actions) apart. It
// returns the findings.
func Timed(t testing.TB, dir string, a *analysis.Analyzer, pkg string, limit time.Duration) []analysis.Diagnostic {
	t.Helper()
	before := Slowdown()
	start, wall := cpuTime(), time.Now()
	ds, own := findings(t, dir, a, pkg)
	d := cpuTime() - start
	scale := max(before, Slowdown())
	if d > time.Duration(float64(limit)*scale) {
		t.Errorf("%s on %s took %v of CPU, more than %v scaled by the machine's slowdown %.1f", a.Name, pkg, d, limit, scale)
	}
	t.Logf("%s on %s took %v of CPU, %v of wall time, of which analysis %v (limit %v, slowdown %.1f)", a.Name, pkg, d, time.Since(wall), own, limit, scale)
	return ds
}

// TimedRun is analysistest.Run of a on pkg of dir (the // want comments
// checked) under Timed's limit.
func TimedRun(t *testing.T, dir string, a *analysis.Analyzer, pkg string, limit time.Duration) {
	t.Helper()
	before := Slowdown()
	start, wall := cpuTime(), time.Now()
	analysistest.Run(t, dir, a, pkg)
	d := cpuTime() - start
	scale := max(before, Slowdown())
	if d > time.Duration(float64(limit)*scale) {
		t.Errorf("%s on %s took %v of CPU, more than %v scaled by the machine's slowdown %.1f", a.Name, pkg, d, limit, scale)
	}
	t.Logf("%s on %s took %v of CPU, %v of wall time (limit %v, slowdown %.1f)", a.Name, pkg, d, time.Since(wall), limit, scale)
}

// Slowdown returns how many times more CPU time than on the reference
// machine (go1.26, amd64, no race detector) a fixed workload takes now,
// at least 1: parsing and type-checking a generated package, the kind of
// work (allocation, maps, the garbage collector) an analysis does. It
// takes the fastest of five runs.
func Slowdown() float64 {
	best := time.Duration(1<<63 - 1)
	for range 5 {
		start := cpuTime()
		calibrate()
		best = min(best, cpuTime()-start)
	}
	return max(1, float64(best)/float64(referenceCalibration))
}

// referenceCalibration is the CPU time calibrate takes on the reference
// machine (the fastest of many runs).
const referenceCalibration = 25 * time.Millisecond

// calibrationSource is the package calibrate type-checks.
var calibrationSource = func() string {
	var b strings.Builder
	b.WriteString("package p\n\ntype T struct{ a, b int; c []string; m map[string]int }\n\n")
	for i := range 600 {
		fmt.Fprintf(&b, "func f%d(t *T, xs []int) (int, error) {\n\tn := 0\n\tfor i, x := range xs {\n\t\tif x > %d {\n\t\t\tn += i * t.a\n\t\t} else {\n\t\t\tt.m[t.c[i%%len(t.c)]] = x\n\t\t}\n\t}\n\treturn n + t.b, nil\n}\n\n", i, i)
	}
	return b.String()
}()

// calibrate parses and type-checks calibrationSource.
func calibrate() {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", calibrationSource, parser.SkipObjectResolution)
	if err != nil {
		panic(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		panic(err)
	}
}
