package suite_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/suite"
)

// New gives a fresh, valid set of analyzers that share one model, in the
// order and with the names of Analyzers.
func TestNew(t *testing.T) {
	def := suite.Analyzers()
	as := suite.New(&config.Settings{Model: config.Model{LeaderGates: []string{"example.com/ha.Run"}}})
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	if len(as) != len(def) {
		t.Fatalf("New: %d analyzers, Analyzers: %d", len(as), len(def))
	}
	models := make(map[*analysis.Analyzer]bool)
	for i, a := range as {
		if a.Name != def[i].Name || suite.Find(as, a.Name) != a {
			t.Errorf("analyzer %d: %s, want %s", i, a.Name, def[i].Name)
		}
		for _, r := range a.Requires {
			if r.Name == "ctrlmodel" {
				models[r] = true
				if r == suite.Model(nil) {
					t.Errorf("%s uses the default model, not the settings'", a.Name)
				}
			}
		}
	}
	if len(models) != 1 {
		t.Errorf("%d model analyzers, want one shared", len(models))
	}
	if suite.Find(as, "nosuch") != nil {
		t.Error("Find(nosuch) != nil")
	}
}
