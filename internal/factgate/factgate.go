// Package factgate lets each fact-producing analyzer say, before a package
// is parsed or type-checked, whether it could export a fact there. A
// package that go vet analyses only for its facts (a dependency), and in
// which no analyzer could export one, then needs no analysis at all:
// ctrlvet writes an empty facts file for it at once, and its importers
// take its types from the compiled export data (internal/driver/skip.go).
//
// A gate must be conservative: it may say yes when the analyzer would
// export nothing, never no when it would export something. An analyzer
// with facts and no gate is always run. A gate whose analyzer makes
// facts from its dependencies' facts (wrappers, summaries of calls) asks
// DepFacts for them; one whose facts come from the package's own code
// alone (a go statement of its own) does not, and a package with such
// facts below it can still be skipped: a skipped unit passes its
// dependencies' facts about objects on to its importers as an analysed
// one would.
//
// Some summaries are made only for the user's own code (LocalFile): not
// the standard library, not a module from the module cache or a vendor
// directory, whose APIs internal/apis describes instead. An analyzer that
// makes that choice asks LocalPass, and its gate asks Local.
package factgate

import (
	"bytes"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Unit is what a gate knows of a package before it is type-checked.
type Unit struct {
	Path    string   // package path
	imports []string // package paths of its direct imports, vendor prefixes removed
	files   []string // its Go files
	content [][]byte // read on first use
	unread  bool     // a file could not be read
	syntax  []*ast.File
	parsed  bool // syntax is set; nil when a file could not be parsed
	// depFacts: the types of the facts in its direct imports' facts files
	depFacts map[reflect.Type]bool
}

// NewUnit returns the unit of the package path with the given direct
// imports and Go files.
func NewUnit(path string, imports, files []string) *Unit {
	u := &Unit{Path: path, files: files}
	for _, p := range imports {
		if i := strings.LastIndex(p, "/vendor/"); i >= 0 {
			p = p[i+len("/vendor/"):]
		} else {
			p = strings.TrimPrefix(p, "vendor/")
		}
		u.imports = append(u.imports, p)
	}
	return u
}

// SetDepFacts records the facts found in the facts files of u's direct
// imports (for DepFacts).
func (u *Unit) SetDepFacts(facts []analysis.Fact) {
	u.depFacts = make(map[reflect.Type]bool)
	for _, f := range facts {
		u.depFacts[reflect.TypeOf(f)] = true
	}
}

// DepFacts reports whether the facts files of u's direct imports hold a
// fact of the type of one of fs (their own, or passed on from below).
func (u *Unit) DepFacts(fs ...analysis.Fact) bool {
	for _, f := range fs {
		if u.depFacts[reflect.TypeOf(f)] {
			return true
		}
	}
	return false
}

// Gate reports whether an analyzer could export a fact in u.
type Gate func(u *Unit) bool

// Always is the gate of an analyzer that may export a fact anywhere.
func Always(*Unit) bool { return true }

// Imports reports whether u imports one of paths directly.
func (u *Unit) Imports(paths ...string) bool {
	for _, p := range u.imports {
		for _, want := range paths {
			if p == want {
				return true
			}
		}
	}
	return false
}

// ImportsPrefix reports whether u directly imports a package whose path
// begins with prefix.
func (u *Unit) ImportsPrefix(prefix string) bool {
	for _, p := range u.imports {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}

// Standard reports whether u is a package of the Go distribution.
func (u *Unit) Standard() bool { return slices.ContainsFunc(u.files, standardFile) }

// Local reports whether u is the user's own code (see LocalFile): every
// file of it is. (One file is not enough: a cgo package's first file may
// be one the go command generated in its work directory.)
func (u *Unit) Local() bool { return allLocal(u.files) }

func allLocal(files []string) bool {
	for _, f := range files {
		if !LocalFile(f) {
			return false
		}
	}
	return len(files) > 0
}

// passFiles returns the names of the files of pass.
func passFiles(pass *analysis.Pass) []string {
	var out []string
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil {
			out = append(out, tf.Name())
		}
	}
	return out
}

// goStmt matches a go statement: the keyword first on a line or after
// a brace, semicolon or label's colon, then a space, a line break or a
// parenthesis. Comments and identifiers may match (a yes may be wrong);
// a go statement always does, unless a block comment comes before it on
// its line.
var goStmt = regexp.MustCompile(`(?m)(^|[;{:])[ \t]*go([ \t\r\n]|\()`)

// HasGoStatement reports whether one of u's files may contain a go
// statement (a file it cannot read counts as one).
func (u *Unit) HasGoStatement() bool {
	u.read()
	if u.unread {
		return true
	}
	for _, c := range u.content {
		if goStmt.Match(c) {
			return true
		}
	}
	return false
}

// Syntax returns u's files parsed (no comments, no object resolution),
// or false when one cannot be read or parsed: a gate that asks must then
// say yes.
func (u *Unit) Syntax() ([]*ast.File, bool) {
	if !u.parsed {
		u.parsed = true
		u.read()
		if u.unread {
			return nil, false
		}
		fset := token.NewFileSet()
		for i, c := range u.content {
			f, err := parser.ParseFile(fset, u.files[i], c, parser.SkipObjectResolution)
			if err != nil {
				u.syntax = nil
				break
			}
			u.syntax = append(u.syntax, f)
		}
	}
	return u.syntax, u.syntax != nil
}

func (u *Unit) read() {
	if u.content != nil {
		return
	}
	u.content = make([][]byte, len(u.files))
	for i, f := range u.files {
		data, err := os.ReadFile(f)
		u.unread = u.unread || err != nil
		u.content[i] = data
	}
}

// LocalPass reports whether the package of pass is the user's own code
// (see LocalFile). analysistest's packages are.
func LocalPass(pass *analysis.Pass) bool { return allLocal(passFiles(pass)) }

// StandardPass reports whether the package of pass is in the Go
// distribution.
func StandardPass(pass *analysis.Pass) bool {
	files := passFiles(pass)
	return len(files) == 0 || slices.ContainsFunc(files, standardFile)
}

// LocalFile reports whether a source file (a position's file name, also
// as recorded in export data) is the user's own code: not in the Go
// distribution, the module cache (a path element with @version, as
// -trimpath also writes them) or a vendor directory. A replace directive
// to a directory makes that module the user's own. (A checkout in a
// directory whose name has "@v" in it counts as the module cache.)
func LocalFile(name string) bool {
	if name == "" || standardFile(name) {
		return false
	}
	for _, elem := range strings.Split(filepath.ToSlash(name), "/") {
		if elem == "vendor" || moduleVersion.MatchString(elem) {
			return false
		}
	}
	return true
}

// moduleVersion matches a path element of the module cache: path@v1.2.3.
var moduleVersion = regexp.MustCompile(`@v[0-9]`)

func standardFile(name string) bool {
	root := filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)
	if strings.HasPrefix(name, root) || strings.HasPrefix(filepath.ToSlash(name), "$GOROOT/") {
		return true
	}
	// export data written with -trimpath names the standard library's
	// files by package path alone (container/list/list.go): a relative
	// path whose first element has no dot (a module's has one, or @v)
	if filepath.IsAbs(name) {
		return false
	}
	first, _, _ := strings.Cut(filepath.ToSlash(name), "/")
	return !strings.ContainsAny(first, ".@")
}

// Mentions reports whether the text of one of u's files contains s (a
// byte scan, comments included: a yes may be wrong, a no is right). A file
// it cannot read counts as mentioning everything.
func (u *Unit) Mentions(s string) bool {
	u.read()
	if u.unread {
		return true
	}
	for _, c := range u.content {
		if bytes.Contains(c, []byte(s)) {
			return true
		}
	}
	return false
}
