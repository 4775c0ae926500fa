package main_test

// Odd input, end to end through the built binary: packages that do not
// type-check or build (cgo with a missing header), cgo that builds,
// generics everywhere, a 100,000-line generated file, empty and test-only
// packages, vendored modules and go.work workspaces. No crash, one clear
// line for each package that cannot be analysed, the other packages still
// analysed, and the exit status of the README's table.

import (
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// oddBin returns a copy of the built binary with a few random bytes
// appended: a new tool ID, so that go vet's cache replays no earlier run
// (go1.26 can replay a facts-only run as a package's result).
func oddBin(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(ctrlvetBin)
	if err != nil {
		t.Fatal(err)
	}
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	bin := filepath.Join(t.TempDir(), "ctrlvet")
	if err := os.WriteFile(bin, append(data, salt...), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// writeTree writes files (path relative to dir: content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// oddModule writes a module named odd with files into a new directory.
func oddModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"go.mod": "module odd\n\ngo 1.26\n"})
	writeTree(t, dir, files)
	return dir
}

// stranded is a package whose goroutine a return strands: one
// strandedgoroutine finding at line 9 of the file, with only the standard
// library.
const stranded = `package %s

import "errors"

func step() error { return nil }

func Get(fail bool) error {
	errCh := make(chan error)
	go func() {
		errCh <- step()
	}()
	if fail {
		return errors.New("fail")
	}
	return <-errCh
}
`

var crash = regexp.MustCompile(`internal error|panic:|goroutine \d+ \[|fatal error: runtime`)

// noCrash fails t when ctrlvet's output shows a panic or an analyzer's
// internal error.
func noCrash(t *testing.T, stdout, stderr string) {
	t.Helper()
	if m := crash.FindString(stdout + stderr); m != "" {
		t.Errorf("output shows %q:\n%s%s", m, stdout, stderr)
	}
}

// errorLines returns the lines of stderr.
func errorLines(stderr string) []string {
	var out []string
	for l := range strings.SplitSeq(strings.TrimSpace(stderr), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestOddTypeErrors: a package that does not type-check is named on one
// line with its first error; the package next to it is still analysed
// and reported; the exit status is 1 (an error) in text and JSON modes.
func TestOddTypeErrors(t *testing.T) {
	dir := oddModule(t, map[string]string{
		"bad/bad.go":   "package bad\n\nfunc f() int { return \"x\" }\n\nfunc g() { undefined() }\n",
		"good/good.go": fmt.Sprintf(stranded, "good"),
	})
	bin := oddBin(t)
	stdout, stderr, code := run(t, dir, bin, "./...")
	noCrash(t, stdout, stderr)
	if code != 1 {
		t.Errorf("exit status %d, want 1 (error)", code)
	}
	if got := findings(stdout); len(got) != 1 || got[0] != "good/good.go:9:2 strandedgoroutine" {
		t.Errorf("findings %v, want the stranded goroutine of good", got)
	}
	lines := errorLines(stderr)
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "ctrlvet: package odd/bad: bad/bad.go:3:") {
		t.Errorf("stderr: want one line naming odd/bad and its first error, got:\n%s", stderr)
	}
	stdout, stderr, code = run(t, dir, bin, "-json", "./...")
	noCrash(t, stdout, stderr)
	if code != 1 || !strings.Contains(stdout, `"odd/good"`) || !strings.Contains(stderr, "odd/bad") {
		t.Errorf("-json: exit %d, want 1 with odd/good's finding and odd/bad named:\n%s%s", code, stdout, stderr)
	}
}

// TestOddCgo: a cgo package that builds is analysed like any other; one
// whose header is missing cannot be built and is named on one line; with
// CGO_ENABLED=0 a cgo-only package matches no file, also one line.
func TestOddCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := oddModule(t, map[string]string{
		"cgook/c.go": `package cgook

/*
static int add(int a, int b) { return a + b; }
*/
import "C"

import "errors"

func Add(a, b int) int { return int(C.add(C.int(a), C.int(b))) }

func Get(fail bool) error {
	ch := make(chan int)
	go func() { ch <- Add(1, 2) }()
	if fail {
		return errors.New("fail")
	}
	<-ch
	return nil
}
`,
		"cgobad/c.go": "package cgobad\n\n// #include <ctrlvet_no_such_header.h>\nimport \"C\"\n\nfunc F() {}\n",
	})
	bin := oddBin(t)
	stdout, stderr, code := run(t, dir, bin, "./cgook")
	noCrash(t, stdout, stderr)
	if got := findings(stdout); code != 3 || len(got) != 1 || got[0] != "cgook/c.go:14:2 strandedgoroutine" {
		t.Errorf("cgo that builds: exit %d, findings %v, want 3 and the stranded goroutine\n%s", code, got, stderr)
	}
	stdout, stderr, code = run(t, dir, bin, "./...")
	noCrash(t, stdout, stderr)
	lines := errorLines(stderr)
	if code != 1 || len(findings(stdout)) != 1 || len(lines) != 1 ||
		!strings.HasPrefix(lines[0], "ctrlvet: package odd/cgobad: ") || !strings.Contains(lines[0], "ctrlvet_no_such_header.h") {
		t.Errorf("missing header: exit %d, want 1, cgook still reported and one line naming odd/cgobad and the header:\n%s%s", code, stdout, stderr)
	}

	cmd := exec.Command(bin, "./cgook")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	lines = errorLines(string(out))
	if cmd.ProcessState.ExitCode() != 1 || len(lines) != 1 || !strings.Contains(lines[0], "build constraints exclude all Go files") {
		t.Errorf("CGO_ENABLED=0: %v, want exit 1 and one line:\n%s", err, out)
	}
}

