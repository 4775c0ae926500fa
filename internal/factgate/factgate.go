// Package factgate lets each fact-producing analyzer say, before a package
// is parsed or type-checked, whether it could export a fact there. A
// package that go vet analyses only for its facts (a dependency), and in
// which no analyzer could export one, then needs no analysis at all:
// ctrlvet writes an empty facts file for it at once, and its importers
// take its types from the compiled export data (internal/driver/skip.go).
//
// A gate must be conservative: it may say yes when the analyzer would
// export nothing, never no when it would export something. An analyzer
// with facts and no gate is always run. A unit whose dependencies have
// facts is always analysed (facts flow on through it), so a gate need not
// ask about facts.
package factgate

import (
	"bytes"
	"os"
	"strings"
)

// Unit is what a gate knows of a package before it is type-checked.
type Unit struct {
	Path    string   // package path
	imports []string // package paths of its direct imports, vendor prefixes removed
	files   []string // its Go files
	content [][]byte // read on first use
	unread  bool     // a file could not be read
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

// Mentions reports whether the text of one of u's files contains s (a
// byte scan, comments included: a yes may be wrong, a no is right). A file
// it cannot read counts as mentioning everything.
func (u *Unit) Mentions(s string) bool {
	if u.content == nil {
		u.content = make([][]byte, len(u.files))
		for i, f := range u.files {
			data, err := os.ReadFile(f)
			u.unread = u.unread || err != nil
			u.content[i] = data
		}
	}
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
