package golangci_test

// End-to-end test of the golangci-lint plugin: scripts/build-golangci.sh
// builds golangci-lint v2.15.0 with the plugin compiled in (the nested
// module tools/golangci), and the test runs that binary on
//
//   - testdata/golangci, a module with pipe leaks, //nolint directives and
//     its own .golangci.yml enabling the four custom linters;
//   - testdata/example (netlinkclose, pipeclose, with facts across
//     packages) and testdata/k8sexample (leadersend, earlyinformer, on the
//     real client-go and controller-runtime), with that same config.
//
// The first build compiles golangci-lint: about 2 to 4 minutes on 2 cores
// with an empty build cache, seconds afterwards. Skipped with -short.
//
// The test lives here, in the root module, because `go test ./...` does
// not enter the nested module tools/golangci; and in its own package, so
// that the build has the package's whole test timeout to itself.

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
	"sync"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	gclBin    string
	gclErr    error
	gclCache  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if gclBin != "" {
		_ = os.RemoveAll(filepath.Dir(gclBin))
	}
	if gclCache != "" {
		_ = os.RemoveAll(gclCache)
	}
	os.Exit(code)
}

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// golangciLint builds the binary once per test run and returns its path.
func golangciLint(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds golangci-lint: slow")
	}
	root := repoRoot(t)
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "ctrlvet-gcl")
		if err != nil {
			gclErr = err
			return
		}
		if gclCache, err = os.MkdirTemp("", "ctrlvet-gcl-cache"); err != nil {
			gclErr = err
			return
		}
		bin := filepath.Join(dir, "golangci-lint-ctrlvet")
		start := time.Now()
		cmd := exec.Command(filepath.Join(root, "scripts", "build-golangci.sh"), bin)
		out, err := cmd.CombinedOutput()
		if err != nil {
			gclErr = fmt.Errorf("scripts/build-golangci.sh: %w\n%s", err, out)
			return
		}
		t.Logf("scripts/build-golangci.sh took %v", time.Since(start).Round(time.Second))
		gclBin = bin
	})
	if gclErr != nil {
		t.Fatal(gclErr)
	}
	return gclBin
}

// issue is a finding in golangci-lint's JSON output.
type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

func (i issue) String() string {
	return fmt.Sprintf("%s:%d:%d %s", i.Pos.Filename, i.Pos.Line, i.Pos.Column, i.FromLinter)
}

// lint runs the binary in dir with args and returns the findings (related
// information, which golangci-lint reports as separate issues, left out),
// stderr and the exit status.
func lint(t *testing.T, dir string, args ...string) ([]issue, []issue, string, int) {
	t.Helper()
	bin := golangciLint(t)
	jsonFile := filepath.Join(t.TempDir(), "out.json")
	args = append([]string{"run", "--allow-parallel-runners", "--output.json.path=" + jsonFile, "--output.text.path=stderr"}, args...)
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+gclCache)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(jsonFile)
	if err != nil {
		return nil, nil, stderr.String(), code
	}
	var out struct{ Issues []issue }
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("golangci-lint JSON output: %v\n%s", err, data)
	}
	var main, related []issue
	for _, i := range out.Issues {
		if strings.HasPrefix(i.Text, i.FromLinter+"(related information): ") {
			related = append(related, i)
		} else {
			main = append(main, i)
		}
	}
	return main, related, stderr.String(), code
}

func strs(is []issue) []string {
	var out []string
	for _, i := range is {
		out = append(out, i.String())
	}
	return out
}

// check compares the findings with want, in any order.
func check(t *testing.T, what string, got []issue, stderr string, want []string) {
	t.Helper()
	g := strs(got)
	slices.Sort(g)
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(g, want) {
		t.Errorf("%s: findings\n\t%s\nwant\n\t%s\noutput:\n%s", what, strings.Join(g, "\n\t"), strings.Join(want, "\n\t"), stderr)
	}
}

func sampleDir(t *testing.T) string { return filepath.Join(repoRoot(t), "testdata", "golangci") }

