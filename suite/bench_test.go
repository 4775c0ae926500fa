package suite_test

// Benchmarks of each analyzer, and of the controller model alone, on one
// large generated package with every shape they look for (pipes, netlink
// sockets, goroutines with error paths, informer handlers sending to a
// leader-only receiver), loaded once: a regression shows in benchstat.
//
//	go test ./suite -run '^$' -bench . -benchmem -count 6 > new.txt
//	benchstat old.txt new.txt

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ctrlvet/ctrlvet/internal/testutil"
	"github.com/ctrlvet/ctrlvet/suite"
)

// benchFuncs is the number of functions of each shape.
const benchFuncs = 200

// benchSource returns the generated package.
func benchSource() string {
	var b strings.Builder
	b.WriteString(`package big

import (
	"context"
	"errors"
	"io"
	"syscall"

	ctrl "sigs.k8s.io/controller-runtime"
)

func slow() (string, error) { return "ok", nil }

func validate(k int) error {
	if k < 0 {
		return errors.New("negative")
	}
	return nil
}

type runner struct{ ch chan int }

func (r *runner) NeedLeaderElection() bool { return true }

func (r *runner) Start(ctx context.Context) error {
	for {
		select {
		case <-r.ch:
		case <-ctx.Done():
			return nil
		}
	}
}
`)
	for i := range benchFuncs {
		fmt.Fprintf(&b, `
func pipe%[1]d(p []byte) {
	pr, pw := io.Pipe()
	go func() { _, _ = io.ReadAll(pr) }()
	_, _ = pw.Write(p)
}

func sock%[1]d() error {
	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_RAW, 0)
	if err != nil {
		return err
	}
	if fd > %[1]d {
		return nil
	}
	return syscall.Close(fd)
}

func get%[1]d(k int) (string, error) {
	ch := make(chan string)
	go func() {
		v, _ := slow()
		ch <- v
	}()
	if err := validate(k - %[1]d); err != nil {
		return "", err
	}
	return <-ch, nil
}

type handler%[1]d struct{ ch chan int }

func (h *handler%[1]d) OnAdd(obj any, _ bool) {
	if x, ok := obj.(int); ok && x > %[1]d {
		h.ch <- x
	}
}
func (h *handler%[1]d) OnUpdate(_, _ any) {}
func (h *handler%[1]d) OnDelete(any)      {}
`, i)
	}
	b.WriteString(`
func Main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	r := &runner{ch: make(chan int)}
	_ = mgr.Add(r)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), nil)
`)
	for i := range benchFuncs {
		fmt.Fprintf(&b, "\t_, _ = inf.AddEventHandler(&handler%d{ch: r.ch})\n", i)
	}
	b.WriteString("}\n")
	return b.String()
}

// loadBench loads the generated package and the stubs it imports, with
// syntax and types for all, in GOPATH mode as analysistest does.
func loadBench(b *testing.B) []*packages.Package {
	b.Helper()
	dir := testutil.Tree(b)
	testutil.WritePackage(b, dir, "big", benchSource())
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, "big")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("the generated package does not load")
	}
	return pkgs
}

func benchAnalyzer(b *testing.B, pkgs []*packages.Package, a *analysis.Analyzer, wantFindings bool) {
	b.Helper()
	b.ReportAllocs()
	for b.Loop() {
		g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for act := range g.All() {
			if act.Err != nil {
				b.Fatalf("%s on %s: %v", a.Name, act.Package.PkgPath, act.Err)
			}
			if act.IsRoot {
				n += len(act.Diagnostics)
			}
		}
		if wantFindings && n == 0 {
			b.Fatalf("%s found nothing in the generated package", a.Name)
		}
	}
}

func BenchmarkAnalyzers(b *testing.B) {
	pkgs := loadBench(b)
	for _, a := range suite.Analyzers() {
		b.Run(a.Name, func(b *testing.B) {
			// earlyinformer looks for informers started before leader
			// election, which the package does not make; unfilteredcache
			// for Secret caches, which it has not
			want := a.Name != "earlyinformer" && a.Name != "unfilteredcache"
			benchAnalyzer(b, pkgs, a, want)
		})
	}
	b.Run("model", func(b *testing.B) {
		benchAnalyzer(b, pkgs, suite.Model(nil), false)
	})
}
