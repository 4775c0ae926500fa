package main_test

// End-to-end tests: the built binary, run standalone and as go vet's
// -vettool, on testdata/example, a module that requires the real
// github.com/vishvananda/netlink, netns and sirupsen/logrus (fetched
// through the Go module proxy).

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var ctrlvetBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "ctrlvet-e2e")
	if err != nil {
		panic(err)
	}
	ctrlvetBin = filepath.Join(dir, "ctrlvet")
	if out, err := exec.Command("go", "build", "-o", ctrlvetBin, ".").CombinedOutput(); err != nil {
		panic(fmt.Sprintf("%v\n%s", err, out))
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

func exampleDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// run runs name with args in dir and returns stdout, stderr and the exit
// status.
func run(t *testing.T, dir, name string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
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

// The exact findings on testdata/example: file:line:col, analyzer.
var wantExample = []string{
	"fetch/fetch.go:23:2 strandedgoroutine",
	"mtu/mtu.go:12:13 netlinkclose",
	"proxy/proxy.go:18:21 pipeclose",
}

var textLine = regexp.MustCompile(`^(\S+\.go:\d+:\d+): .* \((\w+)\)$`)

// findings returns the findings of ctrlvet's text output as "file:line:col
// analyzer".
func findings(stdout string) []string {
	var got []string
	for l := range strings.SplitSeq(stdout, "\n") {
		if m := textLine.FindStringSubmatch(l); m != nil {
			got = append(got, m[1]+" "+m[2])
		}
	}
	return got
}

func TestStandaloneExample(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir(t), ctrlvetBin, "./...")
	if code != 3 {
		t.Errorf("exit status %d, want 3 (findings); stderr:\n%s", code, stderr)
	}
	got := findings(stdout)
	if !slices.Equal(got, wantExample) {
		t.Errorf("findings:\n%s\nwant:\n%s\nfull output:\n%s", strings.Join(got, "\n"), strings.Join(wantExample, "\n"), stdout)
	}
	for _, want := range []string{
		"netlink handle from nlshim.New is never released",
		"findHostMTU runs in a loop in Monitor",
		"\tmtu/mtu.go:18:3: returns here without releasing the netlink handle",
		"*io.PipeWriter from logrus Logger.WriterLevel is never closed",
		"\tproxy/proxy.go:18:20: handed on here as an io.Writer, which nobody can close",
		"goroutine can block for ever on a send: a receive happens only on some paths of Get, and the return at line 28 skips it",
		"\tfetch/fetch.go:28:3: returns here without a receive",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestStandaloneDisableAnalyzer(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir(t), ctrlvetBin, "-pipeclose=false", "./...")
	if code != 3 || strings.Contains(stdout, "(pipeclose)") || !strings.Contains(stdout, "(netlinkclose)") {
		t.Errorf("-pipeclose=false: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestStandaloneClean(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir(t), ctrlvetBin, "./clean", "./nlshim")
	if code != 0 || stdout != "" {
		t.Errorf("clean packages: exit %d, output %q %q", code, stdout, stderr)
	}
}

func TestGoVetVettool(t *testing.T) {
	_, stderr, code := run(t, exampleDir(t), "go", "vet", "-vettool="+ctrlvetBin, "./...")
	if code == 0 {
		t.Errorf("go vet exit status 0, want non-zero with findings")
	}
	var got []string
	re := regexp.MustCompile(`(?m)^(\S+\.go:\d+:\d+): ([^\t].*)$`)
	for _, m := range re.FindAllStringSubmatch(stderr, -1) {
		an := "pipeclose"
		switch {
		case strings.Contains(m[2], "netlink"):
			an = "netlinkclose"
		case strings.Contains(m[2], "goroutine can block"):
			an = "strandedgoroutine"
		}
		got = append(got, strings.TrimPrefix(m[1], "./")+" "+an)
	}
	// go vet prints packages in the order they finish
	slices.Sort(got)
	if !slices.Equal(got, wantExample) {
		t.Errorf("go vet findings:\n%s\nwant:\n%s\nstderr:\n%s", strings.Join(got, "\n"), strings.Join(wantExample, "\n"), stderr)
	}
}

func TestGoVetJSON(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir(t), "go", "vet", "-vettool="+ctrlvetBin, "-json", "./mtu")
	if code != 0 {
		t.Fatalf("go vet -json: exit %d\n%s", code, stderr)
	}
	text := stdout + stderr
	i := strings.Index(text, "{")
	if i < 0 {
		t.Fatalf("no JSON in output:\n%s", text)
	}
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
		Related []struct {
			Posn string `json:"posn"`
		} `json:"related"`
	}
	dec := json.NewDecoder(strings.NewReader(text[i:]))
	var ds []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
		Related []struct {
			Posn string `json:"posn"`
		} `json:"related"`
	}
	for dec.More() {
		if err := dec.Decode(&tree); err != nil {
			t.Fatal(err)
		}
		ds = append(ds, tree["example.com/agent/mtu"]["netlinkclose"]...)
	}
	if len(ds) != 1 || !strings.HasSuffix(ds[0].Posn, "mtu.go:12:13") || len(ds[0].Related) != 2 {
		t.Errorf("JSON findings: %+v", tree)
	}
}

func TestStandaloneJSON(t *testing.T) {
	stdout, stderr, code := run(t, exampleDir(t), ctrlvetBin, "-json", "./...")
	if code != 0 {
		t.Fatalf("-json: exit %d, want 0\n%s", code, stderr)
	}
	var tree map[string]map[string][]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, stdout)
	}
	if len(tree["example.com/agent/proxy"]["pipeclose"]) != 1 {
		t.Errorf("-json: %s", stdout)
	}
}

