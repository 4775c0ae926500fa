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
		"factory", "factoryfixed", "handlerwork", "queuectl", "crcache", "crmixed", "elected", "leaderforlife", "leaderforlifemgr", "ctrlopts")
}

// TestKubebuilderSplit checks an informer created in a library's entry
// and consumed only by the library's leader-only runnable: reported in
// main where it calls the entry on every replica (directly, or through a
// third package), silent from a leader-only runnable or under a
// //ctrlvet:ignore at main's call; silent in the library.
func TestKubebuilderSplit(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), earlyinformer.Analyzer,
		"kbsplit/watch", "kbsplit/mid", "kbsplit/cmd", "kbsplit/chaincmd", "kbsplit/cmdfixed", "kbsplit/cmdignored", "kbsplit/ctrllib", "kbsplit/ctrlcmd", "kbsplit/ctrlcmdoff")
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
