package golangci_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/pipeclose"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
	"github.com/ctrlvet/ctrlvet/plugin/golangci"
	"github.com/ctrlvet/ctrlvet/suite"
)

// Every analyzer of the suite is a plugin of its own name, loaded with
// types, and by default returns the suite's analyzer itself.
func TestEveryAnalyzerIsRegistered(t *testing.T) {
	for _, a := range suite.Analyzers() {
		newPlugin, err := register.GetPlugin(a.Name)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		p, err := newPlugin(nil) // golangci-lint passes nil without settings
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		if m := p.GetLoadMode(); m != register.LoadModeTypesInfo {
			t.Errorf("%s: load mode %q", a.Name, m)
		}
		as, err := p.BuildAnalyzers()
		if err != nil || len(as) != 1 || as[0] != a {
			t.Errorf("%s: BuildAnalyzers() = %v, %v; want the suite's analyzer", a.Name, as, err)
		}
		if err := analysis.Validate(as); err != nil {
			t.Errorf("%s: %v", a.Name, err)
		}
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, c := range []struct {
		conf any
		want string
	}{
		{map[string]any{"excludes": []any{"x"}}, `unknown field "excludes"`},
		{map[string]any{"exclude": "x"}, "cannot unmarshal string"},
		{map[string]any{"exclude": []any{""}}, "empty string"},
	} {
		_, err := golangci.New("pipeclose", c.conf)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "pipeclose: ") {
			t.Errorf("settings %v: error %v, want one containing %q", c.conf, err, c.want)
		}
	}
	if _, err := golangci.New("nosuch", nil); err == nil {
		t.Errorf("New(nosuch): no error")
	}
}

// The exclude setting drops the findings in matching files, and only those:
// testdata/src/legacy has a leak and no want comment.
func TestExclude(t *testing.T) {
	p, err := golangci.New("pipeclose", map[string]any{"exclude": []any{"/legacy/"}})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0] == pipeclose.Analyzer || as[0].Name != "pipeclose" {
		t.Fatalf("BuildAnalyzers() = %v: want a copy of pipeclose", as)
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), as[0], "kept", "legacy")
}

// Without the setting, the same testdata has a finding in legacy that no
// want comment expects: the test above would fail without exclude.
func TestWithoutExclude(t *testing.T) {
	p, err := golangci.New("pipeclose", map[string]any{})
	if err != nil {
		t.Fatal(err)
	}
	as, _ := p.BuildAnalyzers()
	if n := len(testutil.Findings(t, analysistest.TestData(), as[0], "legacy")); n != 1 {
		t.Errorf("pipeclose on testdata/src/legacy without exclude: %d findings, want 1", n)
	}
}

// The sample configuration of the end-to-end test enables every analyzer
// of the suite as a module plugin, so that a new analyzer is exercised
// under golangci-lint too.
func TestSampleConfigEnablesEveryAnalyzer(t *testing.T) {
	for _, name := range []string{".golangci.yml", "exclude.golangci.yml"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golangci", name))
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, a := range suite.Analyzers() {
			if !strings.Contains(text, "\n    - "+a.Name+"\n") || !strings.Contains(text, "\n      "+a.Name+":\n        type: module\n") {
				t.Errorf("testdata/golangci/%s does not enable %s (in linters.enable and as a module under linters.settings.custom)", name, a.Name)
			}
		}
	}
}

var modelSettings = map[string]any{
	"model": map[string]any{"leader-gates": []any{"example.com/ha.RunWhenLeader"}},
}

// The analyzers that use the controller model share one model analyzer
// built from their common model settings; together with the others they
// form a valid set (no fact type registered twice).
func TestSharedModel(t *testing.T) {
	golangci.ResetModel()
	defer golangci.ResetModel()
	var all []*analysis.Analyzer
	for _, a := range suite.Analyzers() {
		p, err := golangci.New(a.Name, modelSettings)
		if err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		if as[0] == a && a.Name != "strandedgoroutine" { // it has no settings
			t.Errorf("%s: settings given, but the plugin returned the default analyzer", a.Name)
		}
		all = append(all, as...)
	}
	if err := analysis.Validate(all); err != nil {
		t.Errorf("the plugins' analyzers do not form one valid set: %v", err)
	}
	models := make(map[*analysis.Analyzer]bool)
	for _, a := range all[:3] { // leadersend, earlyinformer, unfilteredcache
		for _, r := range a.Requires {
			if r.Name == "ctrlmodel" {
				models[r] = true
			}
		}
	}
	if len(models) != 1 {
		t.Errorf("the model analyzers of leadersend, earlyinformer and unfilteredcache: %d, want one shared", len(models))
	}
}

// Different model settings for two model analyzers are an error that
// says how to fix it, whichever comes first.
func TestModelSettingsMustAgree(t *testing.T) {
	for _, order := range [][2]any{{modelSettings, nil}, {nil, modelSettings}} {
		golangci.ResetModel()
		if _, err := golangci.New("leadersend", order[0]); err != nil {
			t.Fatal(err)
		}
		_, err := golangci.New("earlyinformer", order[1])
		if err == nil || !strings.Contains(err.Error(), "earlyinformer: its model settings differ from those of leadersend") || !strings.Contains(err.Error(), "YAML anchor") {
			t.Errorf("settings %v then %v: error %v", order[0], order[1], err)
		}
		// a resource analyzer ignores the model block
		if _, err := golangci.New("netlinkclose", modelSettings); err != nil {
			t.Errorf("netlinkclose with a model block: %v", err)
		}
	}
	golangci.ResetModel()
}

func TestBadNames(t *testing.T) {
	golangci.ResetModel()
	defer golangci.ResetModel()
	_, err := golangci.New("netlinkclose", map[string]any{"netlinkclose": map[string]any{"constructors": []any{"Dial"}}})
	if err == nil || !strings.Contains(err.Error(), `netlinkclose: netlinkclose.constructors: "Dial" is not a function or method name`) {
		t.Errorf("error %v", err)
	}
}
