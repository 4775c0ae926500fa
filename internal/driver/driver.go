// Package driver is ctrlvet's standalone command line. It runs the
// analyzers through go vet's per-package protocol, with the ctrlvet binary
// itself as the vet tool: one small process per package, facts passed
// through files and cached by the go command, so memory stays flat on
// large modules. It then prints the findings, sorted and deduplicated, in
// text, JSON or SARIF (sarif.go), and sets the exit status. `ctrlvet vet`
// (vet.go) runs go vet with ctrlvet as its tool, output and status as is.
package driver

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/config"
)

// Exit statuses of the standalone text mode.
const (
	ExitClean    = 0
	ExitError    = 1
	ExitFindings = 3
)

// IsVetInvocation reports whether the arguments are go vet's protocol
// (-flags, -V=full, or a unit.cfg), not a user's command line.
func IsVetInvocation(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V") || strings.HasPrefix(a, "--V") {
			return true
		}
	}
	// go vet passes the unit's configuration file last; a user's
	// -config=x.cfg or -config x.cfg is not one
	n := len(args)
	if n == 0 || !strings.HasSuffix(args[n-1], ".cfg") || strings.HasPrefix(args[n-1], "-") {
		return false
	}
	return n < 2 || strings.TrimLeft(args[n-2], "-") != "config"
}

// Diagnostic is one finding as go vet's -json output gives it.
type Diagnostic struct {
	Category string    `json:"category,omitempty"`
	Posn     string    `json:"posn"`
	End      string    `json:"end,omitempty"`
	Message  string    `json:"message"`
	Related  []Related `json:"related,omitempty"`
	Fixes    any       `json:"suggested_fixes,omitempty"`

	Analyzer string `json:"-"`
	Package  string `json:"-"`
}

// Related is a related location of a Diagnostic.
type Related struct {
	Posn    string `json:"posn"`
	End     string `json:"end,omitempty"`
	Message string `json:"message"`
}

