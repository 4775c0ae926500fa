package strandedgoroutine

import (
	"strings"

	"golang.org/x/tools/go/ssa"
)

// How often code runs decides whether a stranded goroutine matters: one
// stranded once per process, at start or at shutdown, is harmless; one
// stranded per request, per reconcile, per connection or per call piles
// up. This file is the analyzer's own answer until the project's shared
// frequency stage lands; everything asks through runsOnce.

// runsOnce reports whether fn runs at most once per process: main.main,
// an init function, or a function literal of one of them that is only
// called or started there (not a handler handed to a server, which runs
// per request).
func runsOnce(fn *ssa.Function) bool {
	for depth := 0; fn.Parent() != nil; depth++ {
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
