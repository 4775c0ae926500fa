package netlinkclose_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/netlinkclose"
)

func TestBasic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), netlinkclose.Analyzer, "basic", "subs", "mainpkg")
}

// TestCrossPackage checks the Calico shape: the wrapper constructor and the
// releasing helper in one package (facts), the leak in another.
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), netlinkclose.Analyzer, "crosspkg/shim", "crosspkg/felix", "crosspkg/felixfixed")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), netlinkclose.Analyzer, "fix")
}
