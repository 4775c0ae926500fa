package main_test

// The slice of scripts/sweep.sh that CI runs: every analyzer over real
// packages at pinned versions (apimachinery's util packages, client-go's
// workqueue and flowcontrol: the versions testdata/k8sexample pins, so
// that CI's module and build caches already hold them), twice, with -p=2
// and -p=1 and a freshly salted binary each time. The 39 packages and
// their tests import about 500 packages (most of them the standard
// library's), each analysed for its facts; wider slices of controller-
// runtime and client-go import a thousand and take many minutes.

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sweepSlice are the patterns of the slice.
var sweepSlice = []string{
	"k8s.io/apimachinery/pkg/util/...",
	"k8s.io/client-go/util/workqueue/...",
	"k8s.io/client-go/util/flowcontrol/...",
}

func TestSweepSlice(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses about 500 real packages twice: slow")
	}
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "k8sexample", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// go vet vets the packages' tests too: fetch their imports
	args := append([]string{"get", "-t"}, sweepSlice...)
	get := exec.Command("go", args...)
	get.Dir = dir
	if out, err := get.CombinedOutput(); err != nil {
		if strings.Contains(string(out), "proxy") || strings.Contains(string(out), "dial") || strings.Contains(string(out), "lookup") {
			t.Skipf("the Go module proxy is unreachable: %s", firstLineOf(string(out)))
		}
		t.Fatalf("go get -t: %v\n%s", err, out)
	}
	list := exec.Command("go", append([]string{"list"}, sweepSlice...)...)
	list.Dir = dir
	pkgs, err := list.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	n := strings.Count(string(pkgs), "\n")
	if n < 30 {
		t.Fatalf("the slice has %d packages, want at least 30", n)
	}

	type result struct {
		stdout, stderr string
		code           int
	}
	var results []result
	for _, p := range []string{"2", "1"} {
		bin := oddBin(t)
		cmd := exec.Command(bin, sweepSlice...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-p="+p)
		var r result
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		r.stdout, r.stderr, r.code = out.String(), strings.ReplaceAll(errb.String(), bin, "ctrlvet"), cmd.ProcessState.ExitCode()
		if err != nil && r.code < 0 {
			t.Fatalf("-p=%s: %v", p, err)
		}
		noCrash(t, r.stdout, r.stderr)
		if r.code != 0 || r.stderr != "" {
			t.Errorf("-p=%s over %d packages: exit %d, want 0 with nothing on stderr (no finding on this slice is known to be real):\n%s%s", p, n, r.code, r.stdout, r.stderr)
		}
		results = append(results, r)
	}
	if results[0] != results[1] {
		t.Errorf("-p=2 and -p=1 differ:\n%+v\n----\n%+v", results[0], results[1])
	}
	t.Logf("%d packages, twice: %d findings", n, len(findings(results[0].stdout)))
}
