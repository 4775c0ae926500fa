package strandedgoroutine

import (
	"go/ast"
	"strconv"

	"github.com/ctrlvet/ctrlvet/internal/apis"

	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// FactGate says, before type-checking, whether strandedgoroutine could
// export a fact in a package (factgate). Keep it in step with summarize:
// its facts are of top-level functions and methods, outside the standard
// library, with a go statement in their own body (one in a function
// literal belongs to the literal), that either return a result (summary)
// or pass a parameter to context.WithCancel (cancelSummary) or take a
// context (foreverSummary: whose facts may also be on an exported
// function that calls such a function of the package), which only a
// parameter of an interface type can be without a conversion: a named
// type or an interface literal, never a channel, func, map, pointer,
// slice or struct type written out.
func FactGate() factgate.Gate {
	return func(u *factgate.Unit) bool {
		if u.Standard() {
			return false
		}
		if u.Mentions(apis.WatchPkg) && mayExportWatch(u) {
			return true
		}
		if !u.HasGoStatement() {
			return false
		}
		files, ok := u.Syntax()
		if !ok {
			return true
		}
		for _, f := range files {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && maySummarize(fd) {
					return true
				}
			}
		}
		return false
	}
}

// maySummarize reports whether summarize could export a fact on fd.
func maySummarize(fd *ast.FuncDecl) bool {
	if fd.Body == nil || !startsGoroutine(fd.Body) {
		return false
	}
	if fd.Type.Results != nil && len(fd.Type.Results.List) > 0 {
		return true
	}
	for _, p := range fd.Type.Params.List {
		if mayBeInterface(p.Type) {
			return true
		}
	}
	return false
}

// startsGoroutine reports whether body has a go statement of its own.
func startsGoroutine(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.GoStmt:
			found = true
		}
		return !found
	})
	return found
}

// mayBeInterface reports whether a parameter's type expression may
// denote an interface type.
func mayBeInterface(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.ParenExpr:
		return mayBeInterface(t.X)
	case *ast.Ident, *ast.SelectorExpr, *ast.IndexExpr, *ast.IndexListExpr, *ast.InterfaceType:
		return true
	}
	return false // a channel, func, map, pointer, slice, array or struct type, or a variadic parameter
}

// mayExportWatch reports whether a file of u declares a function, not
// named Watch, with a watch.Interface result (watchSummary's facts).
func mayExportWatch(u *factgate.Unit) bool {
	files, ok := u.Syntax()
	if !ok {
		return true
	}
	for _, f := range files {
		name := watchImportName(f)
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && mayReturnWatch(fd, name) {
				return true
			}
		}
	}
	return false
}

// watchImportName returns the name under which f imports the watch
// package, or "".
func watchImportName(f *ast.File) string {
	if f == nil {
		return "" // a declaration outside the package's files: no fact
	}
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err != nil || p != apis.WatchPkg {
			continue
		}
		if imp.Name != nil {
			return imp.Name.Name
		}
		return "watch"
	}
	return ""
}