// TestOddGenerics: type parameters everywhere (channels of T, generic
// handlers and pipes, methods of generic types, constraints with type
// sets, instantiation across packages): no crash, and the leaks in
// generic code are found as in plain code.
func TestOddGenerics(t *testing.T) {
	dir := oddModule(t, map[string]string{
		"gen/gen.go": `package gen

import (
	"context"
	"errors"
	"io"
)

type Number interface{ ~int | ~int64 | ~float64 }

type Queue[T any] struct {
	ch    chan T
	items []T
}

func NewQueue[T any](n int) *Queue[T] { return &Queue[T]{ch: make(chan T, n)} }

func (q *Queue[T]) Push(v T)        { q.ch <- v }
func (q *Queue[T]) Pop() T          { return <-q.ch }
func (q *Queue[T]) Drain(f func(T)) {
	for v := range q.ch {
		f(v)
	}
}

type Handler[K comparable, V any] struct {
	On func(K, V)
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Get strands its goroutine on the early return.
func Get[T any](fail bool, f func() T) (T, error) {
	ch := make(chan T)
	go func() {
		ch <- f()
	}()
	if fail {
		var zero T
		return zero, errors.New("fail")
	}
	return <-ch, nil
}

// Fan waits for every result or the context.
func Fan[T any](ctx context.Context, fs []func() T) []T {
	ch := make(chan T, len(fs))
	for _, f := range fs {
		go func() { ch <- f() }()
	}
	var out []T
	for range fs {
		select {
		case v := <-ch:
			out = append(out, v)
		case <-ctx.Done():
			return out
		}
	}
	return out
}

// Writer returns a pipe's writer, which the caller closes.
func Writer[T any](v T) io.WriteCloser {
	r, w := io.Pipe()
	go func() { _, _ = io.Copy(io.Discard, r) }()
	return w
}
`,
		"use/use.go": `package use

import (
	"context"

	"odd/gen"
)

type ID int64

func Use(ctx context.Context) float64 {
	q := gen.NewQueue[ID](1)
	q.Push(gen.Sum[ID](1, 2))
	_ = q.Pop()
	h := gen.Handler[string, *gen.Queue[ID]]{On: func(string, *gen.Queue[ID]) {}}
	h.On("x", q)
	_ = gen.Map([]ID{1}, func(i ID) string { return "" })
	_ = gen.Fan(ctx, []func() ID{func() ID { return 1 }})
	w := gen.Writer(ID(1))
	defer w.Close()
	v, _ := gen.Get(true, func() float64 { return 1 })
	return v
}
`,
	})
	stdout, stderr, code := run(t, dir, oddBin(t), "./...")
	noCrash(t, stdout, stderr)
	if got := findings(stdout); code != 3 || len(got) != 1 || got[0] != "gen/gen.go:49:2 strandedgoroutine" || stderr != "" {
		t.Errorf("exit %d, findings %v, want 3 and the goroutine of Get (gen/gen.go:49:2):\n%s%s", code, got, stdout, stderr)
	}
}

