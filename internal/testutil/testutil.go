// Package testutil lays out analysistest's source tree from an analyzer's
// own scenarios and the shared stubs of the Kubernetes libraries, so that
// the stubs are written once.
package testutil

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
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
	var rec recorder
	res := analysistest.Run(&rec, dir, a, pkgs...)
	var out []analysis.Diagnostic
	for _, r := range res {
		if r.Err != nil {
			t.Fatalf("%s on %s: %v", a.Name, r.Pass.Pkg.Path(), r.Err)
		}
		out = append(out, r.Diagnostics...)
	}
	if len(res) == 0 {
		t.Fatalf("%s on %v: nothing analysed: %s", a.Name, pkgs, strings.Join(rec.errors, "; "))
	}
	for _, e := range rec.errors {
		if !strings.Contains(e, "no diagnostic was reported matching") && !strings.Contains(e, "unexpected diagnostic") {
			t.Fatalf("%s on %v: %s", a.Name, pkgs, e)
		}
	}
	return out
}

// recorder collects analysistest's errors instead of failing.
type recorder struct{ errors []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// Timed runs a on the generated package pkg of dir, ignoring // want
// comments, and fails t when it takes longer than limit (the inputs of
// these tests took tens of seconds before the work was bounded). It
// returns the findings.
func Timed(t testing.TB, dir string, a *analysis.Analyzer, pkg string, limit time.Duration) []analysis.Diagnostic {
	t.Helper()
	start := time.Now()
	ds := Findings(t, dir, a, pkg)
	if d := time.Since(start); d > limit {
		t.Errorf("%s on %s took %v, more than %v", a.Name, pkg, d, limit)
	}
	return ds
}