// Main runs the standalone command and returns the exit status.
func Main(prog string, analyzers []*analysis.Analyzer, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet(prog, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	jsonOut := fs.Bool("json", false, "print findings as JSON (go vet's -json form); the exit status is then 0 unless an error occurred")
	sarifOut := fs.Bool("sarif", false, "print findings as a SARIF 2.1.0 log (same as -format=sarif); the exit status is then 0 unless an error occurred")
	format := fs.String("format", "", "output format: text (default), json or sarif")
	fix := fs.Bool("fix", false, "apply the suggested fixes")
	diff := fs.Bool("diff", false, "with -fix, print the fixes as a diff instead of applying them")
	tags := fs.String("tags", "", "comma-separated build tags, as for go build")
	chdir := fs.String("C", "", "change to this directory before doing anything else")
	skipDeps := fs.Bool(SkipFlag, true, "analyse a dependency only where an analyzer could export a fact (false: every dependency, as x/tools' unitchecker does)")
	configFile := fs.String("config", "", "settings file, YAML or JSON (default: "+strings.Join(config.FileNames, " or ")+" in the directory or a parent, up to the module root; -config= for none)")
	flagSettings := new(config.Settings)
	flagSettings.RegisterFlags(fs)
	enabled := make(map[string]*string)
	for _, a := range analyzers {
		enabled[a.Name] = fs.String(a.Name, "", "enable (true) or disable (false) the "+a.Name+" analyzer")
		// Boolean-style flag: -name alone means true.
	}
	usage := func() {
		fmt.Fprintf(stderr, "usage: %s [flags] [packages]   (default ./...)\n       %s help [analyzer]\n       %s settings\n       %s vet [go vet flags] [packages]\n       go vet -vettool=$(which %s) [packages]\nflags:\n", prog, prog, prog, prog, prog)
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	args = normaliseBoolFlags(args, enabled)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return ExitClean
		}
		fmt.Fprintf(stderr, "%s: %v (see '%s -h')\n", prog, err, prog)
		return ExitError
	}
	rest := fs.Args()
	if len(rest) > 0 && rest[0] == "help" {
		return help(prog, analyzers, rest[1:], stdout, stderr)
	}
	if len(rest) > 0 && rest[0] == "version" {
		fmt.Fprintf(stdout, "%s %s\n", prog, Version())
		return ExitClean
	}
	settings, from, err := loadSettings(fs, *configFile, *chdir, flagSettings)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		return ExitError
	}
	if len(rest) > 0 && rest[0] == "settings" {
		return printSettings(from, settings, stdout, stderr)
	}
	if len(rest) > 0 && rest[0] == "vet" {
		return vet(prog, fs, *chdir, append(settings.Args(), rest[1:]...), stdout, stderr)
	}
	outFormat, err := outputFormat(*format, *jsonOut, *sarifOut)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", prog, err)
		return ExitError
	}
	if *fix && outFormat == FormatSARIF {
		fmt.Fprintf(stderr, "%s: -fix prints no findings: it cannot be combined with SARIF output\n", prog)
		return ExitError
	}
	// SARIF URIs are relative to where ctrlvet was started, even with -C,
	// so that code scanning finds the files from the repository's root.
	startDir, _ := os.Getwd()
	if *chdir != "" {
		if err := os.Chdir(*chdir); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", prog, err)
			return ExitError
		}
	}
	if len(rest) == 0 {
		rest = []string{"./..."}
	}
	for _, p := range rest {
		if strings.HasPrefix(p, "-") {
			fmt.Fprintf(stderr, "%s: flags must come before the packages: %s\n", prog, p)
			return ExitError
		}
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "%s: cannot locate its own binary: %v\n", prog, err)
		return ExitError
	}
	vetArgs := []string{"vet", "-vettool=" + exe}
	if *tags != "" {
		vetArgs = append(vetArgs, "-tags="+*tags)
	}
	if !*skipDeps {
		vetArgs = append(vetArgs, "-"+SkipFlag+"=false")
	}
	vetArgs = append(vetArgs, settings.Args()...)
	for _, a := range analyzers {
		switch v := *enabled[a.Name]; v {
		case "":
		case "true", "false":
			vetArgs = append(vetArgs, "-"+a.Name+"="+v)
		default:
			fmt.Fprintf(stderr, "%s: -%s takes true or false, not %q\n", prog, a.Name, v)
			return ExitError
		}
	}
	if *diff && !*fix {
		fmt.Fprintf(stderr, "%s: -diff needs -fix\n", prog)
		return ExitError
	}
	if *fix {
		vetArgs = append(vetArgs, "-fix")
		if *diff {
			vetArgs = append(vetArgs, "-diff")
		}
		vetArgs = append(vetArgs, rest...)
		cmd := exec.Command("go", vetArgs...)
		cmd.Stdout, cmd.Stderr = stdout, stderr
		if err := cmd.Run(); err != nil {
			return ExitError
		}
		return ExitClean
	}
	// Facts-only runs of main-module packages report their findings too,
	// so that the go command's cache never replays a silent run as a
	// package's result (unit.go); Targets keeps the packages asked for.
	targets, outside := Targets(*tags, rest)
	vetArgs = append(vetArgs, "-json", "-"+DependencyFindingsFlag)
	vetArgs = append(vetArgs, saltArgs(outside)...)
	vetArgs = append(vetArgs, rest...)
	cmd := exec.Command("go", vetArgs...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	runErr := cmd.Run()
	if runErr != nil {
		var ee *exec.ExitError
		if !errors.As(runErr, &ee) {
			fmt.Fprintf(stderr, "%s: cannot run go vet: %v\n", prog, runErr)
			return ExitError
		}
	}
	tree, problems, broken := parse(out.String() + "\n" + errb.String())
	tree = tree.Only(targets)
	Reroot(tree, nil) // results replayed from another machine's cache
	skipped := NotAnalysed(*tags, rest, broken)
	for _, s := range skipped {
		if !strings.HasPrefix(s.Reason, "it depends on ") {
			continue // its own error is a problem already
		}
		problems = append(problems, s.String())
	}
	if runErr != nil && len(problems) == 0 {
		problems = append(problems, "go vet failed: "+firstLine(errb.String()))
	}
	for _, p := range problems {
		if p == "no packages to vet" && len(problems) > 1 {
			continue
		}
		fmt.Fprintf(stderr, "%s: %s\n", prog, p)
	}
	if outFormat == FormatSARIF {
		if err := WriteSARIF(stdout, SARIF(analyzers, Flatten(tree), problems, startDir, Version(), nil)); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", prog, err)
			return ExitError
		}
		if len(problems) > 0 {
			return ExitError
		}
		return ExitClean
	}
	if outFormat == FormatJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "\t")
		if err := enc.Encode(jsonOutput(tree, skipped, broken)); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", prog, err)
			return ExitError
		}
		if len(problems) > 0 {
			return ExitError
		}
		return ExitClean
	}
	diags := Flatten(tree)
	wd, _ := os.Getwd()
	for _, d := range diags {
		fmt.Fprintf(stdout, "%s: %s (%s)\n", relPosn(wd, d.Posn), d.Message, d.Analyzer)
		for _, r := range d.Related {
			fmt.Fprintf(stdout, "\t%s: %s\n", relPosn(wd, r.Posn), r.Message)
		}
	}
	switch {
	case len(problems) > 0:
		return ExitError
	case len(diags) > 0:
		return ExitFindings
	}
	return ExitClean
}

