package suite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/suite"
)

// TestOddCode runs every analyzer on generics, channels of type
// parameters, method values and goroutines: no report, no error (a panic
// would be an error through the panic guard).
func TestOddCode(t *testing.T) {
	for _, a := range suite.Analyzers() {
		t.Run(a.Name, func(t *testing.T) {
			analysistest.Run(t, analysistest.TestData(), a, "odd")
		})
	}
}
