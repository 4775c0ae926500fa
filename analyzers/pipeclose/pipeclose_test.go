package pipeclose_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/pipeclose"
)

func TestBasic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pipeclose.Analyzer, "basic")
}

// TestTraefik checks the buildProxy shape of Traefik 2.11.18 (a project
// logging interface's WriterLevel) and its fix.
func TestTraefik(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pipeclose.Analyzer, "traefik/service", "traefik/servicefixed")
}

// TestCrossPackage checks that a wrapper returning a fresh writer in one
// package makes its callers in another responsible (facts).
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), pipeclose.Analyzer, "wrapper", "wrapperuser")
}
