package main_test

// Skipping dependencies that cannot hold a fact (internal/driver/skip.go)
// must not change a finding: the findings, with their related
// information, are the same with and without it, on the modules of
// testdata (the real netlink, logrus, client-go and controller-runtime)
// and on the trees named by CTRLVET_SKIP_TREES (space-separated
// directories, each run with ./...; scripts/measure.sh's seed trees).

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestSkipIsExact(t *testing.T) {
	dirs := []string{exampleDir(t)}
	if !testing.Short() {
		k8s, err := filepath.Abs(filepath.Join("..", "..", "testdata", "k8sexample"))
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, k8s)
	}
	dirs = append(dirs, strings.Fields(os.Getenv("CTRLVET_SKIP_TREES"))...)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			with, stderrWith, codeWith := run(t, dir, ctrlvetBin, "./...")
			without, stderrWithout, codeWithout := run(t, dir, ctrlvetBin, "-skip-dependencies=false", "./...")
			if with != without || codeWith != codeWithout || stderrWith != stderrWithout {
				t.Errorf("with skipping: exit %d\n%s%s\nwithout: exit %d\n%s%s", codeWith, with, stderrWith, codeWithout, without, stderrWithout)
			}
			if dir == exampleDir(t) && len(findings(with)) != len(wantExample) {
				t.Errorf("findings with skipping:\n%s", with)
			}
			t.Logf("%s: %d findings, the same with and without skipping", dir, len(findings(with)))
		})
	}
}

// TestSkipPassesFactsOn: a module's package with nothing to analyse (mid,
// vendored) is skipped even though its dependency (lib) has a fact, and
// the fact still reaches mid's importer through mid's facts file: the
// method of lib's type that mid's New returns strands a goroutine when
// its result is dropped, and use, which imports only mid, says so.
func TestSkipPassesFactsOn(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		f := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/app\n\ngo 1.24\n\nrequire (\n\texample.com/lib v1.0.0\n\texample.com/mid v1.0.0\n)\n")
	write("vendor/modules.txt", "# example.com/lib v1.0.0\n## explicit\nexample.com/lib\n# example.com/mid v1.0.0\n## explicit\nexample.com/mid\n")
	write("vendor/example.com/lib/lib.go", `package lib

// T runs work.
type T struct{ f func() error }

// Async runs the work and sends its error on the channel it returns.
func (t *T) Async() <-chan error {
	ch := make(chan error)
	go func() { ch <- t.f() }()
	return ch
}
`)
	write("vendor/example.com/mid/mid.go", `package mid

import "example.com/lib"

// New returns a T.
func New() *lib.T { return &lib.T{} }
`)
	write("use/use.go", `package use

import "example.com/mid"

// Run starts the work and forgets it.
func Run() {
	mid.New().Async()
}
`)
	log := filepath.Join(t.TempDir(), "units.log")
	bin := salted(t)
	cmd := exec.Command(bin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CTRLVET_UNIT_LOG="+log)
	out, _ := cmd.CombinedOutput()
	with := string(out)
	units, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(units), "skipped example.com/mid\n") || !strings.Contains(string(units), "analysed example.com/lib strandedgoroutine\n") {
		t.Errorf("want mid skipped and lib analysed for its fact; units:\n%s", units)
	}
	if got := findings(with); len(got) != 1 || !strings.HasPrefix(got[0], "use/use.go:7:") || !strings.HasSuffix(got[0], "strandedgoroutine") {
		t.Errorf("want one strandedgoroutine finding at use/use.go:7; output:\n%s", with)
	}
	without, _, _ := run(t, dir, salted(t), "-skip-dependencies=false", "./...")
	if findings(without) == nil || strings.Join(findings(without), "\n") != strings.Join(findings(with), "\n") {
		t.Errorf("with skipping:\n%s\nwithout:\n%s", with, without)
	}
}

// TestSkipGoroutineGate: strandedgoroutine's gate, end to end. A module's
// package whose go statement could make a fact (watch: a method that
// derives a context from its parameter, keeps the cancel where nothing
// calls it, and waits on it in a goroutine) is analysed for it, and its
// importer is reported; one whose go statement could not (starter: a
// Start with only a stop channel, like client-go's informer factory) is
// skipped. The findings are the same without skipping.
func TestSkipGoroutineGate(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		f := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/app\n\ngo 1.24\n\nrequire (\n\texample.com/starter v1.0.0\n\texample.com/watch v1.0.0\n)\n")
	write("vendor/modules.txt", "# example.com/starter v1.0.0\n## explicit\nexample.com/starter\n# example.com/watch v1.0.0\n## explicit\nexample.com/watch\n")
	write("vendor/example.com/watch/watch.go", `package watch

import "context"

// Rows is a result set with a watcher.
type Rows struct {
	cancel context.CancelFunc
	closed bool
}

// Watch watches ctx; Close forgets to cancel.
func (r *Rows) Watch(ctx context.Context) {
	ctx, r.cancel = context.WithCancel(ctx)
	go func() {
		<-ctx.Done()
		r.closed = true
	}()
}

// Close closes the set.
func (r *Rows) Close() { r.closed = true }
`)
	write("vendor/example.com/starter/starter.go", `package starter

// Factory runs informers.
type Factory struct{ runs []func(<-chan struct{}) }

// Start runs every informer until stop is closed.
func (f *Factory) Start(stop <-chan struct{}) {
	for _, run := range f.runs {
		go run(stop)
	}
}
`)
	write("use/use.go", `package use

import (
	"context"

	"example.com/starter"
	"example.com/watch"
)

// Reconciler opens a result set per reconcile with a context that never
// ends.
type Reconciler struct{}

func (r *Reconciler) Reconcile(f *starter.Factory, stop <-chan struct{}) {
	f.Start(stop)
	rows := &watch.Rows{}
	rows.Watch(context.Background())
	defer rows.Close()
}
`)
	log := filepath.Join(t.TempDir(), "units.log")
	cmd := exec.Command(salted(t), "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CTRLVET_UNIT_LOG="+log)
	out, _ := cmd.CombinedOutput()
	with := string(out)
	units, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(units), "skipped example.com/starter\n") || !strings.Contains(string(units), "analysed example.com/watch strandedgoroutine\n") {
		t.Errorf("want starter skipped and watch analysed for its fact; units:\n%s", units)
	}
	if got := findings(with); len(got) != 1 || !strings.HasPrefix(got[0], "use/use.go:17:") || !strings.HasSuffix(got[0], "strandedgoroutine") {
		t.Errorf("want one strandedgoroutine finding at use/use.go:17; output:\n%s", with)
	}
	without, _, _ := run(t, dir, salted(t), "-skip-dependencies=false", "./...")
	if strings.Join(findings(without), "\n") != strings.Join(findings(with), "\n") {
		t.Errorf("with skipping:\n%s\nwithout:\n%s", with, without)
	}
}
