package strandedgoroutine

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Goroutines that never return, across packages: a library's exported
// function that starts a goroutine whose only way out is the context
// parameter being done (`func (w *Watcher) Start(ctx) { go w.loop(ctx) }`,
// or through a function of its package it calls) gets a foreverFact; an importer that calls it on recurring code with a
// context that is never done (context.Background(), a reconciler's) is
// reported at the call, as a go statement of its own would be.

// foreverFact marks an exported function whose goroutine runs until its
// context argument Param (counted without the receiver) is done.
type foreverFact struct {
	Param int
}

func (*foreverFact) AFact() {}
func (f *foreverFact) String() string {
	return fmt.Sprintf("forever(param %d)", f.Param)
}

// foreverSummary returns the fact of an exported function, or nil: one of
// its own go statements, or one of a function of the package it calls
// (to maxForeverDepth calls down), not behind a check of kept state,
// starts a goroutine that can only return once a context parameter is
// done (`func (w *Watcher) Start(ctx) { w.run(ctx) }` with `run`
// starting the loop).
func (st *state) foreverSummary(fn *ssa.Function) *foreverFact {
	obj := fn.Object()
	if fn.Parent() != nil || obj == nil || !obj.Exported() {
		return nil
	}
	if st.freq.Of(fn)&recurring != 0 {
		return nil // called back per event or reconcile: its starts are reported here
	}
	first := 0
	if fn.Signature.Recv() != nil {
		first = 1
	}
	for i := first; i < len(fn.Params); i++ {
		if st.startsForever(fn, fn.Params[i], 0) {
			return &foreverFact{Param: i - first}
		}
	}
	return nil
}

// startsKey memoises startsForever: a parameter, at a depth.
type startsKey struct {
	p     *ssa.Parameter
	depth int
}

// startsForever reports whether fn, in a go statement of its own or
// through a call of a function of its package handed p (to depth
// maxForeverDepth), starts a goroutine that can only return once its
// context parameter p is done; starts and calls behind a check of kept
// state, or decided by another parameter (which the importer's argument
// may turn off), do not count. Memoised per parameter and depth.
func (st *state) startsForever(fn *ssa.Function, p *ssa.Parameter, depth int) bool {
	if !match.IsNamed(p.Type(), "context", "Context") {
		return false
	}
	k := startsKey{p, depth}
	if r, ok := st.startsMemo[k]; ok {
		return r
	}
	r := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch c := instr.(type) {
			case *ssa.Go:
				r = !st.startGuarded(fn, c) && !paramDecided(c, p) && st.runsUntil(c, p)
			case *ssa.Call:
				r = depth < maxForeverDepth && st.callStartsForever(fn, c, p, depth) && !paramDecided(c, p)
			}
			if r {
				st.startsMemo[k] = true
				return true
			}
		}
	}
	st.startsMemo[k] = false
	return false
}

// callStartsForever reports whether the call c in fn hands p (or a
// context done exactly when it is) to a named function of the package
// that starts a never-returning goroutine on it.
func (st *state) callStartsForever(fn *ssa.Function, c *ssa.Call, p *ssa.Parameter, depth int) bool {
	callee := c.Call.StaticCallee()
	if callee == nil || callee.Parent() != nil || callee.Package() != fn.Package() || len(callee.Blocks) == 0 || len(c.Call.Args) != len(callee.Params) {
		return false
	}
	for j, a := range c.Call.Args {
		if derivesFrom(a, p, 0) && st.startsForever(callee, callee.Params[j], depth+1) {
			return !st.startGuarded(fn, c)
		}
	}
	return false
}

// paramDecided reports whether a branch on the way to instr tests a
// parameter of its function other than the context p: an argument
// (`if follow { go ... }`, `if o.Follow()`) or the receiver's state or
// configuration (`if r.period > 0`), which the importer sets.
func paramDecided(instr ssa.Instruction, p *ssa.Parameter) bool {
	fn := instr.Parent()
	b := instr.Block()
	for d := b.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || loopHeader(d) || !d.Succs[0].Dominates(b) && !d.Succs[1].Dominates(b) {
			continue // a loop's test, or a check whose branches join before instr
		}
		if readsParam(iff.Cond, fn, p, map[ssa.Value]bool{}) {
			return true
		}
	}
	return false
}