// TestGolangciSample: a finding per unsilenced leak; //nolint:pipeclose
// silences its line, //nolint:netlinkclose does not; //ctrlvet:ignore
// works under golangci-lint too.
func TestGolangciSample(t *testing.T) {
	got, _, stderr, code := lint(t, sampleDir(t), "./...")
	if code != 1 {
		t.Errorf("exit status %d, want 1 (issues)", code)
	}
	check(t, "testdata/golangci", got, stderr, []string{
		"leak/leak.go:13:12 pipeclose", // Stream
		"leak/leak.go:27:12 pipeclose", // Other: //nolint:netlinkclose
		"legacy/legacy.go:8:12 pipeclose",
	})
	for _, i := range got {
		if !strings.Contains(i.Text, "*io.PipeWriter from io.Pipe is never closed") {
			t.Errorf("unexpected text %q", i.Text)
		}
	}
}

// TestGolangciExcludeSetting: exclude.golangci.yml differs from
// .golangci.yml only by pipeclose's setting exclude: ["/legacy/"].
func TestGolangciExcludeSetting(t *testing.T) {
	got, _, stderr, code := lint(t, sampleDir(t), "--config=exclude.golangci.yml", "./...")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	check(t, "exclude: [/legacy/]", got, stderr, []string{
		"leak/leak.go:13:12 pipeclose",
		"leak/leak.go:27:12 pipeclose",
	})
	got, _, stderr, code = lint(t, sampleDir(t), "--config=exclude.golangci.yml", "./legacy/...")
	if code != 0 || len(got) != 0 {
		t.Errorf("./legacy/... with exclude: exit %d, findings %v\n%s", code, strs(got), stderr)
	}
}

// TestGolangciBadSettings: an unknown setting stops golangci-lint with an
// error naming the plugin.
func TestGolangciBadSettings(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(sampleDir(t), ".golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), "        description: io.Pipe and logrus writers never closed\n",
		"        description: io.Pipe and logrus writers never closed\n        settings:\n          excludes: [x]\n", 1)
	if bad == string(data) {
		t.Fatal("cannot find pipeclose's entry in .golangci.yml")
	}
	cfg := filepath.Join(t.TempDir(), "bad.yml")
	if err := os.WriteFile(cfg, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr, code := lint(t, sampleDir(t), "--config="+cfg, "./...")
	if code == 0 || code == 1 || !strings.Contains(stderr, "plugin(pipeclose)") || !strings.Contains(stderr, `unknown field "excludes"`) {
		t.Errorf("bad setting: exit %d, output:\n%s", code, stderr)
	}
}

// TestGolangciExample: on testdata/example (the real netlink and logrus,
// netlinkclose's facts from nlshim to mtu), golangci-lint reports what
// ctrlvet standalone reports, the netlinkclose and pipeclose leaks among
// them; each linter can be enabled or disabled alone by its name.
func TestGolangciExample(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata", "example")
	cfg := "--config=" + filepath.Join(sampleDir(t), ".golangci.yml")
	got, related, stderr, code := lint(t, dir, cfg, "./...")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	want := standalone(t, dir)
	check(t, "testdata/example, as ctrlvet standalone", got, stderr, want)
	has(t, "testdata/example", got, "mtu/mtu.go:12:13 netlinkclose", "proxy/proxy.go:18:21 pipeclose")
	has(t, "testdata/example related information", related, "mtu/mtu.go:18:3 netlinkclose", "mtu/mtu.go:26:2 netlinkclose")
	for _, i := range got {
		if i.FromLinter == "netlinkclose" && !strings.HasPrefix(i.Text, "netlink handle from nlshim.New is never released") {
			t.Errorf("netlinkclose text %q", i.Text)
		}
	}

	got, _, stderr, _ = lint(t, dir, cfg, "--enable-only=pipeclose", "./...")
	check(t, "--enable-only=pipeclose", got, stderr, []string{"proxy/proxy.go:18:21 pipeclose"})
	got, _, stderr, _ = lint(t, dir, cfg, "--disable=pipeclose", "./...")
	check(t, "--disable=pipeclose", got, stderr, slices.DeleteFunc(want, func(s string) bool { return strings.HasSuffix(s, " pipeclose") }))
}

// TestGolangciK8sExample: on testdata/k8sexample (the real client-go and
// controller-runtime), golangci-lint reports what ctrlvet standalone
// reports, the leadersend and earlyinformer findings among them.
func TestGolangciK8sExample(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata", "k8sexample")
	got, _, stderr, code := lint(t, dir, "--config="+filepath.Join(sampleDir(t), ".golangci.yml"), "./...")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	check(t, "testdata/k8sexample, as ctrlvet standalone", got, stderr, standalone(t, dir))
	has(t, "testdata/k8sexample", got, "cmd/poller/main.go:30:10 earlyinformer", "cmd/operator/main.go:41:64 leadersend", "cmd/elected/main.go:28:11 leadersend", "cmd/elected/main.go:21:14 earlyinformer")
}

// has checks that got includes every one of want.
func has(t *testing.T, what string, got []issue, want ...string) {
	t.Helper()
	g := strs(got)
	for _, w := range want {
		if !slices.Contains(g, w) {
			t.Errorf("%s: no finding %s among\n\t%s", what, w, strings.Join(g, "\n\t"))
		}
	}
}

var (
	ctrlvetOnce sync.Once
	ctrlvetBin  string
	ctrlvetErr  error
)

// textLine is a finding in ctrlvet's text output.
var textLine = regexp.MustCompile(`^(\S+\.go:\d+:\d+): .* \((\w+)\)$`)

// standalone returns ctrlvet's own findings on dir ("file:line:col
// analyzer"), from a ctrlvet built from this checkout.
func standalone(t *testing.T, dir string) []string {
	t.Helper()
	ctrlvetOnce.Do(func() {
		bin := filepath.Join(filepath.Dir(golangciLint(t)), "ctrlvet")
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/ctrlvet")
		cmd.Dir = repoRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			ctrlvetErr = fmt.Errorf("go build ./cmd/ctrlvet: %w\n%s", err, out)
			return
		}
		ctrlvetBin = bin
	})
	if ctrlvetErr != nil {
		t.Fatal(ctrlvetErr)
	}
	cmd := exec.Command(ctrlvetBin, "./...")
	cmd.Dir = dir
	out, err := cmd.Output()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Fatalf("ctrlvet ./... in %s: %v (want exit status 3)\n%s", dir, err, out)
	}
	var found []string
	for _, l := range strings.Split(string(out), "\n") {
		if m := textLine.FindStringSubmatch(l); m != nil {
			found = append(found, m[1]+" "+m[2])
		}
	}
	return found
}