func TestHelp(t *testing.T) {
	stdout, _, code := run(t, ".", ctrlvetBin, "help")
	if code != 0 || !strings.Contains(stdout, "netlinkclose") || !strings.Contains(stdout, "pipeclose") {
		t.Errorf("help: exit %d\n%s", code, stdout)
	}
	stdout, _, code = run(t, ".", ctrlvetBin, "help", "pipeclose")
	if code != 0 || !strings.Contains(stdout, "docs/pipeclose.md") {
		t.Errorf("help pipeclose: exit %d\n%s", code, stdout)
	}
}

// TestBadInput checks that mistakes get one clear line and exit status 1,
// never a stack trace.
func TestBadInput(t *testing.T) {
	broken := t.TempDir()
	write := func(name, text string) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(broken, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(broken, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/broken\n\ngo 1.24\n")
	write("bad/bad.go", "package bad\n\nfunc f() int { return undefinedThing }\n")
	write("good/good.go", "package good\n\nimport \"io\"\n\nfunc F() *io.PipeWriter { _, w := io.Pipe(); return w }\n\nfunc G() { pr, w := io.Pipe(); go func() { _, _ = io.ReadAll(pr) }(); _, _ = w.Write(nil) }\n")

	cases := []struct {
		name   string
		dir    string
		args   []string
		stderr string // regexp
		stdout string // regexp, "" for empty
	}{
		{"unknown flag", ".", []string{"-nosuchflag", "./..."}, `^ctrlvet: flag provided but not defined: -nosuchflag \(see 'ctrlvet -h'\)\n$`, ""},
		{"unknown analyzer", ".", []string{"help", "nosuch"}, `^ctrlvet: no analyzer named "nosuch"`, ""},
		{"bad analyzer value", ".", []string{"-pipeclose=maybe", "./..."}, `takes true or false`, ""},
		{"no packages", broken, []string{"example.com/broken/nothing/..."}, `^ctrlvet: "example.com/broken/nothing/..." matched no packages\n$`, ""},
		{"no directory", broken, []string{"./nothing/..."}, `^ctrlvet: pattern ./nothing/...: lstat ./nothing/: no such file or directory\n$`, ""},
		{"type error", broken, []string{"./..."}, `ctrlvet: package example.com/broken/bad: .*bad.go:3:23: undefined: undefinedThing`, `good/good.go:7:21: .*io.Pipe is never closed`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdout, stderr, code := run(t, c.dir, ctrlvetBin, c.args...)
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if !regexp.MustCompile(c.stderr).MatchString(stderr) || strings.Contains(stderr, "goroutine ") {
				t.Errorf("stderr %q does not match %q", stderr, c.stderr)
			}
			if (c.stdout == "" && stdout != "") || (c.stdout != "" && !regexp.MustCompile(c.stdout).MatchString(stdout)) {
				t.Errorf("stdout %q, want %q", stdout, c.stdout)
			}
		})
	}
}

// TestK8sExample runs the binary, standalone and under go vet, on
// testdata/k8sexample, a module that requires the real k8s.io/client-go
// and sigs.k8s.io/controller-runtime: the controller model must see the
// leader-only receiver, the registration helper and the leader gate
// through the real APIs, across packages. cmd/owncache (a label-filtered
// cache of its own, vault-secrets-operator's shape) must stay silent.
// internal/controllers/follow.go starts goroutines on the reconcile's
// context, which the real controller-runtime cancels only when the
// manager stops: one directly, one through internal/objwatch's fact.
func TestK8sExample(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks client-go and controller-runtime: slow")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "k8sexample"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"cmd/elected/main.go:21:14 earlyinformer",
		"cmd/elected/main.go:28:11 leadersend",
		"cmd/kbsplit/main.go:21:12 leadersend",
		"cmd/operator/main.go:41:64 leadersend",
		"cmd/poller/main.go:30:10 earlyinformer",
		"cmd/secrets/main.go:17:65 unfilteredcache",
		"internal/controllers/follow.go:19:43 strandedgoroutine",
		"internal/controllers/follow.go:20:2 strandedgoroutine",
		"internal/controllers/ready.go:39:26 unboundedgrowth",
		"internal/controllers/ready.go:41:19 unboundedgrowth",
	}
	stdout, stderr, code := run(t, dir, ctrlvetBin, "./...")
	if code != 3 {
		t.Errorf("exit status %d, want 3; stderr:\n%s", code, stderr)
	}
	got := findings(stdout)
	if !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s\noutput:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), stdout)
	}
	for _, s := range []string{
		"the only receiver, which runs only on the leader",
		"leader gate: NeedLeaderElection returns true",
		"the handler is registered here, on every replica",
		"leader gate: leaderelection.LeaderCallbacks.OnStartedLeading runs on the leader only",
		"its only receiver, the code after <-mgr.Elected() in a function literal in main, runs only on the leader",
		"\tcmd/elected/main.go:35:3: leader gate: code after <-mgr.Elected() runs on the leader only",
		// the kubebuilder layout: the library registers, main consumes
		"podwatch.Setup registers an informer event handler that sends on this channel (podwatch.go:24:11), on every replica, but its only receiver, a function literal in main, runs only on the leader",
		"the manager's cache holds every Secret it can see, in full, on every replica (leader election is off): Watches of Secret in SecretReconciler.SetupWithManager (secrets.go:29); its predicate filters events, not what the informer stores",
		"metric vector podReady grows per reconcile without bound: PodReconciler.Reconcile makes a series per label value from the event's data",
		"map Tracker.last grows per reconcile without bound: PodReconciler.Reconcile through Tracker.Observe adds a key from the event's data",
	} {
		if !strings.Contains(stdout, s) {
			t.Errorf("output lacks %q:\n%s", s, stdout)
		}
	}

	_, stderr, code = run(t, dir, "go", "vet", "-vettool="+ctrlvetBin, "./...")
	if code == 0 {
		t.Errorf("go vet: exit status 0, want non-zero")
	}
	for _, w := range []string{
		"cmd/operator/main.go:41:64: watch.StatusWatcher.LBStatus gets a channel",
		"cmd/kbsplit/main.go:21:12: podwatch.Setup registers an informer event handler",
		"cmd/poller/main.go:30:10: informer for Pods is created in main",
		"cmd/secrets/main.go:17:65: the manager's cache holds every Secret",
		"internal/controllers/ready.go:39:26: metric vector podReady grows per reconcile",
		"internal/controllers/ready.go:41:19: map Tracker.last grows per reconcile",
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("go vet output lacks %q:\n%s", w, stderr)
		}
	}
}

