package earlyinformer_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/earlyinformer"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

func TestScenarios(t *testing.T) {
	dir := testutil.Tree(t)
	analysistest.Run(t, dir, earlyinformer.Analyzer,
		"factory", "factoryfixed", "handlerwork", "queuectl", "crcache", "crmixed", "elected", "leaderforlife", "leaderforlifemgr")
}

// TestWaitGate checks that a consumer after a wait for the election
// names that wait as its leader gate.
func TestWaitGate(t *testing.T) {
	res := analysistest.Run(t, testutil.Tree(t), earlyinformer.Analyzer, "elected", "leaderforlife")
	var gates []string
	for _, r := range res {
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				if strings.HasPrefix(rel.Message, "leader gate: ") {
					gates = append(gates, rel.Message)
				}
			}
		}
	}
	want := []string{
		"leader gate: code after <-mgr.Elected() runs on the leader only",
		"leader gate: code after leader.Become runs on the leader only",
	}
	if !slices.Equal(gates, want) {
		t.Errorf("leader gates %q, want %q", gates, want)
	}
}