// TestGolangciCustomFile builds golangci-lint the documented way for
// users who reach GitHub: `golangci-lint custom` with the repository's
// .custom-gcl.yml. GitHub is replaced by a local git repository made from
// golangci-lint's module source (in the module cache, tagged v2.15.0),
// through git's url.<base>.insteadOf, which `custom` lets through to its
// git clone. The binary it builds must find the same issues.
func TestGolangciCustomFile(t *testing.T) {
	bin := golangciLint(t)
	root := repoRoot(t)
	src := goModDir(t, root, "github.com/golangci/golangci-lint/v2@v2.15.0")
	mirror := filepath.Join(t.TempDir(), "golangci-lint")
	if err := os.CopyFS(mirror, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "-A"},
		{"-c", "user.name=ctrlvet test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "v2.15.0"},
		{"tag", "v2.15.0"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = mirror
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	dest := t.TempDir()
	cmd := exec.Command(bin, "custom", "-v", "--destination", dest)
	cmd.Dir = root // where .custom-gcl.yml is; its plugin path is "."
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url.file://"+filepath.ToSlash(mirror)+".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("golangci-lint custom: %v\n%s", err, out)
	}
	t.Logf("golangci-lint custom took %v", time.Since(start).Round(time.Second))
	for _, want := range []string{
		`_ \"github.com/ctrlvet/ctrlvet/plugin/golangci\"`,
		"go mod edit -replace github.com/ctrlvet/ctrlvet=" + root,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("golangci-lint custom output lacks %q:\n%s", want, out)
		}
	}
	custom := filepath.Join(dest, "golangci-lint-ctrlvet") // .custom-gcl.yml's name
	jsonFile := filepath.Join(t.TempDir(), "out.json")
	run := exec.Command(custom, "run", "--allow-parallel-runners", "--output.json.path="+jsonFile, "./...")
	run.Dir = sampleDir(t)
	run.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	if out, err := run.CombinedOutput(); err == nil {
		t.Errorf("custom binary found nothing:\n%s", out)
	}
	data, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	var res struct{ Issues []issue }
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	check(t, "binary built by golangci-lint custom", res.Issues, string(data), []string{
		"leak/leak.go:13:12 pipeclose",
		"leak/leak.go:27:12 pipeclose",
		"legacy/legacy.go:8:12 pipeclose",
	})
}

