// Package lazyssa provides SSA for a package on demand. Unlike buildssa,
// requiring it costs nothing: the SSA form is built the first time an
// analyzer asks for it, after that analyzer's cheap checks have decided the
// package is worth it, and is shared by every analyzer of the run.
package lazyssa

import (
	"go/ast"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// Analyzer provides a *Builder as its result.
var Analyzer = &analysis.Analyzer{
	Name:       "lazyssa",
	Doc:        "build SSA for the package on first use (reports nothing)",
	Run:        run,
	ResultType: reflect.TypeFor[*Builder](),
}

// Builder builds the package's SSA form once.
type Builder struct {
	pass *analysis.Pass
	once sync.Once
	pkg  *ssa.Package
	fns  []*ssa.Function

	callsOnce sync.Once
	calls     *Calls
}

func run(pass *analysis.Pass) (any, error) {
	return &Builder{pass: pass}, nil
}

// Build returns the package's SSA form and its source functions (named
// functions, methods and their function literals, in source order).
func (b *Builder) Build() (*ssa.Package, []*ssa.Function) {
	b.once.Do(b.build)
	return b.pkg, b.fns
}

func (b *Builder) build() {
	pass := b.pass
	prog := ssa.NewProgram(pass.Fset, 0)
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	var fns []*ssa.Function
	var add func(*ssa.Function)
	add = func(f *ssa.Function) {
		fns = append(fns, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if obj == nil {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				add(f)
			}
		}
	}
	b.pkg, b.fns = pkg, fns
	b.pass = nil
}
