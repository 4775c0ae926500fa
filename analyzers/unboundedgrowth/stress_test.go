package unboundedgrowth_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ctrlvet/ctrlvet/analyzers/unboundedgrowth"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestLongChain: a reconciler whose Reconcile reaches a chain of 400
// helpers, each growing its own map and calling the next two (summaries
// are memoised: the work stays linear), must finish in bounded time and
// report each map once.
func TestLongChain(t *testing.T) {
	const n = 400
	var b strings.Builder
	b.WriteString("package chain\n\nimport (\n\t\"context\"\n\n\t\"sigs.k8s.io/controller-runtime/pkg/reconcile\"\n)\n\n")
	b.WriteString("type R struct {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tm%d map[string]int\n", i)
	}
	b.WriteString("}\n\n")
	b.WriteString("func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {\n\tr.h0(req.Name)\n\treturn reconcile.Result{}, nil\n}\n\n")
	for i := range n {
		fmt.Fprintf(&b, "func (r *R) h%d(k string) {\n\tr.m%d[k]++\n", i, i)
		if i+1 < n {
			fmt.Fprintf(&b, "\tr.h%d(k + \"a\")\n", i+1)
		}
		if i+2 < n {
			fmt.Fprintf(&b, "\tr.h%d(k + \"b\")\n", i+2)
		}
		b.WriteString("}\n\n")
	}
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "chain", b.String())
	// wall clock on a shared machine; an exponential walk takes hours
	ds := testutil.Timed(t, dir, unboundedgrowth.Analyzer, "chain", 120*time.Second)
	// growth summaries are capped per function; the first maps are reported
	if len(ds) < 60 {
		t.Errorf("%d findings, want at least 60 (one per map reached within the caps)", len(ds))
	}
}

// TestClosedPhiFan: a label helper whose result flows through eight
// switches of thirty cases, each case keeping the previous value or a
// constant (a closed set on every path, proven once per value: without
// memoising, 30^8 walks), must finish in bounded time and keep the
// label silent, while a name label through the same helper shape is
// reported.
func TestClosedPhiFan(t *testing.T) {
	const levels, cases = 8, 30
	var b strings.Builder
	b.WriteString("package phifan\n\nimport (\n\t\"context\"\n\n\t\"sigs.k8s.io/controller-runtime/pkg/reconcile\"\n)\n\n")
	b.WriteString("type R struct {\n\tseen map[string]int\n\tnames map[string]int\n}\n\n")
	b.WriteString("func (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {\n")
	b.WriteString("\tr.seen[label(len(req.Name))]++\n\tr.names[name(req.Name)]++\n\treturn reconcile.Result{}, nil\n}\n\n")
	for _, f := range []struct{ name, param, start string }{{"label", "x int", `"k"`}, {"name", "n string", "n"}} {
		fmt.Fprintf(&b, "func %s(%s) string {\n\tx0 := 0\n\t_ = x0\n\ts0 := %s\n", f.name, f.param, f.start)
		if f.name == "name" {
			b.WriteString("\tx := len(n)\n")
		}
		for l := 1; l <= levels; l++ {
			fmt.Fprintf(&b, "\ts%d := s%d\n\tswitch x %% %d {\n", l, l-1, cases+l)
			for c := range cases {
				if c%2 == 0 {
					fmt.Fprintf(&b, "\tcase %d:\n\t\ts%d = s%d\n", c, l, l-1)
				} else {
					fmt.Fprintf(&b, "\tcase %d:\n\t\ts%d = \"c%d\"\n", c, l, c)
				}
			}
			b.WriteString("\t}\n")
		}
		fmt.Fprintf(&b, "\treturn s%d\n}\n\n", levels)
	}
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "phifan", b.String())
	ds := testutil.Timed(t, dir, unboundedgrowth.Analyzer, "phifan", 120*time.Second)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "R.names") {
		t.Errorf("findings %v, want one, on R.names", ds)
	}
}