// readsParam reports whether v is computed from a parameter of fn other
// than p (a walk too long to finish says yes).
func readsParam(v ssa.Value, fn *ssa.Function, p *ssa.Parameter, seen map[ssa.Value]bool) bool {
	if seen[v] {
		return false
	}
	if len(seen) > 64 {
		return true
	}
	seen[v] = true
	if q, ok := v.(*ssa.Parameter); ok {
		return q != p && q.Parent() == fn
	}
	instr, ok := v.(ssa.Instruction)
	if !ok {
		return false
	}
	for _, op := range instr.Operands(nil) {
		if *op != nil && readsParam(*op, fn, p, seen) {
			return true
		}
	}
	return false
}

// runsUntil reports whether the goroutine g starts can only return once
// the context parameter p is done.
func (st *state) runsUntil(g *ssa.Go, p *ssa.Parameter) bool {
	if callee := match.CalleeObject(&g.Call); callee != nil && callee.Pkg() != st.pass.Pkg {
		for _, u := range apis.UntilStopped {
			if match.Is(callee, u.Func) && u.Arg < len(g.Call.Args) && derivesFrom(g.Call.Args[u.Arg], p, 0) {
				return true // go wait.UntilWithContext(ctx, ...)
			}
		}
		return false
	}
	gf, bindings := goroutineFunc(g)
	if gf == nil || len(gf.Blocks) == 0 {
		return false
	}
	dead := make(map[ssa.Value]string)
	for inner, outer := range bindings {
		if derivesFrom(outer, p, 0) && !storedIn(gf, inner) {
			dead[inner] = "the context"
		}
	}
	if len(dead) == 0 {
		return false
	}
	w, _, ok := (&forever{st: st, dead: dead, pkg: st.pass.Pkg}).never(gf, 0)
	return ok && w != nil
}

// derivesFrom reports whether v is the parameter p, or a context derived
// from it that is done exactly when it is (values and loggers added), or
// a variable holding one.
func derivesFrom(v ssa.Value, p *ssa.Parameter, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		return v == p
	case *ssa.MakeInterface:
		return derivesFrom(v.X, p, depth+1)
	case *ssa.ChangeType:
		return derivesFrom(v.X, p, depth+1)
	case *ssa.Alloc:
		stored := storedOnce(v)
		return stored != nil && derivesFrom(stored, p, depth+1)
	case *ssa.Call:
		callee := match.CalleeObject(v.Common())
		for _, w := range apis.ContextWrappers {
			if callee != nil && match.Is(callee, w.Func) && w.Arg < len(v.Call.Args) {
				return derivesFrom(v.Call.Args[w.Arg], p, depth+1)
			}
		}
	}
	return false
}

// checkForeverCalls reports calls, on recurring code, of another
// package's function with a foreverFact, given a context that is never
// done: one more goroutine runs for ever each time.
func (st *state) checkForeverCalls(fn *ssa.Function) {
	for c := range match.Calls(fn) {
		callee := match.CalleeObject(c.Common())
		if callee == nil || callee.Pkg() == nil || callee.Pkg() == st.pass.Pkg || c.Call.IsInvoke() {
			continue
		}
		var f foreverFact
		if !st.pass.ImportObjectFact(callee, &f) {
			continue
		}
		at, why := st.recurringAt(c)
		if at == 0 || st.startGuarded(fn, c) {
			continue
		}
		args := c.Call.Args
		if c.Call.Signature().Recv() != nil && len(args) > 0 {
			args = args[1:]
		}
		if f.Param >= len(args) {
			continue
		}
		what := st.neverDone(args[f.Param], 0)
		if what == "" {
			continue
		}
		if why != "" {
			why = " (" + why + ")"
		}
		d := analysis.Diagnostic{Pos: c.Pos(), Message: fmt.Sprintf("%s, called %s, starts a goroutine that never returns: its only way out is %s being done, %s; one more goroutine runs for ever each time%s; give it a context that is cancelled when its work is over",
			methodName(callee), at.Main(), what, whenDone(what), why)}
		if callee.Pos().IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: callee.Pos(), Message: "the function that starts the goroutine"}}
		}
		st.rep.Report(d)
	}
}

// methodName names a function pkg.F, or a method pkg.T.M.
func methodName(f *types.Func) string {
	if sig, ok := f.Type().(*types.Signature); ok && sig.Recv() != nil {
		if r := match.RecvName(sig.Recv().Type()); r != "" && f.Pkg() != nil {
			return f.Pkg().Name() + "." + r + "." + f.Name()
		}
	}
	return shortName(f)
}
