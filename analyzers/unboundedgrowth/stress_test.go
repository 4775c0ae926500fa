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
