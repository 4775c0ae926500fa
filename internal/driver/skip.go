package driver

// Skipping what cannot matter. go vet runs the tool on every dependency
// of the packages it vets, for their facts, and x/tools' unitchecker
// parses and type-checks each from source (its importers read its types
// from the facts file it writes). Most dependencies (protobuf, JSON,
// YAML, the Kubernetes API types) hold nothing any of ctrlvet's analyzers
// exports a fact about. So, for a facts-only run:
//
//   - if no dependency has facts and no fact-producing analyzer's gate
//     (internal/factgate, suite.FactGates) says it could export one here,
//     the tool writes a facts file with neither types nor facts at once,
//     without parsing anything;
//   - a run that does analyse (a target, or a wanted dependency) first
//     gives each such dependency a facts file with the types read from
//     the compiled export data that go vet's config names (PackageFile),
//     so that the unitchecker imports it as usual.
//
// -skip-dependencies=false turns it off (the exactness test compares).

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// SkipFlag is the vet tool flag that turns skipping off when false.
const SkipFlag = "skip-dependencies"

func registerSkipFlag(fs *flag.FlagSet) {
	fs.Bool(SkipFlag, true, "analyse a dependency for facts only where an analyzer could export one (false: every dependency)")
}

const vetxMagic = "vetx" // x/tools unitchecker's facts file: magic, two lengths, types, facts

// vetxLens returns the lengths of the types and facts of a facts file.
func vetxLens(file string) (typesLen, factsLen uint32, ok bool) {
	f, err := os.Open(file)
	if err != nil {
		return 0, 0, false
	}
	defer func() { _ = f.Close() }()
	var h [12]byte
	if _, err := io.ReadFull(f, h[:]); err != nil || string(h[:4]) != vetxMagic {
		return 0, 0, false
	}
	return binary.LittleEndian.Uint32(h[4:8]), binary.LittleEndian.Uint32(h[8:12]), true
}

func writeVetx(file string, typesData []byte) error {
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	var lens [8]byte
	binary.LittleEndian.PutUint32(lens[:4], uint32(len(typesData)))
	buf.Write(lens[:])
	buf.Write(typesData)
	return os.WriteFile(file, buf.Bytes(), 0o666)
}

// skipConfig is the part of vet.cfg that skipping reads.
type skipConfig struct {
	ImportPath  string
	GoFiles     []string
	ImportMap   map[string]string
	PackageFile map[string]string
	PackageVetx map[string]string
	VetxOutput  string
	Stdout      string
}

// wanted reports whether a facts-only run of cfg must analyse: a
// dependency has facts, or the gate of a fact-producing analyzer among
// analyzers (and what they require) says yes or is missing.
func wanted(cfg *skipConfig, analyzers []*analysis.Analyzer, gates map[string]factgate.Gate) bool {
	var imports []string
	for path, vetx := range cfg.PackageVetx {
		_, factsLen, ok := vetxLens(vetx)
		if !ok || factsLen > 0 {
			return true
		}
		imports = append(imports, path)
	}
	for _, p := range cfg.ImportMap {
		imports = append(imports, p)
	}
	u := factgate.NewUnit(cfg.ImportPath, imports, cfg.GoFiles)
	seen := make(map[*analysis.Analyzer]bool)
	var want func(as []*analysis.Analyzer) bool
	want = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 {
				if g := gates[a.Name]; g == nil || g(u) {
					return true
				}
			}
			if want(a.Requires) {
				return true
			}
		}
		return false
	}
	return want(analyzers)
}

// skipUnit writes the empty outputs of a facts-only run that analyses
// nothing.
func skipUnit(cfg *skipConfig) error {
	if cfg.Stdout != "" {
		if err := os.WriteFile(cfg.Stdout, nil, 0o666); err != nil {
			return err
		}
	}
	return writeVetx(cfg.VetxOutput, nil)
}

