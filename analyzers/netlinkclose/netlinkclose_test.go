package netlinkclose_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/netlinkclose"
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

func TestBasic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), netlinkclose.Analyzer, "basic", "subs", "mainpkg", "regressions", "inotify", "grpcconn", "grpcconn/mixed")
}

// TestCrossPackage checks the Calico shape: the wrapper constructor and the
// releasing helper in one package (facts), the leak in another.
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), netlinkclose.Analyzer, "crosspkg/shim", "crosspkg/felix", "crosspkg/felixfixed")
}

// TestInotify checks fsnotify watchers: a constructor of another package
// (facts), called directly and through a function value it was assigned
// to; a function value is not a constructor without that evidence.
func TestInotify(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), netlinkclose.Analyzer, "inotify/lib", "inotify/use", "inotify/plain", "inotify/shims", "inotify/once", "inotify/pool")
}

// TestGRPCCrossPackage checks a gRPC dialler of one package (a fact)
// leaking in another, called directly and through a field set to it.
func TestGRPCCrossPackage(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), netlinkclose.Analyzer, "grpcconn/dial", "grpcconn/agent")
}

func TestSuggestedFix(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), netlinkclose.Analyzer, "fix")
}

// TestSettings checks the settings' extra constructors, release methods
// and release functions; the same code is silent without them.
func TestSettings(t *testing.T) {
	a := netlinkclose.New(&config.Resources{
		Constructors: []string{"github.com/mdlayher/netlink.Dial", "example.com/nlraw.Open", "example.com/nlraw.Listen", "(*example.com/nlraw.Factory).Open"},
		Release:      []string{"Shutdown", "(*example.com/nlraw.Pool).Put", "example.com/nlraw.CloseFD"},
	})
	analysistest.Run(t, analysistest.TestData(), a, "configured", "configured2")
	if ds := testutil.Findings(t, analysistest.TestData(), netlinkclose.Analyzer, "configured", "configured2"); len(ds) != 0 {
		t.Errorf("without settings: %d findings, want none; first: %s", len(ds), ds[0].Message)
	}
}

// TestBadSettings checks that a name ctrlvet cannot read is an error of
// the analyzer, not a silent no-op.
func TestBadSettings(t *testing.T) {
	a := netlinkclose.New(&config.Resources{Constructors: []string{"Dial"}})
	if _, err := a.Run(nil); err == nil || !strings.Contains(err.Error(), "netlinkclose.constructors") {
		t.Errorf("Run with a bad constructor name: %v", err)
	}
}
