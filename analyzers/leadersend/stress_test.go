package leadersend_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ctrlvet/ctrlvet/analyzers/leadersend"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestManyBranches checks that the controller model's work stays bounded:
// a handler with thousands of branches, each choosing between channels
// (phis of phis), wired on every replica to a leader-only receiver.
func TestManyBranches(t *testing.T) {
	const n = 2000
	var b strings.Builder
	b.WriteString(`package main

import (
	"context"

	ctrl "sigs.k8s.io/controller-runtime"
)

type writer struct{ a, b chan int }

func (w *writer) NeedLeaderElection() bool { return true }

func (w *writer) Start(ctx context.Context) error {
	for {
		select {
		case <-w.a:
		case <-w.b:
		case <-ctx.Done():
			return nil
		}
	}
}

type watcher struct{ a, b chan int }

func (h *watcher) OnUpdate(_, _ any) {}
func (h *watcher) OnDelete(any)      {}
func (h *watcher) OnAdd(obj any, _ bool) {
	x, _ := obj.(int)
	ch := h.a
`)
	for i := range n {
		fmt.Fprintf(&b, "\tif x == %d {\n\t\tch = h.a\n\t} else if x == -%d {\n\t\tch = h.a\n\t}\n", i, i)
	}
	b.WriteString(`	ch <- x // want ` + "`send in watcher.OnAdd can block for ever`" + `
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	w := &writer{a: make(chan int), b: make(chan int)}
	_ = mgr.Add(w)
	inf, _ := mgr.GetCache().GetInformer(context.Background(), nil)
	_, _ = inf.AddEventHandler(&watcher{a: w.a, b: w.b})
}
`)
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "stress", b.String())
	testutil.TimedRun(t, dir, leadersend.Analyzer, "stress", 10*time.Second)
}

// TestManySends: thousands of sends one after another in one function,
// against a buffer of one. Counting the sends on one path was once cubic
// (every pair, each with a scan of the block): 2000 sends took 24 s.
func TestManySends(t *testing.T) {
	const n = 3000
	var b strings.Builder
	b.WriteString(`package main

import (
	"context"

	ctrl "sigs.k8s.io/controller-runtime"
)

type writer struct{ a chan int }

func (w *writer) NeedLeaderElection() bool { return true }

func (w *writer) Start(ctx context.Context) error {
	for range w.a {
	}
	return nil
}

func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	w := &writer{a: make(chan int, 1)}
	_ = mgr.Add(w)
`)
	for i := range n {
		fmt.Fprintf(&b, "\tw.a <- %d\n", i)
	}
	b.WriteString("}\n")
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "manysends", b.String())
	ds := testutil.Timed(t, dir, leadersend.Analyzer, "manysends", 10*time.Second)
	if len(ds) != n-1 || !strings.Contains(ds[len(ds)-1].Message, fmt.Sprintf("%d sends run one after another there against a buffer of 1", n)) {
		t.Errorf("%d findings, want %d (every send after the first)", len(ds), n-1)
	}
}

// TestLongChain: the send is at the end of a long chain of calls from
// main, declared callee first. Roles were once propagated for at most 64
// rounds, one step per round in this order, so the end of a chain of 65
// had no role and the send went unseen.
func TestLongChain(t *testing.T) {
	const n = 300
	var b strings.Builder
	b.WriteString(`package main

import (
	"context"

	ctrl "sigs.k8s.io/controller-runtime"
)

type writer struct{ a chan int }

func (w *writer) NeedLeaderElection() bool { return true }

func (w *writer) Start(ctx context.Context) error {
	for range w.a {
	}
	return nil
}
`)
	fmt.Fprintf(&b, "func f%d(w *writer) {\n\tfor i := range 3 {\n\t\tw.a <- i\n\t}\n}\n", n)
	for i := n - 1; i >= 1; i-- {
		fmt.Fprintf(&b, "func f%d(w *writer) { f%d(w) }\n", i, i+1)
	}
	b.WriteString(`func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	w := &writer{a: make(chan int)}
	_ = mgr.Add(w)
	f1(w)
}
`)
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "chain", b.String())
	ds := testutil.Timed(t, dir, leadersend.Analyzer, "chain", 10*time.Second)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, fmt.Sprintf("send in f%d blocks for ever on standby replicas", n)) {
		t.Errorf("findings %v, want the send in f%d", ds, n)
	}
}

// TestLongAliasChain: a channel stored from field to field two hundred
// times before it is sent on. Finding a channel's identity once stopped
// after 64 links, so the send and the receiver were different channels.
func TestLongAliasChain(t *testing.T) {
	const n = 200
	var b strings.Builder
	b.WriteString(`package main

import (
	"context"

	ctrl "sigs.k8s.io/controller-runtime"
)

type writer struct{ a chan int }

func (w *writer) NeedLeaderElection() bool { return true }

func (w *writer) Start(ctx context.Context) error {
	for range w.a {
	}
	return nil
}

type hub struct {
`)
	for i := 0; i <= n; i++ {
		fmt.Fprintf(&b, "\tf%d chan int\n", i)
	}
	b.WriteString("}\n\nfunc wire(h *hub, w *writer) {\n")
	for i := range n {
		fmt.Fprintf(&b, "\th.f%d = h.f%d\n", i, i+1)
	}
	fmt.Fprintf(&b, "\th.f%d = w.a\n}\n", n)
	b.WriteString(`
func main() {
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true})
	w := &writer{a: make(chan int)}
	_ = mgr.Add(w)
	h := &hub{}
	wire(h, w)
	for i := range 3 {
		h.f0 <- i
	}
}
`)
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "aliases", b.String())
	ds := testutil.Timed(t, dir, leadersend.Analyzer, "aliases", 10*time.Second)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "send in main blocks for ever on standby replicas") {
		t.Errorf("findings %v, want the send in main", ds)
	}
}
