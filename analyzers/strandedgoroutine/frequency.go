package strandedgoroutine

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// How often code runs decides whether a stranded goroutine matters: one
// stranded once per process, at start or at shutdown, is harmless; one
// stranded per request, per reconcile, per connection or per call piles
// up. This file is the analyzer's own answer until the project's shared
// frequency stage lands; everything asks through runsOnce.

// runsOnce reports whether fn runs at most once per process: main.main,
// an init function, a function literal of one of them that is only
// called or started there (not a handler handed to a server, which runs
// per request), or a literal run through a package-level sync.Once.
func runsOnce(fn *ssa.Function) bool {
	for depth := 0; fn.Parent() != nil; depth++ {
		if onceInProcess(fn) {
			return true
		}
		if depth > 8 || !onlyRunInPlace(fn) {
			return false
		}
		fn = fn.Parent()
	}
	if fn.Pkg == nil {
		return false
	}
	n := fn.Name()
	return n == "init" || strings.HasPrefix(n, "init#") || (n == "main" && fn.Pkg.Pkg.Name() == "main")
}

// onlyRunInPlace reports whether the literal fn is only called, deferred
// or started by its parent, never stored or passed on.
func onlyRunInPlace(fn *ssa.Function) bool {
	var v ssa.Value = fn
	for _, r := range refs(fn) {
		if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) {
			v = mc
		}
	}
	for _, r := range refs(v) {
		switch u := r.(type) {
		case ssa.CallInstruction:
			if u.Common().Value != v {
				return false
			}
			for _, a := range u.Common().Args {
				if a == v {
					return false
				}
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// onceInProcess reports whether the literal fn only runs through a
// package-level once: passed to Do of a sync.Once that is a package
// variable (or a field of one), or to sync.OnceFunc (OnceValue,
// OnceValues) whose result goes straight into a package variable.
func onceInProcess(fn *ssa.Function) bool {
	var v ssa.Value = fn
	for _, r := range refs(fn) {
		if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) {
			v = mc
		}
	}
	rs := refs(v)
	if len(rs) == 0 {
		return false
	}
	for _, r := range rs {
		call, ok := r.(*ssa.Call)
		if !ok || call.Call.Value == v {
			return false
		}
		callee := match.CalleeObject(call.Common())
		switch {
		case callee == nil:
			return false
		case match.Is(callee, apis.OnceDo):
			if len(call.Call.Args) != 2 || call.Call.Args[1] != v || !packageLevel(call.Call.Args[0]) {
				return false
			}
		case match.IsAny(callee, apis.OnceWrappers):
			// kept in a package variable by its initialiser: a
			// function that runs again would make a new once
			for _, u := range refs(call) {
				if st, ok := u.(*ssa.Store); !ok || st.Val != ssa.Value(call) || !packageLevel(st.Addr) || !isInit(st.Parent()) {
					return false
				}
			}
			if len(refs(call)) == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// packageLevel reports whether the address v is a package variable or a
// field of one.
func packageLevel(v ssa.Value) bool {
	for range 8 {
		switch x := v.(type) {
		case *ssa.Global:
			return true
		case *ssa.FieldAddr:
			v = x.X
		default:
			return false
		}
	}
	return false
}

// isInit reports whether fn is a package's init function (where package
// variables' initialisers run).
func isInit(fn *ssa.Function) bool {
	return fn.Parent() == nil && (fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#"))
}
