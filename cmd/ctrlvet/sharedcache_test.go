package main_test

// End-to-end test of results shared between machines through the go
// command's cache protocol (GOCACHEPROG): a real implementation from the
// Go module proxy, github.com/bradfitz/go-tool-cache's go-cacher, each
// "machine" with its own GOCACHE, cacher directory, checkout path and copy
// of the ctrlvet binary, all talking to one go-cacher-server on the
// loopback address.

import (
	"bytes"
	"errors"
	"net"
	"net/http"
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

// goToolCache is the pinned version of github.com/bradfitz/go-tool-cache.
const goToolCache = "v0.0.0-20260722201841-0bb331e19f64"

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// buildCachers builds go-cacher and go-cacher-server at the pinned version,
// or skips the test when the module proxy cannot provide them.
func buildCachers(t *testing.T) (cacher, server string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/cachers\n\ngo 1.25\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pkgs := []string{"github.com/bradfitz/go-tool-cache/cmd/go-cacher", "github.com/bradfitz/go-tool-cache/cmd/go-cacher-server"}
	var get []string
	for _, p := range pkgs {
		get = append(get, p+"@"+goToolCache)
	}
	if _, stderr, code := goCmd(t, dir, nil, append([]string{"get"}, get...)...); code != 0 {
		t.Skipf("cannot fetch github.com/bradfitz/go-tool-cache@%s from the Go module proxy: %s", goToolCache, firstLineOf(stderr))
	}
	bin := filepath.Join(dir, "bin")
	if _, stderr, code := goCmd(t, dir, nil, append([]string{"build", "-o", bin + string(filepath.Separator)}, pkgs...)...); code != 0 {
		t.Fatalf("building the cachers: %s", stderr)
	}
	return filepath.Join(bin, "go-cacher"), filepath.Join(bin, "go-cacher-server")
}

// startServer starts go-cacher-server on a free loopback port and returns
// its URL and its log (one line per request: status, method, path).
func startServer(t *testing.T, server string) (string, *lockedBuffer) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skipf("no loopback network: %v", err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	log := new(lockedBuffer)
	cmd := exec.Command(server, "-listen="+addr, "-cache-dir="+t.TempDir(), "-verbose")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	url := "http://" + addr
	for deadline := time.Now().Add(20 * time.Second); ; {
		res, err := http.Get(url + "/")
		if err == nil {
			_ = res.Body.Close()
			return url, log
		}
		if time.Now().After(deadline) {
			t.Fatalf("go-cacher-server does not answer on %s: %v\n%s", addr, err, log.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// machine is one CI runner or laptop: its own checkout path, GOCACHE,
// cacher directory and copy of the ctrlvet binary.
type machine struct {
	name                 string
	src, gocache, vetlog string
	ctrlvet, gocacheprog string
	toolexec             string
	server               *lockedBuffer
}

// vetRun is what one ctrlvet run did.
type vetRun struct {
	stdout, stderr string
	code           int
	vetted         []string // packages the vet tool ran on: dirs relative to the checkout, "std" for the rest
	hits, misses   int      // the server's answers to GET /action/
}

var serverAction = regexp.MustCompile(`(\d{3}) GET /action/`)

func newMachine(t *testing.T, name, root, module, cacher, serverURL, toolexec string, server *lockedBuffer) *machine {
	t.Helper()
	dir := filepath.Join(root, name)
	m := &machine{
		name:     name,
		src:      filepath.Join(dir, "checkout", "repo"),
		gocache:  filepath.Join(dir, "gocache"),
		vetlog:   filepath.Join(dir, "vet.log"),
		ctrlvet:  filepath.Join(dir, "bin", "ctrlvet"),
		toolexec: toolexec,
		server:   server,
	}
	m.gocacheprog = cacher + " --cache-dir=" + filepath.Join(dir, "cacher") + " --cache-server=" + serverURL
	if err := os.CopyFS(m.src, os.DirFS(module)); err != nil {
		t.Fatal(err)
	}
	// the same build of ctrlvet, at another path
	data, err := os.ReadFile(ctrlvetBin)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(m.ctrlvet), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(m.ctrlvet, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return m
}

// run runs ctrlvet with args in the checkout's subdirectory sub.
func (m *machine) run(t *testing.T, sub string, args ...string) vetRun {
	t.Helper()
	_ = os.Remove(m.vetlog)
	before := len(m.server.String())
	cmd := exec.Command(m.ctrlvet, args...)
	cmd.Dir = filepath.Join(m.src, sub)
	cmd.Env = append(os.Environ(),
		"GOCACHE="+m.gocache,
		"GOCACHEPROG="+m.gocacheprog,
		// -trimpath: compile and vet keys leave out the checkout's path.
		// -toolexec only counts the vet tool's runs (it is not part of
		// any cache key).
		"GOFLAGS=-trimpath -buildvcs=false -toolexec="+m.toolexec,
		"CTRLVET_TEST_VETLOG="+m.vetlog,
	)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := vetRun{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	log, _ := os.ReadFile(m.vetlog)
	src, _ := filepath.EvalSymlinks(m.src)
	for l := range strings.SplitSeq(strings.TrimSpace(string(log)), "\n") {
		if l == "" {
			continue
		}
		if rel, ok := strings.CutPrefix(l, src+string(filepath.Separator)); ok {
			r.vetted = append(r.vetted, filepath.ToSlash(rel))
		} else {
			r.vetted = append(r.vetted, "std")
		}
	}
	slices.Sort(r.vetted)
	r.vetted = slices.Compact(r.vetted)
	for _, mm := range serverAction.FindAllStringSubmatch(m.server.String()[before:], -1) {
		switch mm[1] {
		case "200":
			r.hits++
		case "404":
			r.misses++
		}
	}
	return r
}

// The module each machine checks out: leaf <- mid <- top, and other; a
// nested module deps (not part of ./...) with dep <- user.
var sharedModule = map[string]string{
	"go.mod":            "module example.com/fleet\n\ngo 1.24\n",
	"leaf/leaf.go":      "package leaf\n\nimport \"io\"\n\n// Leaf leaks a pipe.\nfunc Leaf() {\n\tpr, pw := io.Pipe()\n\tgo func() { _, _ = io.ReadAll(pr) }()\n\t_, _ = pw.Write(nil)\n}\n",
	"mid/mid.go":        "package mid\n\nimport (\n\t\"io\"\n\n\t\"example.com/fleet/leaf\"\n)\n\n// Mid leaks a pipe.\nfunc Mid() {\n\tleaf.Leaf()\n\tpr, pw := io.Pipe()\n\tgo func() { _, _ = io.ReadAll(pr) }()\n\t_, _ = pw.Write(nil)\n}\n",
	"top/top.go":        "package top\n\nimport (\n\t\"io\"\n\n\t\"example.com/fleet/mid\"\n)\n\n// Top leaks a pipe.\nfunc Top() {\n\tmid.Mid()\n\tpr, pw := io.Pipe()\n\tgo func() { _, _ = io.ReadAll(pr) }()\n\t_, _ = pw.Write(nil)\n}\n",
	"other/other.go":    "package other\n\nimport \"io\"\n\n// Other leaks a pipe.\nfunc Other() {\n\tpr, pw := io.Pipe()\n\tgo func() { _, _ = io.ReadAll(pr) }()\n\t_, _ = pw.Write(nil)\n}\n",
	"deps/go.mod":       "module example.com/deps\n\ngo 1.24\n",
	"deps/dep/dep.go":   "package dep\n\nimport \"io\"\n\n// Dep leaks a pipe.\nfunc Dep() {\n\tpr, pw := io.Pipe()\n\tgo func() { _, _ = io.ReadAll(pr) }()\n\t_, _ = pw.Write(nil)\n}\n",
	"deps/user/user.go": "package user\n\nimport \"example.com/deps/dep\"\n\n// User calls Dep.\nfunc User() { dep.Dep() }\n",
}

// TestSharedCache: machine A analyses a module; machine B, with the same
// ctrlvet build but its own checkout path, GOCACHE and cacher directory,
// replays A's results from the shared server without running the vet tool,
// with identical output; after a change to one package, B analyses only
// that package and its importers again; another ctrlvet build, or other
// settings, analyse everything again. And B, vetting a package that A
// vetted only as a dependency, gets its findings.
func TestSharedCache(t *testing.T) {
	if testing.Short() {
		t.Skip("vets a module twice through a cache server: slow")
	}
	cacher, server := buildCachers(t)
	url, serverLog := startServer(t, server)
	root := t.TempDir()
	module := filepath.Join(root, "module")
	for name, text := range sharedModule {
		f := filepath.Join(module, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Counts the vet tool's runs: go vet runs it through -toolexec with
	// the unit's vet.cfg last, in the package's directory.
	toolexec := filepath.Join(root, "count-vet")
	script := "#!/bin/sh\nfor a in \"$@\"; do last=$a; done\ncase \"$last\" in *vet.cfg) pwd -P >> \"$CTRLVET_TEST_VETLOG\" ;; esac\nexec \"$@\"\n"
	if err := os.WriteFile(toolexec, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	a := newMachine(t, "a", root, module, cacher, url, toolexec, serverLog)
	b := newMachine(t, "b", root, module, cacher, url, toolexec, serverLog)

	want := []string{
		"leaf/leaf.go:7:12 pipeclose",
		"mid/mid.go:12:12 pipeclose",
		"other/other.go:7:12 pipeclose",
		"top/top.go:12:12 pipeclose",
	}
	ra := a.run(t, ".", "./...")
	if ra.code != 3 || !slices.Equal(findings(ra.stdout), want) {
		t.Fatalf("machine A: exit %d, findings %q, want 3 and %q\n%s%s", ra.code, findings(ra.stdout), want, ra.stdout, ra.stderr)
	}
	for _, p := range []string{"leaf", "mid", "other", "std", "top"} {
		if !slices.Contains(ra.vetted, p) {
			t.Errorf("machine A did not run the vet tool on %s: %q", p, ra.vetted)
		}
	}
	t.Logf("machine A: vet tool on %d dirs; server: %d hits, %d misses", len(ra.vetted), ra.hits, ra.misses)
	// A vets dep only as a dependency of user (facts only).
	if r := a.run(t, "deps", "./user"); r.code != 0 || r.stdout != "" {
		t.Errorf("machine A, deps ./user: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Machine A is gone: its checkout's files no longer exist.
	if err := os.Rename(filepath.Dir(a.src), filepath.Dir(a.src)+".gone"); err != nil {
		t.Fatal(err)
	}

	rb := b.run(t, ".", "./...")
	if rb.stdout != ra.stdout || rb.code != ra.code {
		t.Errorf("machine B's output differs from A's: exit %d\n%s\nA's:\n%s\nB's stderr:\n%s", rb.code, rb.stdout, ra.stdout, rb.stderr)
	}
	if len(rb.vetted) != 0 || rb.hits == 0 {
		t.Errorf("machine B did not replay A's results: vet tool ran on %q; server: %d hits, %d misses", rb.vetted, rb.hits, rb.misses)
	}
	t.Logf("machine B: vet tool on %d dirs; server: %d hits, %d misses", len(rb.vetted), rb.hits, rb.misses)
	// Positions name B's files, not A's.
	if r := b.run(t, ".", "-json", "./leaf"); !strings.Contains(r.stdout, `"posn": "`+b.src+string(filepath.Separator)+filepath.Join("leaf", "leaf.go")+`:7:12"`) ||
		strings.Contains(r.stdout, a.src) {
		t.Errorf("machine B, -json: positions do not name B's checkout %s:\n%s", b.src, r.stdout)
	}

	// Change one package: only it and its importers are analysed again.
	f := filepath.Join(b.src, "leaf", "leaf.go")
	if err := os.WriteFile(f, []byte(sharedModule["leaf/leaf.go"]+"\n// Clean is new.\nfunc Clean() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rc := b.run(t, ".", "./...")
	if rc.stdout != ra.stdout {
		t.Errorf("machine B after the change: output\n%s\nwant:\n%s%s", rc.stdout, ra.stdout, rc.stderr)
	}
	if wantVetted := []string{"leaf", "mid", "top"}; !slices.Equal(rc.vetted, wantVetted) {
		t.Errorf("machine B after changing leaf: vet tool ran on %q, want %q", rc.vetted, wantVetted)
	}

	// Another build of ctrlvet (an upgrade; here the same binary with
	// bytes appended) has another tool ID: nothing is replayed.
	data, err := os.ReadFile(b.ctrlvet)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b.ctrlvet, append(data, "another build"...), 0o755); err != nil {
		t.Fatal(err)
	}
	ru := b.run(t, ".", "./...")
	if ru.stdout != ra.stdout {
		t.Errorf("machine B with another ctrlvet build: output\n%s\nwant:\n%s%s", ru.stdout, ra.stdout, ru.stderr)
	}
	if wantVetted := []string{"leaf", "mid", "other", "std", "top"}; !slices.Equal(ru.vetted, wantVetted) {
		t.Errorf("machine B with another ctrlvet build: vet tool ran on %q, want %q (every package again)", ru.vetted, wantVetted)
	}
	if err := os.WriteFile(b.ctrlvet, data, 0o755); err != nil {
		t.Fatal(err)
	}
	// Other settings are other vet flags, in the key: nothing stale is
	// replayed (here no pipeclose finding).
	if rs := b.run(t, ".", "-pipeclose=false", "./..."); rs.code != 0 || rs.stdout != "" || len(rs.vetted) < 5 {
		t.Errorf("machine B with -pipeclose=false: exit %d, vet tool ran on %q; want 0, no output and every package analysed again\n%s%s",
			rs.code, rs.vetted, rs.stdout, rs.stderr)
	}

	t.Run("dependency only", func(t *testing.T) {
		// B vets a package that A vetted only as a dependency.
		rd := b.run(t, "deps", "./dep")
		if rd.code != 3 || !slices.Equal(findings(rd.stdout), []string{"dep/dep.go:7:12 pipeclose"}) {
			t.Errorf("machine B, deps ./dep (vetted on A only as a dependency of ./user): exit %d, findings %q (vet tool ran on %q); want 3 and dep/dep.go:7:12\n%s%s",
				rd.code, findings(rd.stdout), rd.vetted, rd.stdout, rd.stderr)
		}
	})
}
