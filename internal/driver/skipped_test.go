package driver

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

func TestNotAnalysedFromList(t *testing.T) {
	list := "m/bad\tbad\t\n" +
		"m/imp\timp\tm/bad\n" +
		"m/ok\tok\tfmt\n" +
		"m/t\tt\t\n" +
		"m/t [m/t.test]\tt\tm/imp [m/t.test] m/bad\n" +
		"m/t_test [m/t.test]\tt_test\tm/t [m/t.test]\n" +
		"m/t.test\tmain\tm/bad m/imp\n" +
		"m/bt\tbt\t\n" +
		"m/bt [m/bt.test]\tbt\t\n"
	broken := map[string]string{"m/bad": "bad.go:1:1: oops", "m/bt": "bt.go:2:2: no"}
	want := []Skipped{
		{"m/bad", "bad.go:1:1: oops"},
		{"m/bt [m/bt.test]", "bt.go:2:2: no"},
		{"m/imp", "it depends on m/bad, which does not build"},
		{"m/t [m/t.test]", "it depends on m/bad, which does not build"},
	}
	if got := notAnalysed(list, broken); !reflect.DeepEqual(got, want) {
		t.Errorf("notAnalysed =\n%v\nwant\n%v", got, want)
	}
	if got := NotAnalysed("", []string{"./..."}, nil); got != nil {
		t.Errorf("nothing broken: %v", got)
	}
}

type testFact struct{}

func (*testFact) AFact() {}

func TestWanted(t *testing.T) {
	dir := t.TempDir()
	noFacts := filepath.Join(dir, "nofacts.vetx")
	withFacts := filepath.Join(dir, "facts.vetx")
	if err := writeVetx(noFacts, nil); err != nil {
		t.Fatal(err)
	}
	data := []byte("vetx\x00\x00\x00\x00\x03\x00\x00\x00abc")
	if err := os.WriteFile(withFacts, data, 0o644); err != nil {
		t.Fatal(err)
	}
	helper := &analysis.Analyzer{Name: "helper", FactTypes: []analysis.Fact{new(testFact)}}
	user := &analysis.Analyzer{Name: "user", Requires: []*analysis.Analyzer{helper}}
	closed := map[string]factgate.Gate{"helper": func(*factgate.Unit) bool { return false }}
	open := map[string]factgate.Gate{"helper": factgate.Always}
	for _, c := range []struct {
		name  string
		vetx  string
		gates map[string]factgate.Gate
		want  bool
	}{
		{"gate closed, no facts below", noFacts, closed, false},
		{"gate open", noFacts, open, true},
		{"no gate: always run", noFacts, nil, true},
		{"a dependency has facts", withFacts, closed, true},
		{"a dependency's facts file is unreadable", filepath.Join(dir, "missing"), closed, true},
	} {
		cfg := &skipConfig{ImportPath: "p", PackageVetx: map[string]string{"q": c.vetx}}
		if got := wanted(cfg, []*analysis.Analyzer{user}, c.gates); got != c.want {
			t.Errorf("%s: wanted = %v, want %v", c.name, got, c.want)
		}
	}
}
