package main_test

// End-to-end tests of ctrlvet as a Go tool dependency (Go 1.24+): a user
// module declares it with a tool directive (`go get -tool`) and runs
// `go tool ctrlvet ./...` or `go vet -vettool=$(go tool -n ctrlvet) ./...`;
// or keeps it in a separate tools module (`-modfile=tools.mod`) so that its
// own requirements do not move. ctrlvet comes from this checkout (a replace
// directive); everything else from the Go module proxy.

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// oldTools is the golang.org/x/tools version the user module pins, older
// than ctrlvet's.
const oldTools = "v0.47.0"

const userLeak = `package leak

import (
	"go/ast"
	"io"

	"golang.org/x/tools/go/ast/astutil"
)

// Send leaks a pipe.
func Send(b []byte) {
	pr, pw := io.Pipe()
	go func() { _, _ = io.ReadAll(pr) }()
	_, _ = pw.Write(b)
}

// Unparen uses the user's own golang.org/x/tools.
func Unparen(e ast.Expr) ast.Expr { return astutil.Unparen(e) }
`

const userFinding = "leak/leak.go:12:12: *io.PipeWriter from io.Pipe is never closed"

// checkoutRoot returns this checkout's root directory.
func checkoutRoot(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// ctrlvetRequirement returns the version of a module that this checkout's
// go.mod requires.
func ctrlvetRequirement(t *testing.T, path string) string {
	t.Helper()
	v := readMod(t, checkoutRoot(t), "go.mod").required(path)
	if v == "" {
		t.Fatalf("this checkout does not require %s", path)
	}
	return v
}

// goCmd runs the go command in dir with extra environment and returns
// stdout, stderr and the exit status.
func goCmd(t *testing.T, dir string, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return out.String(), errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatalf("go %v: %v", args, err)
	}
	return out.String(), errb.String(), 0
}

// userModule writes a module that pins golang.org/x/tools at oldTools and
// has a pipe leak, completes its go.sum through the module proxy (or
// skips when the proxy cannot be reached), and returns its directory and
// the environment for `go get -tool` of this checkout.
func userModule(t *testing.T) (string, []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds ctrlvet as a tool dependency: slow")
	}
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":       "module example.com/user\n\ngo 1.24\n\nrequire golang.org/x/tools " + oldTools + "\n",
		"leak/leak.go": userLeak,
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, stderr, code := goCmd(t, dir, nil, "mod", "tidy"); code != 0 {
		t.Skipf("go mod tidy cannot fetch golang.org/x/tools@%s from the module proxy: %s", oldTools, firstLineOf(stderr))
	}
	// ctrlvet is not on the module proxy under this path: the replace
	// directive maps every version of it to the checkout. A proxy that
	// answers 403 rather than 404 for a module it does not hold stops
	// `go get` from looking further; "|off" makes any proxy error mean
	// "not found here", so that the replacement is used.
	proxy, _, _ := goCmd(t, dir, nil, "env", "GOPROXY")
	proxy = strings.TrimSpace(proxy)
	if i := strings.IndexAny(proxy, ",|"); i >= 0 {
		proxy = proxy[:i]
	}
	env := []string{"GOPROXY=" + proxy + "|off"}
	return dir, env
}

func firstLineOf(s string) string {
	l, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return l
}

// goMod is what `go mod edit -json` prints of a go.mod file.
type goMod struct {
	Go      string
	Require []struct{ Path, Version string }
	Tool    []struct{ Path string }
}