// TestOddHugeGenerated: a 100,000-line zz_generated.deepcopy.go next to a
// leak in the same package: analysed in bounded time, the leak found.
func TestOddHugeGenerated(t *testing.T) {
	var b strings.Builder
	b.WriteString("//go:build !ignore_autogenerated\n\n// Code generated by controller-gen. DO NOT EDIT.\n\npackage api\n\n")
	lines := func() int { return strings.Count(b.String(), "\n") }
	for i := 0; lines() < 100_000; i++ {
		fmt.Fprintf(&b, `// DeepCopyInto copies the receiver into out.
func (in *T%[1]d) DeepCopyInto(out *T%[1]d) {
	*out = *in
	if in.Labels != nil {
		in, out := &in.Labels, &out.Labels
		*out = make(map[string]string, len(*in))
		for key, val := range *in {
			(*out)[key] = val
		}
	}
	if in.Items != nil {
		in, out := &in.Items, &out.Items
		*out = make([]string, len(*in))
		copy(*out, *in)
	}
	if in.Next != nil {
		in, out := &in.Next, &out.Next
		*out = new(T%[1]d)
		(*in).DeepCopyInto(*out)
	}
}

// DeepCopy copies the receiver, creating a new T%[1]d.
func (in *T%[1]d) DeepCopy() *T%[1]d {
	if in == nil {
		return nil
	}
	out := new(T%[1]d)
	in.DeepCopyInto(out)
	return out
}

`, i)
	}
	var types strings.Builder
	types.WriteString("package api\n\n")
	n := strings.Count(b.String(), "func (in *T") / 2
	for i := range n {
		fmt.Fprintf(&types, "type T%d struct {\n\tLabels map[string]string\n\tItems  []string\n\tNext   *T%d\n}\n\n", i, i)
	}
	dir := oddModule(t, map[string]string{
		"api/zz_generated.deepcopy.go": b.String(),
		"api/types.go":                 types.String(),
		"api/leak.go":                  fmt.Sprintf(stranded, "api"),
	})
	start := time.Now()
	stdout, stderr, code := run(t, dir, oddBin(t), "./...")
	t.Logf("%d lines of generated code, %d types: %v", lines(), n, time.Since(start))
	noCrash(t, stdout, stderr)
	if got := findings(stdout); code != 3 || len(got) != 1 || got[0] != "api/leak.go:9:2 strandedgoroutine" || stderr != "" {
		t.Errorf("exit %d, findings %v, want 3 and the leak of leak.go:\n%s", code, got, stderr)
	}
}

