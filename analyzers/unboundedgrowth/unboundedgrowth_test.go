package unboundedgrowth_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/unboundedgrowth"
	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/frequency"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestScenarios runs every scenario in one load (loading the stubs is
// most of the cost):
//
//   - growmaps, metrics, syncmap, growslices, reload: each kind (maps,
//     Prometheus vectors with dynamic labels, sync.Map, slices, state kept
//     across file-watch reloads), each with bounded look-alikes (a delete
//     on NotFound or in DeleteFunc, enum and constant labels, a trimmed
//     ring, a map swapped on reload, growth per call of setup code);
//   - example.com/tracker, forgetful, shared, cleanup, recorder, crossuser,
//     crossuserok: across packages, the grow method in one package called
//     per reconcile from another (reported there, through a helper), a
//     metrics helper whose labels are its callers', a delete in a third
//     package that keeps it silent, a tracker with a Forget, a tracker made
//     per reconcile;
//   - timers, timersfixed: keikoproj/active-monitor's timer map (issue 314)
//     and its fix (fdd3ea9): the key comes from the object client.Get
//     filled, through helpers and a goroutine; a delete in a test file does
//     not count;
//   - capturedparam: the receiver (or a struct parameter) of a helper on
//     the way to the growth captured by a function literal (a retry
//     closure, a deferred recover): active-monitor's own path, where
//     processOrRecoverHealthCheck's retry closure hid the timer map;
//   - valuecopy: a helper that appends to a slice field of a struct
//     passed by value (a parameter, a value receiver, captured by a
//     closure or not) grows its own copy, not the caller's state;
//   - example.com/lifecycle, orgmetrics, orgmetricsfixed: greenhouse's
//     organization gauge before and after 0b0c1a2c, set by a status
//     function that another package's generic Reconcile calls back once
//     per call, so per reconcile here;
//   - queueworker: a worker run per tick that loops over a workqueue's
//     items grows per queue item, and the message gives the loop's reason
//     (k8s.io/cloud-provider's lastSyncedNodes);
//   - example.com/kinds, kindlabels: labels made by a function whose
//     every result is a kind (Contour's k8s.KindOf, here and across
//     packages through ClosedResultFact) are a closed set; a name is not;
//   - example.com/keys, closedkeys: a name converted to a named string
//     type that has constants (type Key string) is still a name, here and
//     through another package's helper; a Phase handed in is closed;
//   - okcases: a map made per reconcile and filled by a goroutine group,
//     keys from the reconciler's own data, the event's own object, a size
//     cap, a map handed to code we cannot follow.
//   - example.com/objstatus, statusgauge, example.com/objstatusfixed,
//     statusgaugefixed: hashicorp/vault-secrets-operator's status gauge
//     before and after #815 (a metrics helper of another package called
//     per reconcile; the fix's delete in the helper's package);
//     example.com/forgetful also checks that a package releasing what it
//     grows exports no growth fact;
//   - fanin: a loop over a channel its maker closes (a fan-in) is not
//     per iteration; a relay that forwards a stream for ever is;
//   - collector: a tally a helper fills from a channel, made afresh per
//     reconcile by every caller, is not long-lived; one the reconciler
//     keeps, or main makes once, is;
//   - living, handleradd, handlerremoved, forgetbug, forgetok,
//     forgethanded, forgetconst: things made per reconcile that live on
//     (a started informer factory, an event broadcaster, an event handler
//     added, a rate limiter never told to Forget) and their look-alikes.
func TestScenarios(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unboundedgrowth.Analyzer,
		"growmaps", "metrics", "syncmap", "growslices", "reload",
		"example.com/tracker", "example.com/forgetful", "example.com/shared", "example.com/cleanup", "example.com/recorder",
		"crossuser", "crossuserok",
		"timers", "timersfixed", "capturedparam",
		"example.com/lifecycle", "orgmetrics", "orgmetricsfixed",
		"okcases", "queueworker", "example.com/kinds", "kindlabels", "rebuiltindex", "closedlabels", "allowlist", "fanin", "collector",
		"example.com/objstatus", "example.com/objstatusfixed", "statusgauge", "statusgaugefixed",
		"living", "forgetbug", "forgetok", "example.com/runner", "forgethanded", "forgetreload", "forgetmixed",
		"handleradd", "handlerremoved", "forgetconst", "pollfixed",
		"valuecopy", "example.com/keys", "closedkeys", "testloop")
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
