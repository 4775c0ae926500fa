package driver

// Skipping what cannot matter. go vet runs the tool on every dependency
// of the packages it vets, for their facts, and x/tools' unitchecker
// parses and type-checks each from source (its importers read its types
// from the facts file it writes). Most dependencies (protobuf, JSON,
// YAML, the Kubernetes API types) hold nothing any of ctrlvet's analyzers
// exports a fact about. So, for a facts-only run:
//
//   - it is wanted if, for some fact-producing analyzer (or one that an
//     analyzer requires), the analyzer's gate (internal/factgate,
//     suite.FactGates) says it could export a fact here (from the
//     package's imports, a scan of its files, and the types of the facts
//     its dependencies hold), or has no gate;
//   - if not, the tool writes a facts file at once, without parsing
//     anything: no types, and the facts of its dependencies about types,
//     methods and fields, which an analysed package would pass on to its
//     importers too (x/tools' facts.Set.Encode);
//   - a run that does analyse (a target, or a wanted dependency) first
//     gives each such dependency a facts file with the types read from
//     the compiled export data that go vet's config names (PackageFile),
//     and its facts, so that the unitchecker imports it as usual.
//
// -skip-dependencies=false turns it off (the exactness test compares).

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"reflect"
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

func writeVetx(file string, typesData []byte, facts []byte) error {
	var buf bytes.Buffer
	buf.WriteString(vetxMagic)
	var lens [8]byte
	binary.LittleEndian.PutUint32(lens[:4], uint32(len(typesData)))
	binary.LittleEndian.PutUint32(lens[4:], uint32(len(facts)))
	buf.Write(lens[:])
	buf.Write(typesData)
	buf.Write(facts)
	return os.WriteFile(file, buf.Bytes(), 0o666)
}

// readVetxFacts returns the facts part of a facts file.
func readVetxFacts(file string) ([]byte, bool) {
	typesLen, factsLen, ok := vetxLens(file)
	if !ok {
		return nil, false
	}
	if factsLen == 0 {
		return nil, true
	}
	data, err := os.ReadFile(file)
	if err != nil || uint64(len(data)) != 12+uint64(typesLen)+uint64(factsLen) {
		return nil, false
	}
	return data[12+typesLen:], true
}

// gobFact is one fact as x/tools' facts package encodes it (gob matches
// fields by name).
type gobFact struct {
	PkgPath string
	Object  string
	Fact    analysis.Fact
}

// registerFacts registers the fact types of analyzers (and of what they
// require) with gob, as the unitchecker does.
func registerFacts(analyzers []*analysis.Analyzer) {
	seen := make(map[*analysis.Analyzer]bool)
	var reg func(as []*analysis.Analyzer)
	reg = func(as []*analysis.Analyzer) {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			for _, f := range a.FactTypes {
				gob.Register(f)
			}
			reg(a.Requires)
		}
	}
	reg(analyzers)
}

// depFacts decodes the facts of cfg's dependencies; ok is false when a
// facts file cannot be read or decoded.
func depFacts(cfg *skipConfig) (facts []gobFact, ok bool) {
	paths := make([]string, 0, len(cfg.PackageVetx))
	for p := range cfg.PackageVetx {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		data, ok := readVetxFacts(cfg.PackageVetx[p])
		if !ok {
			return nil, false
		}
		if len(data) == 0 {
			continue
		}
		var fs []gobFact
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&fs); err != nil {
			return nil, false
		}
		facts = append(facts, fs...)
	}
	return facts, true
}

// passedOn returns the facts a package passes on to its importers, from
// its dependencies' facts: facts about objects (types, their methods and
// fields; facts about packages are read from direct imports only),
// without duplicates, in a fixed order, gob-encoded as x/tools' facts
// package does. A few more than an analysed package passes on (facts
// about another package's functions) do no harm: an importer that can
// name those functions imports their package, and so has the same facts.
func passedOn(facts []gobFact) ([]byte, error) {
	type key struct {
		pkg, obj string
		t        reflect.Type
	}
	seen := make(map[key]bool)
	var out []gobFact
	for _, f := range facts {
		k := key{f.PkgPath, f.Object, reflect.TypeOf(f.Fact)}
		if f.Object == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, nil
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.PkgPath != b.PkgPath {
			return a.PkgPath < b.PkgPath
		}
		if a.Object != b.Object {
			return a.Object < b.Object
		}
		return reflect.TypeOf(a.Fact).String() < reflect.TypeOf(b.Fact).String()
	})
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
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