// TestOddEmptyAndTestOnly: a package of one empty file and a package of
// test files only are clean (exit 0); a directory with no Go file and a
// missing directory are errors of one line each (exit 1).
func TestOddEmptyAndTestOnly(t *testing.T) {
	dir := oddModule(t, map[string]string{
		"empty/doc.go": "// Package empty is empty.\npackage empty\n",
		"testonly/x_test.go": `package testonly

import "testing"

func TestX(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
}
`,
		"nofiles/README": "no Go here\n",
	})
	bin := oddBin(t)
	for _, args := range [][]string{{"./empty", "./testonly"}, {"-json", "./empty", "./testonly"}} {
		stdout, stderr, code := run(t, dir, bin, args...)
		noCrash(t, stdout, stderr)
		if code != 0 || stderr != "" || len(findings(stdout)) != 0 {
			t.Errorf("%v: exit %d, want 0 and nothing on stderr:\n%s%s", args, code, stdout, stderr)
		}
	}
	for _, pkg := range []string{"./nofiles", "./nosuchdir"} {
		stdout, stderr, code := run(t, dir, bin, pkg)
		noCrash(t, stdout, stderr)
		if lines := errorLines(stderr); code != 1 || len(lines) != 1 || !strings.HasPrefix(lines[0], "ctrlvet: ") {
			t.Errorf("%s: exit %d, want 1 and one line on stderr:\n%s%s", pkg, code, stdout, stderr)
		}
	}
}

// crossModule is a dependency whose function returns a fresh pipe
// writer; its importer leaks it (pipeclose, through a fact).
var crossModule = map[string]string{
	"dep/go.mod": "module example.com/dep\n\ngo 1.26\n",
	"dep/dep.go": `package dep

import "io"

// NewWriter returns a writer whose pipe a goroutine reads.
func NewWriter() *io.PipeWriter {
	r, w := io.Pipe()
	go func() { _, _ = io.Copy(io.Discard, r) }()
	return w
}
`,
}

const leakUser = `package user

import "example.com/dep"

func Log(b []byte) {
	w := dep.NewWriter()
	_, _ = w.Write(b)
}
`

// TestOddVendored: a module that vendors its dependency: the dependency is
// read from vendor/ and its facts reach the importer.
func TestOddVendored(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, crossModule)
	main := filepath.Join(dir, "main")
	writeTree(t, main, map[string]string{
		"go.mod":       "module example.com/main\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n",
		"user/user.go": leakUser,
	})
	if out, err := exec.Command("go", "-C", main, "mod", "vendor").CombinedOutput(); err != nil {
		t.Fatalf("go mod vendor: %v\n%s", err, out)
	}
	if err := os.RemoveAll(filepath.Join(dir, "dep")); err != nil { // only vendor/ has it now
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, main, oddBin(t), "./...")
	noCrash(t, stdout, stderr)
	if got := findings(stdout); code != 3 || len(got) != 1 || got[0] != "user/user.go:6:7 pipeclose" || stderr != "" {
		t.Errorf("exit %d, findings %v, want 3 and the leaked writer of user.go:\n%s%s", code, got, stdout, stderr)
	}
}

// TestOddWorkspace: a go.work workspace of two modules, one importing the
// other: patterns across both modules, facts across modules.
func TestOddWorkspace(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, crossModule)
	writeTree(t, dir, map[string]string{
		"go.work":           "go 1.26\n\nuse (\n\t./dep\n\t./app\n)\n",
		"app/go.mod":        "module example.com/app\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n",
		"app/user/user.go":  leakUser,
		"app/clean/c.go":    "package clean\n\nfunc F() {}\n",
		"dep/extra/leak.go": fmt.Sprintf(stranded, "extra"),
	})
	stdout, stderr, code := run(t, dir, oddBin(t), "./app/...", "./dep/...")
	noCrash(t, stdout, stderr)
	want := []string{"app/user/user.go:6:7 pipeclose", "dep/extra/leak.go:9:2 strandedgoroutine"}
	if got := findings(stdout); code != 3 || strings.Join(got, ";") != strings.Join(want, ";") || stderr != "" {
		t.Errorf("exit %d, findings %v, want 3 and %v:\n%s%s", code, got, want, stdout, stderr)
	}
}
