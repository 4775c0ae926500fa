package unboundedgrowth_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/unboundedgrowth"
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/frequency"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

func TestMaps(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unboundedgrowth.Analyzer, "growmaps")
}

func TestKinds(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unboundedgrowth.Analyzer, "metrics", "syncmap", "growslices", "reload")
}

// TestCrossPackage: the grow method in one package called per reconcile
// from another (reported there), a metrics helper whose labels are its
// callers', and a delete in a third package that keeps it silent.
func TestCrossPackage(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unboundedgrowth.Analyzer, "example.com/tracker", "example.com/forgetful", "example.com/shared",
		"example.com/cleanup", "example.com/recorder", "crossuser", "crossuserok")
}

// TestActiveMonitor checks the shape of keikoproj/active-monitor's timer
// map (issue 314) and its fix: the key comes from the object client.Get
// filled, through helpers and a goroutine; a delete in a test file does
// not count.
func TestActiveMonitor(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unboundedgrowth.Analyzer, "timers", "timersfixed")
}

// TestGreenhouse checks the shape of greenhouse's organization metrics
// (before and after 0b0c1a2c): the series is set by a status function
// that another package's generic Reconcile calls back once per call, so
// per reconcile here.
func TestGreenhouse(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unboundedgrowth.Analyzer, "example.com/lifecycle", "orgmetrics", "orgmetricsfixed")
}

// TestLookAlikes checks bounded look-alikes: a map made per reconcile and
// filled by a goroutine group, keys from the reconciler's own data, the
// event's own object, a size cap, a map handed to code we cannot follow.
func TestLookAlikes(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unboundedgrowth.Analyzer, "okcases")
}

// TestReloadSetting checks frequency.reload-entry-points: a project's own
// reload method; the same code is silent without the setting.
func TestReloadSetting(t *testing.T) {
	dir := testutil.Tree(t)
	freq := frequency.New(&config.Frequency{ReloadEntryPoints: []string{"(*reloadcfg.Server).applyConfig"}})
	analysistest.Run(t, dir, unboundedgrowth.New(freq), "reloadcfg")
	if ds := testutil.Findings(t, dir, unboundedgrowth.Analyzer, "reloadcfg"); len(ds) != 0 {
		t.Errorf("without settings: %d findings, want none; first: %s", len(ds), ds[0].Message)
	}
}
