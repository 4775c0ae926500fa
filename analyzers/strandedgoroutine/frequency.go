package strandedgoroutine

import (
	"golang.org/x/tools/go/ssa"
)

// How often code runs decides whether a stranded goroutine matters: one
// stranded once per process, at start or at shutdown, is harmless; one
// stranded per request, per reconcile, per connection or per call piles
// up. The model's frequency stage answers: once is main, init, what only
// they run (in place, or through a package-level sync.Once), and not what
// they hand on to code that may call it at any time.

// runsOnce reports whether fn runs at most once per process.
func (st *state) runsOnce(fn *ssa.Function) bool {
	return st.freq.Of(fn).OnlyOnce()
}

// onceAt reports whether instr runs at most once per process: its
// function does, and no long-running loop around it repeats it (an accept
// loop in main starts a goroutine per connection).
func (st *state) onceAt(instr ssa.Instruction) bool {
	return st.freq.At(instr).OnlyOnce()
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
