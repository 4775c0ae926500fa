package main_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestPreCommitHooks runs scripts/test-precommit.sh: the real pre-commit
// framework installs the hooks of .pre-commit-hooks.yaml from a commit of
// this working tree into a throwaway repository, refuses a commit with a
// pipe leak and lets the fixed one through. Skipped when pre-commit is not
// installed, unless CI is set (the script then installs Debian's
// pre-commit with apt-get).
func TestPreCommitHooks(t *testing.T) {
	if testing.Short() {
		t.Skip("builds ctrlvet inside pre-commit's environment: slow")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil && os.Getenv("CI") == "" {
		t.Skip("pre-commit is not installed (CI unset)")
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "test-precommit.sh"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(script)
	if os.Getenv("CI") != "" {
		cmd.Env = append(os.Environ(), "CI=true")
	}
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 77 {
		t.Skipf("skipped by the script:\n%s", out)
	}
	if err != nil {
		t.Fatalf("scripts/test-precommit.sh: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
