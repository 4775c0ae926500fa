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
	start := time.Now()
	analysistest.Run(t, dir, strandedgoroutine.Analyzer, "stress")
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("analysis took %v", d)
	}
}
