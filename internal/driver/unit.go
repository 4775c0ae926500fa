package driver

// The vet tool's side of go vet's protocol: what ctrlvet does to one
// unit (one vet.cfg) before x/tools' unitchecker analyses it.
//
// The go command (go1.26) caches a vet run under a key made of the vet
// tool's ID, the vet flags, the package's compile action and its
// dependencies' facts files. Whether the run was a facts-only run (the
// package vetted as a dependency, VetxOnly) or a target run is not part of
// the key, so a facts-only run, which reports nothing, is later replayed
// as the package's result: `go vet ./a` then `go vet ./b`, where a imports
// b, prints nothing for b (docs/integrations.md has the reproduction with
// plain go vet). A package whose target run is a separate action (one with
// in-package test files, vetted as "b [b.test]") is not affected.
//
// ctrlvet therefore makes the output of a facts-only run of a package of
// the main module complete: it runs every analyzer and emits the findings,
// as a target run would, so that whichever run fills the cache, replaying
// it is right. It does so when either
//   - the unit's package has no in-package test files (so the facts-only
//     run and the target run are the same cache entry), or
//   - the -dependency-findings flag is set: ctrlvet's standalone driver
//     sets it, and keeps only the findings of the packages it was asked
//     for (Filter), so it never prints a dependency's findings nor the
//     same finding twice.
//
// Only with -json (what go vet passes to its tool unless -fix) and never
// for dependencies outside the main module or test variants ("b [a.test]",
// which are never targets).

import (
	"flag"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// DependencyFindingsFlag is the vet tool flag with which facts-only runs
// of main-module packages always report their findings.
const DependencyFindingsFlag = "dependency-findings"

// CacheSaltFlag is the vet tool flag that does nothing but give a run
// cache keys of its own (driver.go, saltArgs).
const CacheSaltFlag = "cache-salt"

// RegisterUnitFlags registers the vet tool's own flags in fs (which go vet
// learns through -flags).
func RegisterUnitFlags(fs *flag.FlagSet) {
	fs.Bool(DependencyFindingsFlag, false, "also report findings in facts-only runs of main-module packages (set by ctrlvet's standalone driver, which filters them)")
	registerSkipFlag(fs)
	fs.String(CacheSaltFlag, "", "ignored: gives a run go vet cache keys of its own (set by ctrlvet's drivers when a package outside the main modules is a target)")
}

// unitConfig is the part of go vet's vet.cfg that ctrlvet reads; the file
// is otherwise passed on unchanged.
type unitConfig struct {
	ID            string
	Dir           string
	ImportPath    string
	GoFiles       []string
	IgnoredFiles  []string
	ModulePath    string
	ModuleVersion string
	VetxOnly      bool
}

// UnitArgs returns the vet tool's arguments (os.Args[1:]) to pass on to
// the unitchecker: unchanged, or with the vet.cfg replaced by a copy that
// asks for a full run when a facts-only run must report its findings. It
// is PrepareUnit without skipping.
func UnitArgs(args []string) []string {
	n := len(args)
	if n == 0 || !strings.HasSuffix(args[n-1], ".cfg") {
		return args
	}
	out, _, err := PrepareUnit(append(slices.Clone(args[:n-1]), "-"+SkipFlag+"=false", args[n-1]), nil, nil)
	if err != nil {
		return args
	}
	return append(slices.Clip(args[:n-1]), out[len(out)-1])
}

// reportInFactsRun reports whether the facts-only run of cfg must report
// its findings (see the top of this file).
func reportInFactsRun(cfg *unitConfig, always bool) bool {
	if !cfg.VetxOnly || cfg.ModulePath == "" || cfg.ModuleVersion != "" || strings.Contains(cfg.ID, " [") {
		return false
	}
	return always || !hasInPackageTests(cfg)
}

// hasInPackageTests reports whether the unit's directory has _test.go
// files of the package itself (not of package x_test), which the build
// does not ignore: go vet then vets "p [p.test]" as the target, a separate
// cache entry.
func hasInPackageTests(cfg *unitConfig) bool {
	if len(cfg.GoFiles) == 0 || cfg.Dir == "" {
		return true // cannot tell: stay with go vet's behaviour
	}
	name := packageName(cfg.GoFiles[0])
	entries, err := os.ReadDir(cfg.Dir)
	if err != nil || name == "" {
		return true
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		path := filepath.Join(cfg.Dir, e.Name())
		if slices.Contains(cfg.IgnoredFiles, path) {
			continue
		}
		if packageName(path) == name {
			return true
		}
	}
	return false
}

func packageName(file string) string {
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.PackageClauseOnly)
	if err != nil {
		return ""
	}
	return f.Name.Name
}

// hasFlag reports whether flags set the boolean flag name to true.
func hasFlag(flags []string, name string) bool {
	set := false
	for _, f := range flags {
		n, v, hasV := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if n == name && strings.HasPrefix(f, "-") {
			set = !hasV || v == "true" || v == "1"
		}
	}
	return set
}
