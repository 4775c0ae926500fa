package driver

// The vet subcommand: `ctrlvet vet [go vet flags] [packages]` runs
//
//	go vet -vettool=<this binary> [go vet flags] [packages]
//
// with go vet's own output and exit status, for tools that want exactly
// go vet's behaviour without knowing where ctrlvet is installed (the
// ctrlvet-vet pre-commit hook).

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/ctrlvet/ctrlvet/config"
)

// vet runs go vet with this binary as its vet tool. Only -C, -config and
// the settings' flags may come before "vet" (args begins with the
// settings, as flags for the tool); go vet's flags (-tags=..., -json, -<analyzer>=false, ...)
// come after it. Without package arguments it vets ./... . The exit status
// is go vet's (0 clean, 1 findings or error), or 1 when go vet cannot run.
func vet(prog string, fs *flag.FlagSet, chdir string, args []string, stdout, stderr io.Writer) int {
	var misplaced []string
	settingsFlags := config.FlagNames()
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "C" && f.Name != "config" && !slices.Contains(settingsFlags, f.Name) {
			misplaced = append(misplaced, "-"+f.Name)
		}
	})
	if len(misplaced) > 0 {
		fmt.Fprintf(stderr, "%s: flags for vet go after it: %s vet %s ... (only -C, -config and settings may come before vet)\n", prog, prog, strings.Join(misplaced, " "))
		return ExitError
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "%s: cannot locate its own binary: %v\n", prog, err)
		return ExitError
	}
	line := vetCommandLine(exe, args)
	var patterns []string
	tags := ""
	for _, a := range line[2:] {
		if t, ok := strings.CutPrefix(a, "-tags="); ok {
			tags = t
		} else if !strings.HasPrefix(a, "-") {
			patterns = append(patterns, a)
		}
	}
	if chdir != "" {
		// Targets runs go list in the current directory
		if err := os.Chdir(chdir); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", prog, err)
			return ExitError
		}
	}
	if _, outside := Targets(tags, patterns); outside {
		line = slices.Insert(line, 2, saltArgs(true)...)
	}
	cmd := exec.Command("go", line...)
	cmd.Stdin = os.Stdin
	cmd.Stdout, cmd.Stderr = stdout, stderr
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return ExitClean
	case errors.As(err, &ee) && ee.ExitCode() > 0:
		return ee.ExitCode()
	case errors.As(err, &ee):
		// killed by a signal
		fmt.Fprintf(stderr, "%s: go vet: %v\n", prog, err)
		return ExitError
	}
	fmt.Fprintf(stderr, "%s: cannot run go vet: %v\n", prog, err)
	return ExitError
}

// vetCommandLine returns go's arguments for `vet args`: the vet tool, the
// arguments, and ./... when no argument names a package (that is, when
// every argument is a flag; write flags as -flag=value).
func vetCommandLine(exe string, args []string) []string {
	out := append([]string{"vet", "-vettool=" + exe}, args...)
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return out
		}
	}
	return append(out, "./...")
}