// exportTypes gives every dependency whose facts file has no types (it
// was skipped) a new facts file, next to cfg.VetxOutput, with its types
// from its compiled export data, and returns the new PackageVetx (nil if
// nothing changed).
func exportTypes(cfg *skipConfig) (map[string]string, error) {
	var missing []string
	for path, vetx := range cfg.PackageVetx {
		if typesLen, _, ok := vetxLens(vetx); ok && typesLen == 0 {
			missing = append(missing, path)
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	sort.Strings(missing)
	fset := token.NewFileSet()
	imports := make(map[string]*types.Package)
	out := make(map[string]string, len(cfg.PackageVetx))
	for p, f := range cfg.PackageVetx {
		out[p] = f
	}
	dir := filepath.Dir(cfg.VetxOutput)
	for i, path := range missing {
		pkg, err := readExport(fset, imports, path, cfg.PackageFile[path])
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := gcexportdata.Write(&buf, fset, pkg); err != nil {
			return nil, fmt.Errorf("export types of %s: %w", path, err)
		}
		file := filepath.Join(dir, fmt.Sprintf("ctrlvet-types-%d.vetx", i))
		if err := writeVetx(file, buf.Bytes()[1:]); err != nil { // without Write's "i" tag
			return nil, err
		}
		out[path] = file
	}
	return out, nil
}

func readExport(fset *token.FileSet, imports map[string]*types.Package, path, file string) (*types.Package, error) {
	if file == "" {
		return nil, fmt.Errorf("no export data for %s", path)
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	// Go 1.26's compiler writes archives, which only NewReader opens
	r, err := gcexportdata.NewReader(bufio.NewReader(f)) //nolint:staticcheck // see above
	if err != nil {
		return nil, fmt.Errorf("export data of %s: %w", path, err)
	}
	pkg, err := gcexportdata.Read(r, fset, imports, path)
	if err != nil {
		return nil, fmt.Errorf("export data of %s: %w", path, err)
	}
	return pkg, nil
}

// PrepareUnit is what the vet tool does with go vet's arguments (os.Args[1:])
// before x/tools' unitchecker runs: it returns the arguments to pass on
// (with the vet.cfg replaced by a rewritten copy when needed: unit.go,
// and the types of skipped dependencies), or done when the unit was
// skipped and the process can exit 0.
func PrepareUnit(args []string, analyzers []*analysis.Analyzer, gates map[string]factgate.Gate) (out []string, done bool, err error) {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return args, false, nil
	}
	flags, file := args[:len(args)-1], args[len(args)-1]
	data, err := os.ReadFile(file)
	if err != nil {
		return args, false, nil // the unitchecker reports it
	}
	var ucfg unitConfig
	var scfg skipConfig
	var raw map[string]any
	if json.Unmarshal(data, &ucfg) != nil || json.Unmarshal(data, &scfg) != nil || json.Unmarshal(data, &raw) != nil {
		return args, false, nil
	}
	full := hasFlag(flags, "json") && !hasFlag(flags, "fix") && reportInFactsRun(&ucfg, hasFlag(flags, DependencyFindingsFlag))
	skip := !flagFalse(flags, SkipFlag)
	if ucfg.VetxOnly && !full && skip && !wanted(&scfg, analyzers, gates) {
		return nil, true, skipUnit(&scfg)
	}
	changed := false
	if full {
		raw["VetxOnly"] = false
		changed = true
	}
	vetx, err := exportTypes(&scfg)
	if err != nil {
		return nil, false, err
	}
	if vetx != nil {
		raw["PackageVetx"] = vetx
		changed = true
	}
	if !changed {
		return args, false, nil
	}
	rewritten, err := json.Marshal(raw)
	if err != nil {
		return nil, false, err
	}
	newFile := strings.TrimSuffix(file, ".cfg") + ".ctrlvet.cfg"
	if err := os.WriteFile(newFile, rewritten, 0o644); err != nil {
		return nil, false, err
	}
	return append(slices.Clip(flags), newFile), false, nil
}

// flagFalse reports whether flags set the boolean flag name to false.
func flagFalse(flags []string, name string) bool {
	off := false
	for _, f := range flags {
		n, v, hasV := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if n == name && strings.HasPrefix(f, "-") {
			off = hasV && (v == "false" || v == "0")
		}
	}
	return off
}

// ParseSettingsFlags sets in s the settings flags among args (go vet
// passes them as -name=value), ignoring every other argument.
func ParseSettingsFlags(s *config.Settings, args []string) {
	fs := flag.NewFlagSet("settings", flag.ContinueOnError)
	s.RegisterFlags(fs)
	for _, a := range args {
		name, value, ok := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if ok && strings.HasPrefix(a, "-") && fs.Lookup(name) != nil {
			_ = fs.Set(name, value)
		}
	}
}
