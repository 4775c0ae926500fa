package unfilteredcache_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/unfilteredcache"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestKong checks Kong's shape: the watch in a controller package (silent
// there), the options in the manager package (reported), across packages.
func TestKong(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unfilteredcache.Analyzer, "kong/manager")
}

func TestScenarios(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), unfilteredcache.Analyzer,
		"byobject", "disablefor", "disableforvar", "disableforpkgvar", "disableforrv2lit", "disableforrv2closure", "disableforrv3arr", "disableforrv4ifacevar", "testonly", "testlinked", "testenv", "metadata", "cachedget", "factory", "namespaced", "typedkind", "uncachedparam", "cachedparam", "owncache/cmd", "owncachemain", "owncache/hookfresh", "owncache/hookmade", "owncache/field", "owncache/mapupdate", "nsmaybeall", "nsdefaults", "pkgvaropts", "pkgvarunfiltered", "pkgvarlib")
}
