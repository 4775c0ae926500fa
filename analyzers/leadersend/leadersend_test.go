package leadersend_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/leadersend"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestContour checks Contour's shape across two packages (the send in
// internal/k8s, the leader-only receiver and the wiring in cmd, a
// namespace-filter wrapper and a registration helper) and its fix.
func TestContour(t *testing.T) {
	dir := testutil.Tree(t)
	analysistest.Run(t, dir, ctrlmodel.Analyzer, "contour/k8s")
	analysistest.Run(t, dir, leadersend.Analyzer, "contour/cmd", "contour/cmdfixed", "twowirings")
}

func TestScenarios(t *testing.T) {
	dir := testutil.Tree(t)
	analysistest.Run(t, dir, leadersend.Analyzer,
		"clientgo", "everywhere", "nonblocking", "workqueuectl", "capone", "kubebuilder", "noelection", "regressions")
}
