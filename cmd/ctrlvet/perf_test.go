//go:build unix

package main_test

// Performance checks of the standalone binary on testdata/example:
// a benchmark, and a bound on peak memory that fails if the design
// regresses from one small go vet process per package to one process
// holding every package (and SSA for all of them).
//
// Since Go 1.26 the go command caches vet results of every package, the
// ones named on the command line included, keyed by the vet tool's build
// ID. A second run of the same binary on an unchanged tree replays stored
// output and runs no analysis at all. So the "cold" measurements use a
// copy of the binary with a few bytes appended (salted): a new build ID,
// hence cache misses, hence the analyzers really run on the example's
// packages and on all their dependencies (standard library included) to
// compute facts. Compiled export data stays in the build cache.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// peakMemoryLimit bounds the peak resident set size of the standalone run
// on testdata/example with a cold vet cache. Measured (Go 1.26,
// linux/amd64): about 87 MiB, the largest process being one vet tool
// process on a big standard-library package. Loading the example and its
// dependencies (198 packages with tests) into one process with
// go/packages and building SSA for all of them peaks at about 700 MiB. The
// bound leaves four times the measured figure for growth of the analyzers
// and for other platforms, and still fails for that design. (A bound of
// 1 GiB would not.) The figure does not grow with the number of CPUs: it
// is the largest single process, however many go vet runs at once.
const peakMemoryLimit = 384 << 20

// salted copies ctrlvetBin into a new directory, appending bytes so that
// its build ID (go vet's cache key for the tool) is new.
func salted(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile(ctrlvetBin)
	if err != nil {
		tb.Fatal(err)
	}
	data = fmt.Appendf(data, "\nctrlvet-perf-salt %s %d\n", tb.Name(), time.Now().UnixNano())
	bin := filepath.Join(tb.TempDir(), "ctrlvet")
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		tb.Fatal(err)
	}
	return bin
}

// runMeasured runs bin with args in dir and returns the exit status and
// the peak resident set size in bytes. The kernel's rusage of a waited-for
// child reports the largest peak RSS of the child and of every descendant
// it waited for (the go command and each vet tool process go vet runs),
// which is what /usr/bin/time -v reports as "Maximum resident set size".
// It is the largest single process, not a sum of processes that ran at
// the same time.
func runMeasured(tb testing.TB, dir, bin string, args ...string) (code int, peak int64, output string) {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		tb.Fatalf("%s %v: %v", bin, args, err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		tb.Skip("no rusage on this platform")
	}
	return code, maxrssBytes(ru), out.String()
}

// maxrssBytes is ru_maxrss in bytes: the kernel reports KiB, except on
// Darwin, which reports bytes.
func maxrssBytes(ru *syscall.Rusage) int64 {
	kib := int64(ru.Maxrss) //nolint:unconvert // Maxrss is int32 on some platforms
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return kib
	}
	return kib << 10
}

func exampleDirTB(tb testing.TB) string {
	tb.Helper()
	if t, ok := tb.(*testing.T); ok {
		return exampleDir(t)
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "example"))
	if err != nil {
		tb.Fatal(err)
	}
	return dir
}

// TestPeakMemory runs the standalone binary on the example module with a
// cold vet cache and checks the peak RSS of the process tree.
func TestPeakMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the analyzers on the example and all its dependencies")
	}
	dir := exampleDir(t)
	// Warm the build cache (export data, module downloads) with the real
	// binary, so the measured run does analysis, not compilation.
	if _, _, code := run(t, dir, ctrlvetBin, "./..."); code != 3 {
		t.Fatalf("warm-up: exit status %d, want 3 (findings)", code)
	}
	bin := salted(t)
	code, peak, out := runMeasured(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("exit status %d, want 3 (findings); output:\n%s", code, out)
	}
	t.Logf("peak RSS of the largest process: %.1f MiB (limit %d MiB)", float64(peak)/(1<<20), peakMemoryLimit>>20)
	if peak > peakMemoryLimit {
		t.Errorf("peak RSS %.1f MiB exceeds %d MiB: does the standalone mode still run one go vet process per package?", float64(peak)/(1<<20), peakMemoryLimit>>20)
	}
	// The output is the same as with a warm cache.
	for _, want := range wantExample {
		file := strings.Fields(want)[0]
		if !strings.Contains(out, file) {
			t.Errorf("cold run lacks the finding at %s:\n%s", file, out)
		}
	}
}

// BenchmarkStandaloneExample times the standalone binary on the example
// module. "cold": each iteration uses a new salted copy, so every vet
// action misses the cache and the analyzers run on the example and all its
// dependencies. "warm": the same binary every time, so the go command
// replays cached results (the cost of the driver and the go command).
// Both report the peak RSS of the largest process as peak-MiB.
func BenchmarkStandaloneExample(b *testing.B) {
	if testing.Short() {
		b.Skip("runs the analyzers on the example and all its dependencies")
	}
	dir := exampleDirTB(b)
	check := func(b *testing.B, code int, out string) {
		if code != 3 {
			b.Fatalf("exit status %d, want 3 (findings); output:\n%s", code, out)
		}
	}
	b.Run("cold", func(b *testing.B) {
		bins := make([]string, b.N)
		for i := range bins {
			bins[i] = salted(b)
		}
		var peak int64
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			code, p, out := runMeasured(b, dir, bins[i], "./...")
			check(b, code, out)
			peak = max(peak, p)
		}
		b.StopTimer()
		b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	})
	b.Run("warm", func(b *testing.B) {
		code, _, out := runMeasured(b, dir, ctrlvetBin, "./...")
		check(b, code, out)
		var peak int64
		for b.Loop() {
			code, p, out := runMeasured(b, dir, ctrlvetBin, "./...")
			check(b, code, out)
			peak = max(peak, p)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
	})
}
