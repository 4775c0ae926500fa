package main_test

// The go command caches a vet run under a key that does not say whether
// the run was facts-only (a dependency) or a target, and replays a
// facts-only run, which reported nothing, as the package's result. These
// tests run the sequence that lost findings, `vet ./a` then `vet ./b`
// where a imports b, through every driver with one build cache, and want
// b's findings each time (docs/integrations.md, "Warm runs").

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sequenceModule writes a module where a imports b and b has two findings
// (strandedgoroutine, which has no facts and so never runs in a facts-only
// run, and pipeclose, which has); with tests, b also has an in-package
// test file, so go vet vets it as "b [b.test]".
func sequenceModule(t *testing.T, withTests bool) string {
	t.Helper()
	files := map[string]string{
		"go.mod": "module example.com/seq\n\ngo 1.26\n",
		"a/a.go": "package a\n\nimport \"example.com/seq/b\"\n\nfunc A() (string, error) { return b.Get(\"k\") }\n",
		"b/b.go": `package b

import (
	"errors"
	"io"
)

func slow() (string, error) { return "ok", nil }

func validate(key string) error {
	if key == "" {
		return errors.New("empty key")
	}
	return nil
}

// Get strands its goroutine when validate fails.
func Get(key string) (string, error) {
	ch := make(chan string)
	go func() {
		v, _ := slow()
		ch <- v
	}()
	if err := validate(key); err != nil {
		return "", err
	}
	return <-ch, nil
}

// Send never closes its pipe.
func Send(b []byte) {
	pr, pw := io.Pipe()
	go func() { _, _ = io.ReadAll(pr) }()
	_, _ = pw.Write(b)
}
`,
	}
	if withTests {
		files["b/b_test.go"] = "package b\n\nimport \"testing\"\n\nfunc TestGet(t *testing.T) { _, _ = Get(\"k\") }\n"
		files["b/x_test.go"] = "package b_test\n\nimport (\n\t\"testing\"\n\n\t\"example.com/seq/b\"\n)\n\nfunc TestX(t *testing.T) { _, _ = b.Get(\"k\") }\n"
	}
	return writeFiles(t, files)
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var wantSequence = []string{"b/b.go:20:2 strandedgoroutine", "b/b.go:32:12 pipeclose"}

// runEnv is run with extra environment variables.
func runEnv(t *testing.T, dir string, env []string, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out.String(), errb.String(), code
}

// vetFindings returns go vet's findings on stderr as "file:line:col
// analyzer" (go vet prints no analyzer name: it is told by the message),
// sorted, with duplicates kept.
func vetFindings(stderr string) []string {
	var got []string
	for l := range strings.SplitSeq(stderr, "\n") {
		posn, msg, ok := strings.Cut(l, ": ")
		if !ok || strings.HasPrefix(msg, "\t") || !strings.Contains(posn, ".go:") {
			continue
		}
		an := "pipeclose"
		if strings.Contains(msg, "goroutine can block") {
			an = "strandedgoroutine"
		}
		got = append(got, strings.TrimPrefix(posn, "./")+" "+an)
	}
	slices.Sort(got)
	return got
}

func TestWarmRunKeepsFindings(t *testing.T) {
	for _, withTests := range []bool{false, true} {
		name := "no tests"
		if withTests {
			name = "in-package tests"
		}
		t.Run(name, func(t *testing.T) {
			dir := sequenceModule(t, withTests)
			// The user's build cache: the module's directory is new, so
			// none of its entries are there yet.
			env := []string{"GOFLAGS="}
			drivers := []struct {
				name  string
				cmd   []string
				parse func(stdout, stderr string) []string
			}{
				{"standalone", []string{ctrlvetBin}, func(o, _ string) []string { return findings(o) }},
				{"ctrlvet vet", []string{ctrlvetBin, "vet"}, func(_, e string) []string { return vetFindings(e) }},
				{"go vet -vettool", []string{"go", "vet", "-vettool=" + ctrlvetBin}, func(_, e string) []string { return vetFindings(e) }},
			}
			for _, d := range drivers {
				{
					round := 1
					stdout, _, _ := runEnv(t, dir, env, d.cmd[0], append(d.cmd[1:], "./a")...)
					if d.name == "standalone" && stdout != "" {
						t.Errorf("%s ./a (round %d) reports findings of b, which it was not asked for:\n%s", d.name, round, stdout)
					}
					stdout, stderr, code := runEnv(t, dir, env, d.cmd[0], append(d.cmd[1:], "./b")...)
					if got := d.parse(stdout, stderr); !slices.Equal(got, wantSequence) {
						t.Errorf("%s ./a then ./b (round %d): exit %d, findings\n\t%s\nwant\n\t%s\noutput:\n%s%s", d.name, round, code, strings.Join(got, "\n\t"), strings.Join(wantSequence, "\n\t"), stdout, stderr)
					}
					stdout, stderr, _ = runEnv(t, dir, env, d.cmd[0], append(d.cmd[1:], "./...")...)
					if got := d.parse(stdout, stderr); !slices.Equal(got, wantSequence) {
						t.Errorf("%s ./... (round %d): findings\n\t%s\nwant each once\n\t%s\noutput:\n%s%s", d.name, round, strings.Join(got, "\n\t"), strings.Join(wantSequence, "\n\t"), stdout, stderr)
					}
				}
			}
		})
	}
}

// TestWarmRunKeepsFindingsOfDependency: a package of another module,
// vetted for facts as a dependency of ./a, then asked for. Its facts-only
// run reports nothing (it would cost every analyzer on every dependency),
// so ctrlvet's drivers give a run with such a target cache keys of its
// own. Plain go vet -vettool loses these findings (docs/integrations.md).
func TestWarmRunKeepsFindingsOfDependency(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"go.mod":     "module example.com/seq\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ./dep\n",
		"a/a.go":     "package a\n\nimport \"example.com/dep/d\"\n\nfunc A() { d.Send(nil) }\n",
		"dep/go.mod": "module example.com/dep\n\ngo 1.26\n",
		"dep/d/d.go": "package d\n\nimport \"io\"\n\n// Send never closes its pipe.\nfunc Send(b []byte) {\n\tpr, pw := io.Pipe()\n\tgo func() { _, _ = io.ReadAll(pr) }()\n\t_, _ = pw.Write(b)\n}\n",
	})
	env := []string{"GOFLAGS="}
	want := []string{"dep/d/d.go:7:12 pipeclose"}
	if stdout, stderr, code := runEnv(t, dir, env, ctrlvetBin, "./a"); code != 0 {
		t.Fatalf("./a: exit %d\n%s%s", code, stdout, stderr)
	}
	stdout, stderr, code := runEnv(t, dir, env, ctrlvetBin, "example.com/dep/d")
	if got := findings(stdout); code != 3 || !slices.Equal(got, want) {
		t.Errorf("standalone ./a then example.com/dep/d: exit %d, findings %q, want %q\n%s%s", code, got, want, stdout, stderr)
	}
	stdout, stderr, _ = runEnv(t, dir, env, ctrlvetBin, "vet", "example.com/dep/d")
	if got := vetFindings(stderr); !slices.Equal(got, want) {
		t.Errorf("ctrlvet vet ./a then example.com/dep/d: findings %q, want %q\n%s%s", got, want, stdout, stderr)
	}
}
