// Package testutil lays out analysistest's source tree from an analyzer's
// own scenarios and the shared stubs of the Kubernetes libraries, so that
// the stubs are written once.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
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
