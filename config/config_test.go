package config

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const sample = `
netlinkclose:
  constructors: [github.com/mdlayher/netlink.Dial, "(*example.com/nl.Pool).Get"]
  release: [Shutdown, example.com/nl.Free]
pipeclose:
  constructors: [example.com/logging.PipeWriter]
model:
  leader-gates: [example.com/ha.RunWhenLeader]
  handler-registrations: ["(*example.com/informers.Hub).Subscribe:1"]
`

func TestDecodeYAML(t *testing.T) {
	s, err := Decode([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Netlinkclose.Constructors; !slices.Equal(got, []string{"github.com/mdlayher/netlink.Dial", "(*example.com/nl.Pool).Get"}) {
		t.Errorf("netlinkclose.constructors = %q", got)
	}
	if got := s.Model.HandlerRegistrations; len(got) != 1 || got[0] != "(*example.com/informers.Hub).Subscribe:1" {
		t.Errorf("handler-registrations = %q", got)
	}
	if s.Empty() {
		t.Error("Empty() = true")
	}
}

func TestDecodeJSONAndEmpty(t *testing.T) {
	s, err := Decode([]byte(`{"pipeclose": {"release": ["Flush"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Pipeclose.Release, []string{"Flush"}) {
		t.Errorf("pipeclose.release = %q", s.Pipeclose.Release)
	}
	for _, in := range []string{"", "# nothing\n", "{}"} {
		s, err := Decode([]byte(in))
		if err != nil || !s.Empty() {
			t.Errorf("Decode(%q) = %+v, %v; want empty settings", in, s, err)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	for in, want := range map[string]string{
		"model:\n  leader-gate: [a.B]\n":                     `unknown field "leader-gate"`,
		"netlinkclose:\n  constructors: [Dial]\n":            `"Dial" is not a function or method name`,
		"netlinkclose:\n  release: [\"(*a.T.Close\"]\n":      `no ). after the receiver`,
		"model:\n  handler-registrations: [a/b.Reg:x]\n":     `parameter index`,
		"pipeclose: [a.B]\n":                                 `cannot unmarshal array`,
		"model:\n  leader-gates: [\"example.com/x.1Bad\"]\n": `not an identifier`,
	} {
		_, err := Decode([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Decode(%q) error = %v, want one containing %q", in, err, want)
		}
	}
}

func TestFlagsRoundTrip(t *testing.T) {
	s := new(Settings)
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	s.RegisterFlags(fs)
	err := fs.Parse([]string{
		"-netlinkclose.constructors=a/b.Dial, a/b.Open",
		"-netlinkclose.constructors=a/b.Dial",
		"-model.leader-gates=example.com/ha.Run",
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Netlinkclose.Constructors, []string{"a/b.Dial", "a/b.Open"}) {
		t.Errorf("constructors = %q", s.Netlinkclose.Constructors)
	}
	args := s.Args()
	want := []string{"-netlinkclose.constructors=a/b.Dial,a/b.Open", "-model.leader-gates=example.com/ha.Run"}
	if !slices.Equal(args, want) {
		t.Errorf("Args() = %q, want %q", args, want)
	}
	// the flags a vet process receives give the same settings
	s2 := new(Settings)
	fs2 := flag.NewFlagSet("y", flag.ContinueOnError)
	s2.RegisterFlags(fs2)
	if err := fs2.Parse(args); err != nil {
		t.Fatal(err)
	}
	if s2.Model.Key() != s.Model.Key() || !slices.Equal(s2.Netlinkclose.Constructors, s.Netlinkclose.Constructors) {
		t.Errorf("round trip: %+v, want %+v", s2, s)
	}
	fs3 := flag.NewFlagSet("z", flag.ContinueOnError)
	fs3.SetOutput(new(strings.Builder))
	new(Settings).RegisterFlags(fs3)
	if err := fs3.Parse([]string{"-pipeclose.constructors=NotQualified"}); err == nil {
		t.Error("a bad name in a flag was accepted")
	}
	if len(FlagNames()) != 8 {
		t.Errorf("FlagNames() = %q", FlagNames())
	}
}

func TestModelKey(t *testing.T) {
	a := Model{LeaderGates: []string{"b.F", "a.G", "b.F"}}
	b := Model{LeaderGates: []string{" a.G", "b.F"}}
	if a.Key() != b.Key() {
		t.Errorf("keys differ: %s %s", a.Key(), b.Key())
	}
	if a.Key() == (Model{}).Key() {
		t.Error("key of a non-empty model equals the empty one's")
	}
}

func TestMerge(t *testing.T) {
	s := &Settings{Pipeclose: Resources{Release: []string{"Flush"}}}
	s.Merge(&Settings{Pipeclose: Resources{Release: []string{"Flush", "Stop"}}, Model: Model{LeaderGates: []string{"a.B"}}})
	if !slices.Equal(s.Pipeclose.Release, []string{"Flush", "Stop"}) || !slices.Equal(s.Model.LeaderGates, []string{"a.B"}) {
		t.Errorf("Merge: %+v", s)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(p, s string) {
		t.Helper()
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// none above the module root is taken
	write(filepath.Join(root, ".ctrlvet.yaml"), "{}")
	write(filepath.Join(root, "a", "go.mod"), "module a\n")
	if got, err := Find(sub); err != nil || got != "" {
		t.Errorf("Find = %q, %v; want none (the file is outside the module)", got, err)
	}
	write(filepath.Join(root, "a", ".ctrlvet.yml"), "{}")
	if got, err := Find(sub); err != nil || got != filepath.Join(root, "a", ".ctrlvet.yml") {
		t.Errorf("Find = %q, %v", got, err)
	}
	if _, err := Load(filepath.Join(root, "missing.yaml")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}

// YAML writes what Decode reads back.
func TestYAMLRoundTrip(t *testing.T) {
	s, err := Decode([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	data, err := YAML(s)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Decode(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if back.Model.Key() != s.Model.Key() || !slices.Equal(back.Netlinkclose.Release, s.Netlinkclose.Release) ||
		!slices.Equal(back.Pipeclose.Constructors, s.Pipeclose.Constructors) {
		t.Errorf("round trip:\n%s\ngave %+v, want %+v", data, back, s)
	}
	if data, _ := YAML(new(Settings)); string(data) != "{}\n" {
		t.Errorf("YAML(empty) = %q", data)
	}
}