// There is no -test=false: go vet always analyses a package with its test
// files (and not at all when they do not compile), so ctrlvet cannot leave
// them out. The flag once existed and was passed to go vet, which refused
// it; it must be an unknown flag, not a broken one.
func TestNoTestFlag(t *testing.T) {
	_, stderr, code := run(t, exampleDir(t), ctrlvetBin, "-test=false", "./clean")
	if code != 1 || !strings.Contains(stderr, "flag provided but not defined: -test") || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
		t.Errorf("-test=false: exit %d, stderr %q; want exit 1 and one line about an unknown flag", code, stderr)
	}
}

// A package that uses cgo: go vet hands ctrlvet the files cgo rewrote,
// marked "Code generated by cmd/cgo", whose positions point back at the
// user's code. Findings there are not findings in generated code. (All of
// them were once dropped.)
func TestCgoPackage(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod": "module example.com/withcgo\n\ngo 1.26\n",
		"p/p.go": "package p\n\n// int one(void) { return 1; }\nimport \"C\"\n\nimport \"io\"\n\nfunc One() int { return int(C.one()) }\n\nfunc Send(b []byte) {\n\tpr, pw := io.Pipe()\n\tgo func() { _, _ = io.ReadAll(pr) }()\n\t_, _ = pw.Write(b)\n}\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(ctrlvetBin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 || !slices.Equal(findings(string(out)), []string{"p/p.go:11:12 pipeclose"}) {
		t.Errorf("cgo package: %v, output:\n%s\nwant exit 3 and p/p.go:11:12 pipeclose", err, out)
	}
}