// readMod reads dir's go.mod file, or another file of dir in its form.
func readMod(t *testing.T, dir, name string) goMod {
	t.Helper()
	stdout, stderr, code := goCmd(t, dir, nil, "mod", "edit", "-json", name)
	var m goMod
	if code != 0 {
		t.Fatalf("go mod edit -json %s: %s", name, stderr)
	}
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// required returns the version of path that m requires, or "".
func (m goMod) required(path string) string {
	for _, r := range m.Require {
		if r.Path == path {
			return r.Version
		}
	}
	return ""
}

// TestGoTool: `go get -tool` adds ctrlvet to a user module that pins an
// older golang.org/x/tools; the tool directive merges ctrlvet's
// requirements into the module's, so x/tools moves up to ctrlvet's version
// (and the go line to ctrlvet's), and the user's code still builds. Then
// `go tool ctrlvet ./...` and `go vet -vettool=$(go tool -n ctrlvet) ./...`
// both find the leak.
func TestGoTool(t *testing.T) {
	dir, env := userModule(t)
	root := checkoutRoot(t)
	newTools := ctrlvetRequirement(t, "golang.org/x/tools")
	if _, stderr, code := goCmd(t, dir, nil, "mod", "edit", "-replace=github.com/ctrlvet/ctrlvet="+root); code != 0 {
		t.Fatal(stderr)
	}
	_, stderr, code := goCmd(t, dir, env, "get", "-tool", "github.com/ctrlvet/ctrlvet/cmd/ctrlvet@v0.0.0")
	if code != 0 {
		t.Fatalf("go get -tool: exit %d\n%s", code, stderr)
	}
	// What a user sees: the tool directive upgrades their x/tools.
	if want := "go: upgraded golang.org/x/tools " + oldTools + " => " + newTools; !strings.Contains(stderr, want) {
		t.Errorf("go get -tool output lacks %q:\n%s", want, stderr)
	}
	mod := readMod(t, dir, "go.mod")
	if len(mod.Tool) != 1 || mod.Tool[0].Path != "github.com/ctrlvet/ctrlvet/cmd/ctrlvet" {
		t.Errorf("tool directives %+v", mod.Tool)
	}
	if v := mod.required("golang.org/x/tools"); v != newTools {
		t.Errorf("go.mod requires golang.org/x/tools %s after go get -tool, want ctrlvet's %s", v, newTools)
	}
	if goLine := readMod(t, root, "go.mod").Go; mod.Go != goLine {
		t.Errorf("go line %s: want it raised to ctrlvet's %s", mod.Go, goLine)
	}
	if _, stderr, code := goCmd(t, dir, nil, "build", "./..."); code != 0 {
		t.Errorf("the user's code does not build with golang.org/x/tools %s: %s", newTools, stderr)
	}

	stdout, stderr, code := goCmd(t, dir, nil, "tool", "ctrlvet", "./...")
	if code != 3 || !strings.Contains(stdout, userFinding) || !strings.HasSuffix(strings.TrimSpace(stdout), "(pipeclose)") {
		t.Errorf("go tool ctrlvet ./...: exit %d, want 3 and the pipe leak\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	exe, stderr, code := goCmd(t, dir, nil, "tool", "-n", "ctrlvet")
	exe = strings.TrimSpace(exe)
	if code != 0 || !filepath.IsAbs(exe) {
		t.Fatalf("go tool -n ctrlvet: exit %d, %q\n%s", code, exe, stderr)
	}
	_, stderr, code = goCmd(t, dir, nil, "vet", "-vettool="+exe, "./...")
	if code == 0 || !strings.Contains(stderr, userFinding) {
		t.Errorf("go vet -vettool=$(go tool -n ctrlvet) ./...: exit %d, want non-zero and the pipe leak\n%s", code, stderr)
	}
}

// TestGoToolModfile: the separate tools module. `go get -tool
// -modfile=tools.mod` records ctrlvet and its requirements in tools.mod;
// the user's go.mod, go.sum and x/tools stay as they were, and
// `go tool -modfile=tools.mod ctrlvet ./...` vets the user's packages
// with the user's own requirements.
func TestGoToolModfile(t *testing.T) {
	dir, env := userModule(t)
	root := checkoutRoot(t)
	before := map[string][]byte{}
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		before[name] = data
	}
	for _, args := range [][]string{
		{"mod", "init", "-modfile=tools.mod", "example.com/user/tools"},
		{"mod", "edit", "-modfile=tools.mod", "-replace=github.com/ctrlvet/ctrlvet=" + root},
	} {
		if _, stderr, code := goCmd(t, dir, nil, args...); code != 0 {
			t.Fatalf("go %v: %s", args, stderr)
		}
	}
	if _, stderr, code := goCmd(t, dir, env, "get", "-modfile=tools.mod", "-tool", "github.com/ctrlvet/ctrlvet/cmd/ctrlvet@v0.0.0"); code != 0 {
		t.Fatalf("go get -modfile=tools.mod -tool: exit %d\n%s", code, stderr)
	}
	for name, data := range before {
		if now, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(now) != string(data) {
			t.Errorf("%s changed:\n%s\nwas:\n%s", name, now, data)
		}
	}
	tools := readMod(t, dir, "tools.mod")
	if len(tools.Tool) != 1 || tools.required("golang.org/x/tools") != ctrlvetRequirement(t, "golang.org/x/tools") {
		t.Errorf("tools.mod: tools %+v, x/tools %s", tools.Tool, tools.required("golang.org/x/tools"))
	}
	if stdout, stderr, code := goCmd(t, dir, nil, "list", "-m", "golang.org/x/tools"); code != 0 || strings.TrimSpace(stdout) != "golang.org/x/tools "+oldTools {
		t.Errorf("go list -m golang.org/x/tools: %q %s; want the user's %s", stdout, stderr, oldTools)
	}

	stdout, stderr, code := goCmd(t, dir, nil, "tool", "-modfile=tools.mod", "ctrlvet", "./...")
	if code != 3 || !strings.Contains(stdout, userFinding) {
		t.Errorf("go tool -modfile=tools.mod ctrlvet ./...: exit %d, want 3 and the pipe leak\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	exe, stderr, code := goCmd(t, dir, nil, "tool", "-modfile=tools.mod", "-n", "ctrlvet")
	if code != 0 {
		t.Fatalf("go tool -modfile=tools.mod -n ctrlvet: exit %d\n%s", code, stderr)
	}
	_, stderr, code = goCmd(t, dir, nil, "vet", "-vettool="+strings.TrimSpace(exe), "./...")
	if code == 0 || !strings.Contains(stderr, userFinding) {
		t.Errorf("go vet -vettool=$(go tool -modfile=tools.mod -n ctrlvet): exit %d\n%s", code, stderr)
	}
	// Without -modfile the module knows no ctrlvet tool.
	if _, _, code := goCmd(t, dir, nil, "tool", "-n", "ctrlvet"); code == 0 {
		t.Errorf("go tool -n ctrlvet without -modfile succeeded: the tool leaked into go.mod")
	}
}
