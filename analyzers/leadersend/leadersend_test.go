package leadersend_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/leadersend"
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestContour checks Contour's shape across two packages (the send in
// internal/k8s, the leader-only receiver and the wiring in cmd, a
// namespace-filter wrapper and a registration helper) and its fix.
func TestContour(t *testing.T) {
	dir := testutil.Tree(t)
	analysistest.Run(t, dir, ctrlmodel.Analyzer, "contour/k8s")
	res := analysistest.Run(t, dir, leadersend.Analyzer, "contour/cmd", "contour/cmdfixed", "twowirings")
	var related []string
	for _, r := range res {
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				related = append(related, rel.Message)
			}
		}
	}
	for _, want := range []string{"the handler is registered here, on every replica", "the only receiver, which runs only on the leader", "leader gate: NeedLeaderElection returns true"} {
		if !slices.Contains(related, want) {
			t.Errorf("no related location says %q: %q", want, related)
		}
	}
}

// TestKubebuilderSplit checks the layout kubebuilder scaffolds, split
// across packages: a library registers the handler, main wires and
// consumes the channel (a wiring, a channel passed through a chain of
// three packages, a handler type of another package, a channel private
// to the library); and the fixes. The libraries stay silent (their
// entries' roles are symbolic); //ctrlvet:ignore at main's call and at the
// library's send both silence.
func TestKubebuilderSplit(t *testing.T) {
	dir := testutil.Tree(t)
	analysistest.Run(t, dir, leadersend.Analyzer,
		"kbsplit/controller", "kbsplit/watch", "kbsplit/mid", "kbsplit/handlers", "kbsplit/inner",
		"kbsplit/cmd", "kbsplit/cmdfixed", "kbsplit/chaincmd", "kbsplit/handlercmd", "kbsplit/innercmd", "kbsplit/innerfixed", "kbsplit/recvlib", "kbsplit/recvcmd", "kbsplit/recvcmdoff", "kbsplit/recvcmdwarm", "kbsplit/mgrsetup", "kbsplit/recvcmdforeign")
}

func TestScenarios(t *testing.T) {
	dir := testutil.Tree(t)
	analysistest.Run(t, dir, leadersend.Analyzer,
		"clientgo", "everywhere", "nonblocking", "workqueuectl", "capone", "kubebuilder", "noelection", "regressions", "elected", "leaderforlife", "leaderforlifemgr", "selectexit", "ctxexit", "envtestmgr", "noelection/instruct", "noelection/testelects", "ctxdirect")
}

// TestSettings checks the model's settings: a leader gate and a handler
// registration function of the project; the same code is silent without
// them.
func TestSettings(t *testing.T) {
	dir := testutil.Tree(t)
	model := ctrlmodel.New(&config.Model{
		LeaderGates:          []string{"example.com/ha.RunWhenLeader", "example.com/ha.RunAll"},
		LeaderWaits:          []string{"example.com/ha.WaitUntilLeader"},
		HandlerRegistrations: []string{"(*example.com/hub.Hub).Subscribe", "(*example.com/hub.Hub).Filtered"},
	})
	res := analysistest.Run(t, dir, leadersend.New(model), "configured")
	var related []string
	for _, r := range res {
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				related = append(related, rel.Message)
			}
		}
	}
	if !slices.ContainsFunc(related, func(m string) bool {
		return strings.Contains(m, "ha.RunWhenLeader runs it on the leader only (a leader gate in ctrlvet's settings)")
	}) {
		t.Errorf("no related location names the leader gate: %q", related)
	}
	if ds := testutil.Findings(t, dir, leadersend.Analyzer, "configured"); len(ds) != 0 {
		t.Errorf("without settings: %d findings, want none; first: %s", len(ds), ds[0].Message)
	}
}

// TestElectedGate checks that the finding whose receiver waits for
// mgr.Elected() names that receive as its leader gate.
func TestElectedGate(t *testing.T) {
	res := analysistest.Run(t, testutil.Tree(t), leadersend.Analyzer, "elected")
	n := 0
	for _, r := range res {
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				if rel.Message == "leader gate: code after <-mgr.Elected() runs on the leader only" {
					n++
				}
			}
		}
	}
	if n < 2 {
		t.Errorf("%d findings name the <-mgr.Elected() gate, want at least 2", n)
	}
}

// TestControllerOptions checks where controller options run a
// controller: NeedLeaderElection false (its own options, the manager's)
// on every replica, EnableWarmup its watches there, an unknown value
// silent, and a library's controller split from main.
func TestControllerOptions(t *testing.T) {
	dir := testutil.Tree(t)
	analysistest.Run(t, dir, leadersend.Analyzer, "ctrlopts/perctrl", "ctrlopts/mgrwide", "ctrlopts/mgrwarm", "ctrlopts/off", "ctrlopts/lib", "ctrlopts/cmd", "recvwait", "wgwait", "condwait", "slotcalls", "ctrlopts/foreign")
}