// wanted reports whether a facts-only run of cfg must analyse: for a
// fact-producing analyzer among analyzers (and what they require), its
// gate says yes, or it has none. facts are the dependencies' facts
// (depFacts), which the gates may ask about.
func wanted(cfg *skipConfig, analyzers []*analysis.Analyzer, gates map[string]factgate.Gate, facts []gobFact) bool {
	return wantedBy(cfg, analyzers, gates, facts) != ""
}

// wantedBy returns the name of the first analyzer whose gate wants cfg's
// package, or "".
func wantedBy(cfg *skipConfig, analyzers []*analysis.Analyzer, gates map[string]factgate.Gate, facts []gobFact) string {
	var imports []string
	for path := range cfg.PackageVetx {
		imports = append(imports, path)
	}
	for _, p := range cfg.ImportMap {
		imports = append(imports, p)
	}
	u := factgate.NewUnit(cfg.ImportPath, imports, cfg.GoFiles)
	fs := make([]analysis.Fact, len(facts))
	for i, f := range facts {
		fs[i] = f.Fact
	}
	u.SetDepFacts(fs)
	seen := make(map[*analysis.Analyzer]bool)
	var want func(as []*analysis.Analyzer) string
	want = func(as []*analysis.Analyzer) string {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 {
				if g := gates[a.Name]; g == nil || g(u) {
					return a.Name
				}
			}
			if by := want(a.Requires); by != "" {
				return by
			}
		}
		return ""
	}
	return want(analyzers)
}

// skipUnit writes the outputs of a facts-only run that analyses
// nothing: no findings, and a facts file with no types and the facts its
// dependencies pass on.
func skipUnit(cfg *skipConfig, facts []gobFact) error {
	if cfg.Stdout != "" {
		if err := os.WriteFile(cfg.Stdout, nil, 0o666); err != nil {
			return err
		}
	}
	data, err := passedOn(facts)
	if err != nil {
		return err
	}
	return writeVetx(cfg.VetxOutput, nil, data)
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
		facts, ok := readVetxFacts(cfg.PackageVetx[path])
		if !ok {
			return nil, fmt.Errorf("facts of %s: cannot read %s", path, cfg.PackageVetx[path])
		}
		file := filepath.Join(dir, fmt.Sprintf("ctrlvet-types-%d.vetx", i))
		if err := writeVetx(file, buf.Bytes()[1:], facts); err != nil { // without Write's "i" tag
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
	switch {
	case ucfg.VetxOnly && !full && skip:
		registerFacts(analyzers)
		facts, ok := depFacts(&scfg)
		if !ok {
			logUnit("analysed", scfg.ImportPath, "(unreadable facts below)")
			break
		}
		by := wantedBy(&scfg, analyzers, gates, facts)
		if by == "" {
			logUnit("skipped", scfg.ImportPath, "")
			return nil, true, skipUnit(&scfg, facts)
		}
		logUnit("analysed", scfg.ImportPath, by)
	case ucfg.VetxOnly && !full:
		logUnit("analysed", scfg.ImportPath, "(no skipping)")
	default:
		logUnit("target", scfg.ImportPath, "")
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

// UnitLogEnv names the environment variable that, when set to a file,
// makes every vet process append a line to it: "skipped", "analysed"
// (for facts only) or "target", the package, and for "analysed" the
// analyzer whose gate wanted it (for measuring skipping).
const UnitLogEnv = "CTRLVET_UNIT_LOG"

func logUnit(what, path, by string) {
	file := os.Getenv(UnitLogEnv)
	if file == "" {
		return
	}
	f, err := os.OpenFile(file, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o666)
	if err != nil {
		return
	}
	_, _ = fmt.Fprintln(f, strings.TrimSpace(what+" "+path+" "+by))
	_ = f.Close()
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
