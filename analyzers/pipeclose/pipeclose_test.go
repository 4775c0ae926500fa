package pipeclose_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/pipeclose"
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

func TestBasic(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), pipeclose.Analyzer, "basic")
}

// TestTraefik checks the buildProxy shape of Traefik 2.11.18 (a project
// logging interface's WriterLevel) and its fix.
func TestTraefik(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), pipeclose.Analyzer, "traefik/service", "traefik/servicefixed")
}

// TestCrossPackage checks that a wrapper returning a fresh writer in one
// package makes its callers in another responsible (facts).
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), pipeclose.Analyzer, "wrapper", "wrapperuser")
}

// TestSettings checks the settings' extra constructors and release
// methods and functions; the same code is silent without them.
func TestSettings(t *testing.T) {
	a := pipeclose.New(&config.Resources{
		Constructors: []string{"(*example.com/plog.Logger).Pipe"},
		Release:      []string{"Stop", "example.com/plog.Release"},
	})
	analysistest.Run(t, testutil.Tree(t), a, "configured")
	if ds := testutil.Findings(t, testutil.Tree(t), pipeclose.Analyzer, "configured"); len(ds) != 0 {
		t.Errorf("without settings: %d findings, want none; first: %s", len(ds), ds[0].Message)
	}
}

func TestBadSettings(t *testing.T) {
	a := pipeclose.New(&config.Resources{Release: []string{"plog.(*Writer).Stop"}})
	if _, err := a.Run(nil); err == nil || !strings.Contains(err.Error(), "pipeclose.release") {
		t.Errorf("Run with a bad release name: %v", err)
	}
}

// TestStartup checks that writers made in a constructor only main calls
// (once per process, by the frequency stage) are silent, and the same
// shape called per request is reported.
func TestStartup(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), pipeclose.Analyzer, "startup")
}
