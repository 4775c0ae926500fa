// Package match compares callees and types with the entries of the API
// table (internal/apis) by package path and object name.
package match

import (
	"go/types"
	"iter"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
)

// PkgPath returns the path of pkg with any vendor prefix removed, so that a
// vendored copy of a library matches the library.
func PkgPath(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	p := pkg.Path()
	if i := strings.LastIndex(p, "/vendor/"); i >= 0 {
		return p[i+len("/vendor/"):]
	}
	return p
}

// Is reports whether obj is the function or method f.
func Is(obj types.Object, f apis.Func) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn.Name() != f.Name || PkgPath(fn.Pkg()) != f.Pkg {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return false
	}
	recv := sig.Recv()
	if f.Recv == "" {
		return recv == nil
	}
	if recv == nil {
		return false
	}
	return RecvName(recv.Type()) == f.Recv
}

// IsAny reports whether obj is one of fs.
func IsAny(obj types.Object, fs []apis.Func) bool {
	for _, f := range fs {
		if Is(obj, f) {
			return true
		}
	}
	return false
}

// RecvName returns the name of the named type behind a receiver type
// (pointer or not), or "".
func RecvName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// IsNamed reports whether t (or what it points to) is the named type
// pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Name() == name && PkgPath(n.Obj().Pkg()) == pkg
}

// IsPointerTo reports whether t is *pkg.name.
func IsPointerTo(t types.Type, pkg, name string) bool {
	p, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Name() == name && PkgPath(n.Obj().Pkg()) == pkg
}

// CalleeObject returns the function or method object a call invokes: the
// static callee's object (the generic origin for instantiations), or the
// interface method for dynamic calls. It returns nil for calls of
// function values.
func CalleeObject(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if f := c.StaticCallee(); f != nil {
		if o := f.Origin(); o != nil {
			f = o
		}
		if obj, ok := f.Object().(*types.Func); ok {
			return obj
		}
	}
	return nil
}

// ImportsAny reports whether pkg imports, directly, one of paths.
func ImportsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		p := PkgPath(imp)
		for _, want := range paths {
			if p == want {
				return true
			}
		}
	}
	return false
}

// Varargs returns the values a call packs into its variadic parameter,
// given that argument (a slice of an array the call site allocates and
// fills), or nil when v is not such a slice.
func Varargs(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	if _, ok := sl.X.(*ssa.Alloc); !ok {
		return nil
	}
	var out []ssa.Value
	for _, r := range *sl.X.Referrers() {
		ia, ok := r.(*ssa.IndexAddr)
		if !ok || ia.Referrers() == nil {
			continue
		}
		for _, rr := range *ia.Referrers() {
			if s, ok := rr.(*ssa.Store); ok && s.Addr == ssa.Value(ia) {
				out = append(out, s.Val)
			}
		}
	}
	return out
}

// ArgOffset returns the index in c.Args of the callee's first parameter:
// 1 for a static call of a method (Args[0] is the receiver), 0 for an
// interface call, a function, or a bound method value (x.M).
func ArgOffset(c *ssa.CallCommon, callee *types.Func) int {
	sig, ok := callee.Type().(*types.Signature)
	if !ok {
		return 0
	}
	if n := len(c.Args) - sig.Params().Len(); n > 0 {
		return n
	}
	return 0
}

// Calls yields the call instructions (not go or defer statements) of fns,
// block by block.
func Calls(fns ...*ssa.Function) iter.Seq[*ssa.Call] {
	return func(yield func(*ssa.Call) bool) {
		for _, fn := range fns {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if call, ok := instr.(*ssa.Call); ok && !yield(call) {
						return
					}
				}
			}
		}
	}
}

// FuncName names fn for messages: Type.Method or Func, and "a function
// literal in F" for a literal nested in F (SSA's F$1 names mean nothing to
// a reader).
func FuncName(fn *ssa.Function) string {
	lit := fn.Parent() != nil
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	n := fn.Name()
	if recv := fn.Signature.Recv(); recv != nil {
		n = RecvName(recv.Type()) + "." + n
	}
	if lit {
		return "a function literal in " + n
	}
	return n
}
