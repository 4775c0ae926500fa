package main_test

// Skipping dependencies that cannot hold a fact (internal/driver/skip.go)
// must not change a finding: the findings, with their related
// information, are the same with and without it, on the modules of
// testdata (the real netlink, logrus, client-go and controller-runtime)
// and on the trees named by CTRLVET_SKIP_TREES (space-separated
// directories, each run with ./...; scripts/measure.sh's seed trees).

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSkipIsExact(t *testing.T) {
	dirs := []string{exampleDir(t)}
	if !testing.Short() {
		k8s, err := filepath.Abs(filepath.Join("..", "..", "testdata", "k8sexample"))
		if err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, k8s)
	}
	dirs = append(dirs, strings.Fields(os.Getenv("CTRLVET_SKIP_TREES"))...)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			with, stderrWith, codeWith := run(t, dir, ctrlvetBin, "./...")
			without, stderrWithout, codeWithout := run(t, dir, ctrlvetBin, "-skip-dependencies=false", "./...")
			if with != without || codeWith != codeWithout || stderrWith != stderrWithout {
				t.Errorf("with skipping: exit %d\n%s%s\nwithout: exit %d\n%s%s", codeWith, with, stderrWith, codeWithout, without, stderrWithout)
			}
			if dir == exampleDir(t) && len(findings(with)) != len(wantExample) {
				t.Errorf("findings with skipping:\n%s", with)
			}
			t.Logf("%s: %d findings, the same with and without skipping", dir, len(findings(with)))
		})
	}
}
