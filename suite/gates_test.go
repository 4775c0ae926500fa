package suite

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// TestFactGates checks each gate on packages where its analyzer can and
// cannot export a fact (the scenarios of the analyzers' relevant checks).
func TestFactGates(t *testing.T) {
	dir := t.TempDir()
	src := func(name, text string) []string {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return []string{f}
	}
	plain := src("plain.go", "package p\n\nimport \"io\"\n\nfunc F(w io.Writer) {}\n")
	pipe := src("pipe.go", "package p\n\nimport \"io\"\n\nfunc F() *io.PipeWriter { _, w := io.Pipe(); return w }\n")
	logrusWriter := src("logrus.go", "package p\n\nfunc F(l interface{ Writer() any }) any { return l.Writer() }\n")
	netlinkSock := src("sock.go", "package p\n\nimport \"golang.org/x/sys/unix\"\n\nvar fd, _ = unix.Socket(unix.AF_NETLINK, 0, 0)\n")
	grpcDial := src("dial.go", "package p\n\nimport \"google.golang.org/grpc\"\n\nvar c, _ = grpc.NewClient(\"x\")\n")
	grpcGen := src("gen.go", "package p\n\nimport \"google.golang.org/grpc\"\n\nfunc NewNodeClient(cc grpc.ClientConnInterface) any { return cc }\n")
	goStmt := src("go.go", "package p\n\nfunc F() chan int { c := make(chan int); go func() { c <- 1 }(); return c }\n")
	// no fact can come of these: no result, no parameter that may be a
	// context, or the go statement in a function literal
	goNoSummary := src("gonosummary.go", "package p\n\nfunc F(c chan int, s ...any) { go func() { c <- 1 }() }\n\nvar G = func() int { go F(nil); return 0 }\n")
	goCtx := src("goctx.go", "package p\n\nimport \"context\"\n\ntype T struct{ cancel context.CancelFunc }\n\nfunc (t *T) Start(ctx context.Context) { ctx, t.cancel = context.WithCancel(ctx); go func() { <-ctx.Done() }() }\n")
	goInComment := src("comment.go", "package p\n\n// we go on when F returns\nfunc F(gopher int) {}\n")
	modDir := filepath.Join(dir, "mod", "example.com", "lib@v1.2.3")
	if err := os.MkdirAll(modDir, 0o755); err != nil {
		t.Fatal(err)
	}
	inModule := []string{filepath.Join(modDir, "go.go")}
	if err := os.WriteFile(inModule[0], []byte("package lib\n\nfunc F() error { go F(); return nil }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gates := FactGates(nil)
	for _, c := range []struct {
		analyzer string
		unit     *factgate.Unit
		want     bool
	}{
		{"pipeclose", factgate.NewUnit("p", []string{"io"}, plain), false},
		{"pipeclose", factgate.NewUnit("p", []string{"io"}, pipe), true},
		{"pipeclose", factgate.NewUnit("p", nil, logrusWriter), true},
		{"netlinkclose", factgate.NewUnit("p", []string{"io"}, plain), false},
		{"netlinkclose", factgate.NewUnit("p", []string{"github.com/vishvananda/netlink"}, plain), true},
		{"netlinkclose", factgate.NewUnit("p", []string{"golang.org/x/sys/unix"}, netlinkSock), true},
		{"netlinkclose", factgate.NewUnit("p", []string{"golang.org/x/sys/unix"}, plain), false},
		{"netlinkclose", factgate.NewUnit("p", []string{"github.com/fsnotify/fsnotify"}, plain), true},
		{"netlinkclose", factgate.NewUnit("p", []string{"google.golang.org/grpc"}, grpcDial), true},
		{"netlinkclose", factgate.NewUnit("p", []string{"google.golang.org/grpc"}, grpcGen), false},
		{"ctrlmodel", factgate.NewUnit("p", []string{"io", "k8s.io/api/core/v1"}, plain), false},
		{"ctrlmodel", factgate.NewUnit("p", []string{"sigs.k8s.io/controller-runtime/pkg/manager"}, plain), true},
		{"ctrlmodel", factgate.NewUnit("p", []string{"k8s.io/client-go/informers/core/v1"}, plain), true},
		{"unfilteredcache", factgate.NewUnit("p", []string{"k8s.io/client-go/tools/cache"}, plain), true},
		{"strandedgoroutine", factgate.NewUnit("p", nil, plain), false},
		{"strandedgoroutine", factgate.NewUnit("p", nil, goInComment), false},
		{"strandedgoroutine", factgate.NewUnit("p", nil, goStmt), true},
		{"strandedgoroutine", factgate.NewUnit("p", nil, goNoSummary), false},
		{"strandedgoroutine", factgate.NewUnit("p", []string{"context"}, goCtx), true},
		{"strandedgoroutine", factgate.NewUnit("example.com/lib", nil, inModule), true},
		{"frequency", factgate.NewUnit("p", nil, plain), true},
		{"frequency", factgate.NewUnit("example.com/lib", nil, inModule), false},
		{"unboundedgrowth", factgate.NewUnit("p", nil, plain), true},
		{"unboundedgrowth", factgate.NewUnit("example.com/lib", nil, inModule), false},
	} {
		if got := gates[c.analyzer](c.unit); got != c.want {
			t.Errorf("%s gate on %s with imports %v: %v, want %v", c.analyzer, c.unit.Path, c.unit, got, c.want)
		}
	}
	// settings that name functions anywhere open every gate
	s := &config.Settings{
		Netlinkclose: config.Resources{Constructors: []string{"example.com/nl.Dial"}},
		Pipeclose:    config.Resources{Constructors: []string{"example.com/log.Pipe"}},
		Model:        config.Model{LeaderGates: []string{"example.com/ha.RunWhenLeader"}},
	}
	for _, name := range []string{"netlinkclose", "pipeclose", "ctrlmodel", "unfilteredcache"} {
		if g := FactGates(s)[name]; !g(factgate.NewUnit("p", nil, plain)) {
			t.Errorf("%s gate with settings: closed", name)
		}
	}
	// every analyzer of New with facts has a gate here (without one, the
	// driver runs it on every dependency: correct, but slow)
	for _, a := range New(nil) {
		for _, r := range append(a.Requires, a) {
			if len(r.FactTypes) > 0 && gates[r.Name] == nil {
				t.Errorf("%s exports facts and has no gate: it would be run on every dependency", r.Name)
			}
		}
	}
}
