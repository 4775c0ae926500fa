package frequency_test

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/internal/frequency"
	"github.com/ctrlvet/ctrlvet/internal/lazyssa"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// dump runs the frequency stage and records, for every function of the
// package, its frequency.
func dump(got map[string]string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     "dumpfreq",
		Doc:      "dump frequencies",
		Requires: []*analysis.Analyzer{frequency.Analyzer, lazyssa.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			res := pass.ResultOf[frequency.Analyzer].(*frequency.Result)
			_, fns := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Builder).Build()
			for _, fn := range fns {
				got[pass.Pkg.Name()+"."+fn.RelString(pass.Pkg)] = res.Of(fn).String()
			}
			return nil, nil
		},
	}
}

func TestFrequencies(t *testing.T) {
	dir := testutil.Tree(t)
	got := make(map[string]string)
	analysistest.Run(t, dir, dump(got), "freq", "frequser")
	want := map[string]string{
		"main.newServer":                "once",
		"main.setup":                    "once",
		"main.shared":                   "per event, once",
		"main.helper":                   "per event",
		"main.(handlerType).OnAdd":      "per event",
		"main.(handlerType).OnUpdate":   "per event",
		"main.(handlerType).OnDelete":   "per event",
		"main.(*reconciler).Reconcile":  "per reconcile",
		"main.(*reconciler).sync":       "per reconcile, per call",
		"main.(pred).Create":            "per event",
		"main.(*server).ServeHTTP":      "per request",
		"main.(*server).serve":          "per request, per call",
		"main.tick":                     "per tick",
		"main.poll":                     "per retry",
		"main.process":                  "per queue item, once",
		"main.worker":                   "once",
		"main.drainQueue":               "once",
		"main.processOne":               "per queue item, once",
		"main.handled":                  "per queue item, once",
		"main.onTick":                   "per tick, once",
		"main.tickerLoop":               "once",
		"main.reload":                   "per configuration reload, once",
		"main.watchFile":                "once",
		"main.watchObjects":             "once",
		"main.onWatchEvent":             "per event, once",
		"main.sleepLoop":                "once",
		"main.slept":                    "per tick, once",
		"main.retry":                    "once",
		"main.retried":                  "once",
		"main.mapFn":                    "per event",
		"main.handle":                   "per request",
		"main.main":                     "once",
		"main.gather":                   "once",
		"main.gather$1":                 "once",
		"main.gather$2":                 "once",
		"main.gathered":                 "once",
		"main.gatherArg":                "once",
		"main.gatherArg$1":              "once",
		"main.gatheredArg":              "once",
		"main.relay":                    "once",
		"main.relay$1":                  "once",
		"main.relayed":                  "per loop iteration, once",
		"main.relayStream":              "once",
		"main.relayStream$1":            "once",
		"main.streamed":                 "per loop iteration, once",
		"main.pool":                     "once",
		"main.pool$1":                   "once",
		"main.pool$2":                   "once",
		"main.pool$3":                   "once",
		"main.pooled":                   "once",
		"main.main$1":                   "per event",
		"main.main$2":                   "per event",
		"main.main$3":                   "per call, once",
		"main.main$4":                   "once",
		"main.keep":                     "once",
		"main.init#1":                   "once",
		"main.initHelper":               "once",
		"main.(handlerType).lazyInit":   "per event, per call",
		"main.(handlerType).lazyInit$1": "once",
		"frequser.(*counter).OnAdd":     "per event",
		"frequser.(*counter).OnUpdate":  "per event",
		"frequser.(*counter).OnDelete":  "per event",
		"frequser.(*counter).add":       "per event, per call",
		"frequser.(sink).Sync":          "per tick, per call",
		"frequser.sample":               "per tick",
		"frequser.added":                "per event",
		"frequser.once":                 "per call",
		"frequser.Start":                "per call",
		"frequser.(*rec).Reconcile":     "per reconcile",
		"frequser.(*rec).Ensure":        "per reconcile, per call",
		"frequser.(*rec).status":        "per reconcile, per call",
		"frequser.(*rec).status$1":      "per reconcile, per call",
	}
	if !reflect.DeepEqual(got, want) {
		keys := slices.Sorted(maps.Keys(got))
		var b strings.Builder
		for _, k := range keys {
			if got[k] != want[k] {
				b.WriteString("\n\t" + k + ": got " + got[k] + ", want " + want[k])
			}
		}
		for k := range want {
			if _, ok := got[k]; !ok {
				b.WriteString("\n\tmissing " + k)
			}
		}
		t.Errorf("frequencies differ:%s", b.String())
	}
}
