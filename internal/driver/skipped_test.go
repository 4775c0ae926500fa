package driver

import (
	"bytes"
	"encoding/gob"
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

type testFact struct{ N int }

func (*testFact) AFact() {}

type otherFact struct{}

func (*otherFact) AFact() {}

func TestWanted(t *testing.T) {
	helper := &analysis.Analyzer{Name: "helper", FactTypes: []analysis.Fact{new(testFact)}}
	user := &analysis.Analyzer{Name: "user", Requires: []*analysis.Analyzer{helper}}
	other := &analysis.Analyzer{Name: "other", FactTypes: []analysis.Fact{new(otherFact)}}
	closed := map[string]factgate.Gate{
		"helper": func(*factgate.Unit) bool { return false },
		"other":  func(*factgate.Unit) bool { return false },
	}
	open := map[string]factgate.Gate{"helper": factgate.Always, "other": closed["other"]}
	// helper builds its facts on its dependencies' facts; other does not
	readsDeps := map[string]factgate.Gate{
		"helper": func(u *factgate.Unit) bool { return u.DepFacts(new(testFact)) },
		"other":  closed["other"],
	}
	mine := []gobFact{{PkgPath: "q", Object: "T.M0", Fact: &testFact{}}}
	others := []gobFact{{PkgPath: "q", Object: "F", Fact: &otherFact{}}}
	for _, c := range []struct {
		name  string
		as    []*analysis.Analyzer
		facts []gobFact
		gates map[string]factgate.Gate
		want  bool
	}{
		{"gate closed, no facts below", []*analysis.Analyzer{user}, nil, closed, false},
		{"gate open", []*analysis.Analyzer{user}, nil, open, true},
		{"no gate: always run", []*analysis.Analyzer{user}, nil, nil, true},
		{"a required analyzer reads its facts below", []*analysis.Analyzer{user}, mine, readsDeps, true},
		{"facts below of an analyzer that does not read them", []*analysis.Analyzer{user, other}, others, readsDeps, false},
		{"facts below, gates that do not read them", []*analysis.Analyzer{user, other}, mine, closed, false},
	} {
		cfg := &skipConfig{ImportPath: "p", PackageVetx: map[string]string{"q": "q.vetx"}}
		if got := wanted(cfg, c.as, c.gates, c.facts); got != c.want {
			t.Errorf("%s: wanted = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPassedOn checks that a skipped package passes its dependencies'
// facts about objects on, once each and in a fixed order, readable as
// x/tools' facts package reads them, and that unreadable facts files
// prevent skipping.
func TestPassedOn(t *testing.T) {
	registerFacts([]*analysis.Analyzer{{Name: "a", FactTypes: []analysis.Fact{new(testFact), new(otherFact)}}})
	dir := t.TempDir()
	enc := func(fs []gobFact) []byte {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(fs); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	q := filepath.Join(dir, "q.vetx")
	r := filepath.Join(dir, "r.vetx")
	empty := filepath.Join(dir, "empty.vetx")
	if err := writeVetx(q, []byte("types of q"), enc([]gobFact{
		{PkgPath: "q", Object: "T.M0", Fact: &testFact{N: 1}},
		{PkgPath: "q", Fact: &otherFact{}}, // a package fact: not passed on
		{PkgPath: "s", Object: "S.F1", Fact: &testFact{N: 2}},
	})); err != nil {
		t.Fatal(err)
	}
	if err := writeVetx(r, nil, enc([]gobFact{{PkgPath: "s", Object: "S.F1", Fact: &testFact{N: 2}}})); err != nil {
		t.Fatal(err)
	}
	if err := writeVetx(empty, nil, nil); err != nil {
		t.Fatal(err)
	}
	cfg := &skipConfig{PackageVetx: map[string]string{"r": r, "q": q, "e": empty}}
	facts, ok := depFacts(cfg)
	if !ok || len(facts) != 4 {
		t.Fatalf("depFacts = %v, %v; want the 4 facts of q and r", facts, ok)
	}
	data, err := passedOn(facts)
	if err != nil {
		t.Fatal(err)
	}
	var got []gobFact
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&got); err != nil {
		t.Fatal(err)
	}
	want := []gobFact{
		{PkgPath: "q", Object: "T.M0", Fact: &testFact{N: 1}},
		{PkgPath: "s", Object: "S.F1", Fact: &testFact{N: 2}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("passed on %v, want %v", got, want)
	}
	again, _ := passedOn(facts)
	if !bytes.Equal(data, again) {
		t.Errorf("passedOn is not deterministic")
	}
	out := filepath.Join(dir, "out.vetx")
	if err := skipUnit(&skipConfig{VetxOutput: out}, facts); err != nil {
		t.Fatal(err)
	}
	if b, ok := readVetxFacts(out); !ok || !bytes.Equal(b, data) {
		t.Errorf("skipUnit wrote facts %q, want %q", b, data)
	}
	if tl, _, _ := vetxLens(out); tl != 0 {
		t.Errorf("skipUnit wrote %d bytes of types, want none", tl)
	}
	for _, bad := range []string{filepath.Join(dir, "missing.vetx"), writeFile(t, dir, "bad.vetx", "vetx\x00\x00\x00\x00\x03\x00\x00\x00abc")} {
		if _, ok := depFacts(&skipConfig{PackageVetx: map[string]string{"q": bad}}); ok {
			t.Errorf("depFacts of %s: ok, want not ok (the package must be analysed)", filepath.Base(bad))
		}
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	f := filepath.Join(dir, name)
	if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}