// loadSettings returns the settings of a run: those of the settings file
// (-config, or the one config.Find finds from dir), then those of the
// flags. A relative -config is relative to dir, as -C comes first.
func loadSettings(fs *flag.FlagSet, file, dir string, flags *config.Settings) (*config.Settings, string, error) {
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "config" })
	if !explicit {
		found, err := config.Find(cmp.Or(dir, "."))
		if err != nil {
			return nil, "", err
		}
		file = found
	} else if file != "" && dir != "" && !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	s := new(config.Settings)
	if file != "" {
		fromFile, err := config.Load(file)
		if err != nil {
			return nil, "", err
		}
		s.Merge(fromFile)
	}
	s.Merge(flags)
	return s, file, nil
}

// printSettings prints the settings a run would use (`ctrlvet settings`),
// in the settings file's form, after a comment naming the file.
func printSettings(file string, s *config.Settings, stdout, stderr io.Writer) int {
	if file == "" {
		file = "none"
	}
	data, err := config.YAML(s)
	if err != nil {
		fmt.Fprintf(stderr, "ctrlvet: %v\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "# settings file: %s\n%s", file, data)
	return ExitClean
}

// normaliseBoolFlags turns "-name" (an analyzer flag without a value) into
// "-name=true", so that analyzer flags behave like go vet's booleans.
func normaliseBoolFlags(args []string, names map[string]*string) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		n := strings.TrimLeft(a, "-")
		if strings.HasPrefix(a, "-") && !strings.Contains(n, "=") {
			if _, ok := names[n]; ok {
				a = "-" + n + "=true"
			}
		}
		out = append(out, a)
	}
	return out
}

// Tree is go vet's -json output: package ID, analyzer, findings.
type Tree map[string]map[string][]Diagnostic

var (
	noPackages = regexp.MustCompile(`matched no packages`)
	posnRE     = regexp.MustCompile(`^(.*?):(\d+):(\d+)`)
)

// Parse reads the combined output of `go vet -json`: "# pkg" headers,
// JSON objects, and error lines. It returns the merged findings and one
// line per problem (a package that does not type-check, a pattern that
// matches nothing, a tool failure).
func Parse(text string) (Tree, []string) {
	tree, problems, _ := parse(text)
	return tree, problems
}

