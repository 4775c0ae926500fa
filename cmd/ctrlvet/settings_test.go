package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testdata/settings leaks only through the project's own APIs, which
// ctrlvet knows from its .ctrlvet.yaml: these tests run the settings
// through every driver of the binary (file found on its own, -config,
// flags, go vet -vettool, ctrlvet vet).

func settingsDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "settings"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

var wantSettings = []string{
	"cmd/agent/main.go:17:12 netlinkclose",
	"cmd/agent/main.go:28:15 pipeclose",
	"cmd/agent/main.go:44:12 leadersend",
}

func TestSettingsFile(t *testing.T) {
	dir := settingsDir(t)
	stdout, stderr, code := run(t, dir, ctrlvetBin, "./...")
	if code != 3 || !slices.Equal(findings(stdout), wantSettings) {
		t.Errorf("with .ctrlvet.yaml: exit %d, findings:\n%s\nwant:\n%s\nstderr:\n%s", code, stdout, strings.Join(wantSettings, "\n"), stderr)
	}
	for _, w := range []string{
		"nlconn.Dial is a resource constructor in ctrlvet's settings",
		"plog Logger.Pipe is a writer constructor in ctrlvet's settings",
		"leader gate: ha.RunWhenLeader runs it on the leader only (a leader gate in ctrlvet's settings)",
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("output lacks %q:\n%s", w, stdout)
		}
	}
	// found from a subdirectory too, up to the module root
	stdout, _, code = run(t, filepath.Join(dir, "cmd", "agent"), ctrlvetBin, ".")
	if code != 3 || len(findings(stdout)) != 3 {
		t.Errorf("from cmd/agent: exit %d\n%s", code, stdout)
	}
	// -config= turns the file off: the same code is silent
	stdout, stderr, code = run(t, dir, ctrlvetBin, "-config=", "./...")
	if code != 0 || stdout != "" {
		t.Errorf("-config=: exit %d, output %q %q", code, stdout, stderr)
	}
}

func TestSettingsFlags(t *testing.T) {
	dir := settingsDir(t)
	stdout, stderr, code := run(t, dir, ctrlvetBin, "-config=", "-netlinkclose.constructors=example.com/settings/nlconn.Dial", "./...")
	if got := findings(stdout); code != 3 || !slices.Equal(got, wantSettings[:1]) {
		t.Errorf("-netlinkclose.constructors: exit %d, findings %q; stderr:\n%s", code, got, stderr)
	}
	// go vet passes the flags to each vet process
	_, stderr, code = run(t, dir, "go", "vet", "-vettool="+ctrlvetBin,
		"-model.leader-gates=example.com/settings/ha.RunWhenLeader",
		"-model.handler-registrations=(*example.com/settings/hub.Hub).Subscribe", "./...")
	if code == 0 || !strings.Contains(stderr, "main.go:44:12: send in an event handler in main can block for ever") ||
		strings.Contains(stderr, "netlinkclose") || strings.Contains(stderr, "nlconn.Dial") {
		t.Errorf("go vet -vettool with model flags: exit %d\n%s", code, stderr)
	}
	// ctrlvet vet reads the file, and go vet's cache does not hide a
	// change of settings (they are flags, part of its key)
	_, stderr, code = run(t, dir, ctrlvetBin, "vet", "./...")
	if code == 0 || strings.Count(stderr, "in ctrlvet's settings") != 3 {
		t.Errorf("ctrlvet vet: exit %d\n%s", code, stderr)
	}
	_, stderr, code = run(t, dir, ctrlvetBin, "-config=", "vet", "./...")
	if code != 0 {
		t.Errorf("ctrlvet -config= vet: exit %d\n%s", code, stderr)
	}
}

func TestSettingsErrors(t *testing.T) {
	dir := settingsDir(t)
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	if err := os.WriteFile(bad, []byte("model:\n  leader-gate: [example.com/ha.Run]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-config=" + bad, "./..."}, `ctrlvet: ` + bad + `: unknown field "leader-gate"`},
		{[]string{"-config=missing.yaml", "./..."}, "ctrlvet: open missing.yaml: no such file or directory"},
		{[]string{"-pipeclose.release=(*T).Close", "./..."}, `invalid value "(*T).Close" for flag -pipeclose.release`},
	} {
		stdout, stderr, code := run(t, dir, ctrlvetBin, c.args...)
		if code != 1 || stdout != "" || !strings.Contains(stderr, c.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 and one line with %q", c.args, code, stdout, stderr, c.want)
		}
	}
}

// ctrlvet settings shows which file a run uses and what it holds.
func TestSettingsCommand(t *testing.T) {
	dir := settingsDir(t)
	stdout, stderr, code := run(t, filepath.Join(dir, "cmd", "agent"), ctrlvetBin, "settings")
	want := "# settings file: " + filepath.Join(dir, ".ctrlvet.yaml") + "\n"
	if code != 0 || !strings.HasPrefix(stdout, want) || !strings.Contains(stdout, "  leader-gates:\n    - example.com/settings/ha.RunWhenLeader\n") {
		t.Errorf("ctrlvet settings: exit %d, stdout:\n%s\nstderr: %s", code, stdout, stderr)
	}
	stdout, _, code = run(t, dir, ctrlvetBin, "-config=", "-pipeclose.release=Stop", "settings")
	if code != 0 || stdout != "# settings file: none\npipeclose:\n  release:\n    - Stop\n" {
		t.Errorf("ctrlvet -config= -pipeclose.release=Stop settings: exit %d, stdout %q", code, stdout)
	}
}
