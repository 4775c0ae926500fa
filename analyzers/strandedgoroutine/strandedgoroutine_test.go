package strandedgoroutine_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/strandedgoroutine"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

func TestBasic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strandedgoroutine.Analyzer, "basic", "loops", "regressions", "regressions/cmd", "constructor")
}

// TestManager checks controller-runtime's manager shape (a channel closed
// only by a goroutine started after an error return of one method, waited
// on in a deferred function of another) and its fix.
func TestManager(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strandedgoroutine.Analyzer, "manager", "managerfixed")
}

// TestManyBranches checks that the work stays bounded on a function with
// thousands of branches.
func TestManyBranches(t *testing.T) {
	const n = 3000
	var b strings.Builder
	b.WriteString("package stress\n\nfunc step(int) error { return nil }\n\n")
	b.WriteString("func many(xs []int) error {\n\terrCh := make(chan error)\n")
	b.WriteString("\tgo func() { // want `goroutine can block for ever on a send`\n\t\terrCh <- step(0)\n\t}()\n")
	b.WriteString("\tfor _, x := range xs {\n")
	for i := range n {
		fmt.Fprintf(&b, "\t\tif x == %d {\n\t\t\t_ = step(x)\n\t\t}\n", i)
		if i == n/2 {
			b.WriteString("\t\tif x < 0 {\n\t\t\treturn nil\n\t\t}\n")
		}
	}
	b.WriteString("\t}\n\treturn <-errCh\n}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "stress", b.String())
	testutil.TimedRun(t, dir, strandedgoroutine.Analyzer, "stress", 10*time.Second)
}

// TestManySends: a goroutine with thousands of sends one after another on
// a channel of one slot, received on one path only. Counting the sends on one path
// was once cubic: 4000 sends took 72 s.
func TestManySends(t *testing.T) {
	const n = 4000
	var b strings.Builder
	b.WriteString("package manysends\n\nfunc f(fail bool) int {\n\tch := make(chan int, 1)\n\tgo func() {\n")
	for i := range n {
		fmt.Fprintf(&b, "\t\tch <- %d\n", i)
	}
	b.WriteString("\t}()\n\tif fail {\n\t\treturn 0\n\t}\n\treturn <-ch\n}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "manysends", b.String())
	ds := testutil.Timed(t, dir, strandedgoroutine.Analyzer, "manysends", 10*time.Second)
	if len(ds) != 1 {
		t.Errorf("%d findings, want 1 (the early return strands the goroutine)", len(ds))
	}
}