// parse is Parse, and also returns the packages that failed (under a
// "# pkg" header: a build or analysis error) with their first error.
func parse(text string) (Tree, []string, map[string]string) {
	broken := make(map[string]string)
	tree := make(Tree)
	var problems []string
	seenPkgErr := make(map[string]bool)
	pkg := ""
	dec := func(s string) (int, bool) {
		d := json.NewDecoder(strings.NewReader(s))
		var obj map[string]map[string]json.RawMessage
		if err := d.Decode(&obj); err != nil {
			return 0, false
		}
		for p, byAn := range obj {
			for an, raw := range byAn {
				var ds []Diagnostic
				if err := json.Unmarshal(raw, &ds); err != nil {
					// {"error": "..."} for an analyzer that failed
					var e struct {
						Error string `json:"error"`
					}
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						problems = append(problems, fmt.Sprintf("%s: %s: %s", p, an, firstLine(e.Error)))
					}
					continue
				}
				if tree[p] == nil {
					tree[p] = make(map[string][]Diagnostic)
				}
				tree[p][an] = append(tree[p][an], ds...)
			}
		}
		return int(d.InputOffset()), true
	}
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case strings.TrimSpace(l) == "", isProgress(l):
		case strings.HasPrefix(l, "# "):
			pkg = strings.TrimPrefix(l, "# ")
		case strings.HasPrefix(l, "{"):
			rest := strings.Join(lines[i:], "\n")
			n, ok := dec(rest)
			if !ok {
				problems = append(problems, "cannot read go vet's output: "+firstLine(l))
				continue
			}
			i += strings.Count(rest[:n], "\n")
		case noPackages.MatchString(l):
			problems = append(problems, strings.TrimPrefix(strings.TrimPrefix(l, "go: "), "warning: "))
		default:
			key := pkg
			if key == "" {
				key = l
			}
			if seenPkgErr[key] {
				continue
			}
			seenPkgErr[key] = true
			msg := strings.TrimPrefix(strings.TrimPrefix(l, "vet: "), "go: ")
			if pkg != "" {
				broken[pkg] = msg
				problems = append(problems, fmt.Sprintf("package %s: %s", pkg, msg))
			} else {
				problems = append(problems, msg)
			}
		}
	}
	return tree, problems, broken
}