// goModDir returns the directory of module@version in the module cache
// (downloading it if needed).
func goModDir(t *testing.T, dir, modVersion string) string {
	t.Helper()
	cmd := exec.Command("go", "mod", "download", "-json", modVersion)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go mod download %s: %v", modVersion, err)
	}
	var m struct{ Dir string }
	if err := json.Unmarshal(out, &m); err != nil || m.Dir == "" {
		t.Fatalf("go mod download %s: %v\n%s", modVersion, err, out)
	}
	return m.Dir
}

// TestGolangciSettings: on testdata/settings, whose leaks go through the
// project's own APIs, golangci-lint with the settings of its .golangci.yml
// (one block shared by a YAML anchor) reports what ctrlvet standalone
// reports with the same settings in .ctrlvet.yaml; without them, nothing.
func TestGolangciSettings(t *testing.T) {
	dir := filepath.Join(repoRoot(t), "testdata", "settings")
	got, related, stderr, code := lint(t, dir, "./...")
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	want := []string{
		"cmd/agent/main.go:17:12 netlinkclose",
		"cmd/agent/main.go:28:15 pipeclose",
		"cmd/agent/main.go:44:12 leadersend",
	}
	check(t, "testdata/settings with its settings", got, stderr, want)
	check(t, "testdata/settings, as ctrlvet standalone with .ctrlvet.yaml", got, stderr, standalone(t, dir))
	has(t, "testdata/settings related information", related, "cmd/agent/main.go:46:18 leadersend")

	got, _, stderr, code = lint(t, dir, "--config="+filepath.Join(sampleDir(t), ".golangci.yml"), "./...")
	if code != 0 || len(got) != 0 {
		t.Errorf("testdata/settings without settings: exit %d, findings %v\n%s", code, strs(got), stderr)
	}

	// model settings that differ between two plugins stop the run
	data, err := os.ReadFile(filepath.Join(dir, ".golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), "      earlyinformer:\n        type: module\n        settings: *ctrlvet\n", "      earlyinformer:\n        type: module\n", 1)
	if bad == string(data) {
		t.Fatal("cannot find earlyinformer's entry in testdata/settings/.golangci.yml")
	}
	cfg := filepath.Join(t.TempDir(), "differ.yml")
	if err := os.WriteFile(cfg, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, stderr, code = lint(t, dir, "--config="+cfg, "./...")
	if code == 0 || code == 1 || !strings.Contains(stderr, "model settings differ") {
		t.Errorf("differing model settings: exit %d, output:\n%s", code, stderr)
	}
}

// TestGolangciWarmRun runs `./a` then `./b`, where a imports b, with one
// golangci-lint cache: b's findings must not depend on what ran before
// (go vet's cache loses them; cmd/ctrlvet/cache_test.go).
func TestGolangciWarmRun(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod": "module example.com/seq\n\ngo 1.26\n",
		"a/a.go": "package a\n\nimport \"example.com/seq/b\"\n\nfunc A() { b.Send(nil) }\n",
		"b/b.go": "package b\n\nimport \"io\"\n\n// Send never closes its pipe.\nfunc Send(b []byte) {\n\tpr, pw := io.Pipe()\n\tgo func() { _, _ = io.ReadAll(pr) }()\n\t_, _ = pw.Write(b)\n}\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cfg := "--config=" + filepath.Join(sampleDir(t), ".golangci.yml")
	got, _, stderr, _ := lint(t, dir, cfg, "./a")
	check(t, "./a", got, stderr, nil)
	for _, pattern := range []string{"./b", "./..."} {
		got, _, stderr, _ = lint(t, dir, cfg, pattern)
		check(t, "./a then "+pattern, got, stderr, []string{"b/b.go:7:12 pipeclose"})
	}
}
