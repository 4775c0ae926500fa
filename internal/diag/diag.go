// Package diag reports diagnostics for every ctrlvet analyzer: it drops
// findings in generated files, honours the suppression directive
//
//	//ctrlvet:ignore <analyzer>[,<analyzer>] -- <reason>
//
// on the reported line or the line above, or in a function's doc comment
// for the whole function, and reports directives that give no reason.
// The directive works the same under every driver (standalone, go vet,
// golangci-lint) because it is read from the pass's own syntax trees.
package diag

import (
	"go/ast"
	"go/token"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

const prefix = "//ctrlvet:ignore"

// Reporter reports the diagnostics of one analyzer on one pass.
type Reporter struct {
	pass  *analysis.Pass
	name  string
	files map[*token.File]*fileInfo
}

type fileInfo struct {
	skip   bool           // generated
	lines  map[int]bool   // lines suppressed for this analyzer
	ranges [][2]token.Pos // function bodies suppressed for this analyzer
}

// New returns a Reporter for the analyzer called name.
func New(pass *analysis.Pass, name string) *Reporter {
	r := &Reporter{pass: pass, name: name, files: make(map[*token.File]*fileInfo)}
	for _, f := range pass.Files {
		r.scan(f)
	}
	return r
}

func (r *Reporter) scan(f *ast.File) {
	tf := r.pass.Fset.File(f.Pos())
	if tf == nil {
		return
	}
	fi := &fileInfo{skip: ast.IsGenerated(f), lines: make(map[int]bool)}
	r.files[tf] = fi
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			names, reason, ok := parse(c.Text)
			if !ok || !names[r.name] {
				continue
			}
			if reason == "" {
				r.pass.Report(analysis.Diagnostic{
					Pos:     c.Pos(),
					End:     c.End(),
					Message: "ctrlvet:ignore directive needs a reason: //ctrlvet:ignore " + r.name + " -- why this is not a leak",
				})
				continue
			}
			line := tf.Line(c.Pos())
			fi.lines[line] = true
			fi.lines[line+1] = true
		}
	}
	for _, decl := range f.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Doc == nil {
			continue
		}
		for _, c := range fd.Doc.List {
			if names, reason, ok := parse(c.Text); ok && names[r.name] && reason != "" {
				fi.ranges = append(fi.ranges, [2]token.Pos{fd.Pos(), fd.End()})
			}
		}
	}
}

// parse reads a suppression directive.
func parse(text string) (names map[string]bool, reason string, ok bool) {
	rest, found := strings.CutPrefix(text, prefix)
	if !found || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, "", false
	}
	list, why, _ := strings.Cut(rest, "--")
	names = make(map[string]bool)
	fields := strings.Fields(list)
	if len(fields) == 0 {
		return names, "", true
	}
	for n := range strings.SplitSeq(fields[0], ",") {
		if n = strings.TrimSpace(n); n != "" {
			names[n] = true
		}
	}
	return names, strings.TrimSpace(why), true
}

// Suppressed reports whether a finding at pos is silenced by a directive or
// sits in a generated file.
func (r *Reporter) Suppressed(pos token.Pos) bool {
	tf := r.pass.Fset.File(pos)
	if tf == nil {
		return false
	}
	fi := r.files[tf]
	if fi == nil {
		return false
	}
	if fi.skip || fi.lines[tf.Line(pos)] {
		return true
	}
	for _, rg := range fi.ranges {
		if rg[0] <= pos && pos < rg[1] {
			return true
		}
	}
	return false
}

// IsTestFile reports whether pos is in a _test.go file.
func (r *Reporter) IsTestFile(pos token.Pos) bool {
	tf := r.pass.Fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// Report reports d unless it is suppressed.
func (r *Reporter) Report(d analysis.Diagnostic) {
	if r.Suppressed(d.Pos) {
		return
	}
	r.pass.Report(d)
}

// CallRange returns the extent of the call expression whose opening
// parenthesis is at lparen (the position SSA gives a call), so that a
// report covers the callee's name, not the parenthesis.
func CallRange(pass *analysis.Pass, lparen token.Pos) (token.Pos, token.Pos) {
	for _, f := range pass.Files {
		if f.FileStart <= lparen && lparen < f.FileEnd {
			path, _ := astutil.PathEnclosingInterval(f, lparen, lparen)
			for _, n := range path {
				if call, ok := n.(*ast.CallExpr); ok && call.Lparen == lparen {
					return call.Fun.Pos(), call.End()
				}
			}
		}
	}
	return lparen, token.NoPos
}

// SortRelated orders related information by position.
func SortRelated(rel []analysis.RelatedInformation) {
	sort.Slice(rel, func(i, j int) bool { return rel[i].Pos < rel[j].Pos })
}