// isProgress reports whether l is the go command's progress output
// (module downloads), which is not a problem.
func isProgress(l string) bool {
	for _, p := range []string{"go: downloading ", "go: finding ", "go: extracting ", "go: upgraded ", "go: added "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// Targets returns the import paths of the packages that patterns match
// (go list -find), or nil when go list fails, and whether one of them is
// outside the main modules (a dependency or the standard library).
func Targets(tags string, patterns []string) (map[string]bool, bool) {
	args := []string{"list", "-e", "-find", "-f", "{{.ImportPath}} {{with .Module}}{{.Main}}{{end}}"}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	out, err := exec.Command("go", append(args, patterns...)...).Output()
	if err != nil {
		return nil, false
	}
	set := make(map[string]bool)
	outside := false
	for l := range strings.SplitSeq(string(out), "\n") {
		path, main, _ := strings.Cut(strings.TrimSpace(l), " ")
		if path != "" {
			set[path] = true
			outside = outside || main != "true"
		}
	}
	return set, outside
}

// saltArgs returns the vet tool flag that gives a run cache keys of its
// own, when a target is outside the main modules: go vet vets such a
// package for facts only when it is a dependency, and caches that silent
// run under the key of a target run (unit.go); only main-module packages
// report findings in their facts-only runs. Nil otherwise.
func saltArgs(outside bool) []string {
	if !outside {
		return nil
	}
	return []string{fmt.Sprintf("-%s=%d-%d", CacheSaltFlag, os.Getpid(), time.Now().UnixNano())}
}

// Only returns the part of tree that belongs to the packages of targets
// (all of it for nil targets): a unit ID with a test suffix ("p [p.test]",
// "p_test [p.test]") is always a target, as go vet vets test variants of
// other packages for facts only; a plain ID must be in targets, because
// facts-only runs of main-module packages report findings too (unit.go).
func (tree Tree) Only(targets map[string]bool) Tree {
	if targets == nil {
		return tree
	}
	out := make(Tree, len(tree))
	for id, byAn := range tree {
		if strings.Contains(id, " [") || targets[id] {
			out[id] = byAn
		}
	}
	return out
}

// Flatten returns the findings of tree, deduplicated (a package and its
// test variant report the same finding) and sorted by position.
func Flatten(tree Tree) []Diagnostic {
	seen := make(map[string]int)
	var out []Diagnostic
	pkgs := make([]string, 0, len(tree))
	for pkg := range tree {
		pkgs = append(pkgs, pkg)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		byAn := tree[pkg]
		for an, ds := range byAn {
			for _, d := range ds {
				key := an + "\x00" + d.Posn + "\x00" + d.Message
				d.Analyzer, d.Package = an, pkg
				if i, ok := seen[key]; ok {
					if len(d.Related) > len(out[i].Related) {
						out[i] = d
					}
					continue
				}
				seen[key] = len(out)
				out = append(out, d)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		fi, li, ci := splitPosn(out[i].Posn)
		fj, lj, cj := splitPosn(out[j].Posn)
		if fi != fj {
			return fi < fj
		}
		if li != lj {
			return li < lj
		}
		if ci != cj {
			return ci < cj
		}
		return out[i].Analyzer < out[j].Analyzer
	})
	return out
}

func splitPosn(p string) (string, int, int) {
	m := posnRE.FindStringSubmatch(p)
	if m == nil {
		return p, 0, 0
	}
	l, _ := strconv.Atoi(m[2])
	c, _ := strconv.Atoi(m[3])
	return m[1], l, c
}

func relPosn(wd, posn string) string {
	m := posnRE.FindStringSubmatch(posn)
	if m == nil || wd == "" {
		return posn
	}
	if rel, err := filepath.Rel(wd, m[1]); err == nil && !strings.HasPrefix(rel, "..") {
		return rel + posn[len(m[1]):]
	}
	return posn
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func help(prog string, analyzers []*analysis.Analyzer, names []string, stdout, stderr io.Writer) int {
	if len(names) == 0 {
		fmt.Fprintf(stdout, "%s finds the leaks that take Kubernetes controllers down: memory, goroutines, file descriptors.\n\n", prog)
		fmt.Fprintf(stdout, "usage: %s [flags] [packages]        standalone (default ./...)\n", prog)
		fmt.Fprintf(stdout, "       go vet -vettool=$(which %s) [packages]\n", prog)
		fmt.Fprintf(stdout, "       %s vet [packages]                go vet with ctrlvet as its tool\n", prog)
		fmt.Fprintf(stdout, "       %s help <analyzer>               an analyzer's documentation\n", prog)
		fmt.Fprintf(stdout, "       %s settings                      the settings a run uses, and their file\n\nanalyzers:\n", prog)
		for _, a := range analyzers {
			fmt.Fprintf(stdout, "    %-18s %s\n", a.Name, firstLine(a.Doc))
		}
		fmt.Fprintf(stdout, "\nexit status (text mode): %d clean, %d findings, %d error\n", ExitClean, ExitFindings, ExitError)
		return ExitClean
	}
	status := ExitClean
	for _, n := range names {
		found := false
		for _, a := range analyzers {
			if a.Name == n {
				found = true
				fmt.Fprintf(stdout, "%s: %s\n\n%s\n", a.Name, a.Doc, a.URL)
			}
		}
		if !found {
			fmt.Fprintf(stderr, "%s: no analyzer named %q (see '%s help')\n", prog, n, prog)
			status = ExitError
		}
	}
	return status
}

// Version returns the module version the binary was built from.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
