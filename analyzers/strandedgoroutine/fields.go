package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// fieldUse is one use of a channel field.
type fieldUse struct {
	fn   *ssa.Function
	pos  token.Pos
	base ssa.Value // the object whose field it is (for a close)
}

// checkFieldChannels finds controller-runtime's shape: a channel field
// closed only by a goroutine that one function starts after an error
// return, and waited on (blocking) by code that the starting function does
// not itself lead to, so that the early return strands the waiter.
func (st *state) checkFieldChannels() {
	closes := make(map[*types.Var][]fieldUse)
	waitsOn := make(map[*types.Var][]fieldUse)
	other := make(map[*types.Var]bool)
	for _, fn := range st.fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				l, ok := instr.(*ssa.UnOp)
				if !ok || l.Op != token.MUL {
					continue
				}
				fa, ok := l.X.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				f := fieldOf(fa)
				if f == nil || f.Pkg() != st.pass.Pkg {
					continue
				}
				if _, isChan := f.Type().Underlying().(*types.Chan); !isChan {
					continue
				}
				for _, r := range refs(l) {
					switch u := r.(type) {
					case *ssa.UnOp:
						if u.Op == token.ARROW {
							waitsOn[f] = append(waitsOn[f], fieldUse{fn: fn, pos: u.Pos()})
						} else {
							other[f] = true
						}
					case *ssa.Call:
						if bi, ok := u.Call.Value.(*ssa.Builtin); ok && bi.Name() == "close" {
							closes[f] = append(closes[f], fieldUse{fn, u.Pos(), fa.X})
						} else if !ok || (bi.Name() != "len" && bi.Name() != "cap") {
							other[f] = true
						}
					case *ssa.Select:
						// a select: a wait only if it is its single case
						if u.Blocking && len(u.States) == 1 {
							waitsOn[f] = append(waitsOn[f], fieldUse{fn: fn, pos: u.States[0].Pos})
						}
					case *ssa.DebugRef, *ssa.BinOp:
					default:
						other[f] = true // handed on: we cannot see all closes
					}
				}
			}
		}
	}
	for f, cs := range closes {
		if other[f] || len(waitsOn[f]) == 0 {
			continue
		}
		st.checkField(f, cs, waitsOn[f])
	}
}

func fieldOf(fa *ssa.FieldAddr) *types.Var {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	return s.Field(fa.Field)
}

func (st *state) checkField(f *types.Var, closes, waits []fieldUse) {
	// Every close runs in a goroutine started by the same function.
	var starter *ssa.Function
	var goInstr *ssa.Go
	for _, c := range closes {
		g := c.fn
		if g.Parent() == nil {
			return // closed outside a goroutine literal
		}
		parent := g.Parent()
		gi := goOf(parent, g)
		if gi == nil || (starter != nil && parent != starter) {
			return
		}
		starter, goInstr = parent, gi
	}
	if starter == nil {
		return
	}
	ret := errorReturnBefore(starter, goInstr)
	if ret == nil {
		return
	}
	for _, c := range closes {
		if objs := madeBy(starter, goInstr, c); len(objs) > 0 && !returnsAny(ret, objs) {
			// a constructor (grpc's NewServerTransport): the object
			// is made here and dropped on the early return, so no
			// waiter can ever hold it
			return
		}
	}
	ancestors := st.ancestors(starter)
	for _, w := range waits {
		if w.fn.Parent() == starter || w.fn == starter || st.rep.IsTestFile(w.pos) {
			continue // the starter's own paths
		}
		if !deferredOrStop(w.fn) {
			// a plain Wait method: its callers may call it only after a
			// successful start
			continue
		}
		// the wait must not be reached from the starter itself, and must
		// not be in the closing goroutine
		if ancestorsOf(st, w.fn)[starter] || ancestors[w.fn] {
			continue
		}
		st.rep.Report(analysis.Diagnostic{
			Pos: w.pos,
			Message: fmt.Sprintf("receive from %s can block for ever: only the goroutine that %s starts closes it, and %s can return before starting it (line %d); "+
				"then this wait, and everything deferred or waiting after it, never ends; start the closer (or build what can fail) before the wait is set up, or close the channel on that path",
				f.Name(), funcName(starter), funcName(starter), st.pass.Fset.Position(ret.Pos()).Line),
			Related: []analysis.RelatedInformation{
				{Pos: ret.Pos(), Message: "returns here without starting the goroutine that closes " + f.Name()},
				{Pos: closes[0].pos, Message: "the only close"},
			},
		})
	}
}

// madeBy returns the objects that the object closed in c can be, when
// they are all allocated by starter and captured by the goroutine that
// goInstr starts; else nil.
func madeBy(starter *ssa.Function, goInstr *ssa.Go, c fieldUse) []ssa.Value {
	mc, ok := goInstr.Call.Value.(*ssa.MakeClosure)
	if !ok {
		return nil
	}
	binding := func(v ssa.Value) ssa.Value {
		fv, ok := v.(*ssa.FreeVar)
		if !ok {
			return nil
		}
		for i, f := range c.fn.FreeVars {
			if f == fv && i < len(mc.Bindings) {
				return mc.Bindings[i]
			}
		}
		return nil
	}
	switch base := c.base.(type) {
	case *ssa.FreeVar:
		// the object itself is captured
		if a, ok := binding(base).(*ssa.Alloc); ok && a.Parent() == starter && isStructPtr(a.Type()) {
			return []ssa.Value{a}
		}
	case *ssa.UnOp:
		// a variable holding the object is captured: every value
		// stored into it must be an object made here
		cell, ok := binding(base.X).(*ssa.Alloc)
		if base.Op != token.MUL || !ok {
			return nil
		}
		var objs []ssa.Value
		for _, r := range refs(cell) {
			switch r := r.(type) {
			case *ssa.Store:
				a, ok := r.Val.(*ssa.Alloc)
				if r.Addr != ssa.Value(cell) || !ok || a.Parent() != starter || !isStructPtr(a.Type()) {
					return nil
				}
				objs = append(objs, a, cell)
			case *ssa.UnOp, *ssa.MakeClosure, *ssa.DebugRef:
			default:
				return nil
			}
		}
		return objs
	}
	return nil
}

func isStructPtr(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	_, ok = p.Elem().Underlying().(*types.Struct)
	return ok
}

// returnsAny reports whether ret returns one of objs (or a load of a
// variable among them, or a conversion of one).
func returnsAny(ret *ssa.Return, objs []ssa.Value) bool {
	for _, r := range ret.Results {
		for v, n := r, 0; v != nil && n < 4; n++ {
			if slices.Contains(objs, v) {
				return true
			}
			switch x := v.(type) {
			case *ssa.MakeInterface:
				v = x.X
			case *ssa.ChangeType:
				v = x.X
			case *ssa.UnOp:
				v = x.X
			default:
				v = nil
			}
		}
	}
	return false
}

// goOf returns the go statement in parent that starts the literal g.
func goOf(parent, g *ssa.Function) *ssa.Go {
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			gi, ok := instr.(*ssa.Go)
			if !ok {
				continue
			}
			if mc, ok := gi.Call.Value.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(g) {
				return gi
			}
		}
	}
	return nil
}

// errorReturnBefore returns a return of fn, reachable from its entry
// without passing the go statement, that returns a non-nil error.
func errorReturnBefore(fn *ssa.Function, gi *ssa.Go) *ssa.Return {
	res := fn.Signature.Results()
	if res.Len() == 0 || !types.Identical(res.At(res.Len()-1).Type(), errorType) {
		return nil
	}
	seen := make(map[*ssa.BasicBlock]bool)
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		passes := false
		for _, instr := range b.Instrs {
			if instr == ssa.Instruction(gi) {
				passes = true
				break
			}
			if r, ok := instr.(*ssa.Return); ok {
				if c, ok := r.Results[len(r.Results)-1].(*ssa.Const); ok && c.IsNil() {
					continue
				}
				if r.Pos().IsValid() && afterFailedCall(r.Block()) {
					return r
				}
			}
		}
		if !passes {
			work = append(work, b.Succs...)
		}
	}
	return nil
}

// ancestors returns the functions of the package from which fn is
// reached (callers, and the functions that make its literals), fn
// included.
func (st *state) ancestors(fn *ssa.Function) map[*ssa.Function]bool {
	return ancestorsOf(st, fn)
}

func ancestorsOf(st *state, fn *ssa.Function) map[*ssa.Function]bool {
	seen := map[*ssa.Function]bool{}
	work := []*ssa.Function{fn}
	for len(work) > 0 && len(seen) < 512 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[f] {
			continue
		}
		seen[f] = true
		if f.Parent() != nil {
			work = append(work, f.Parent())
		}
		work = append(work, st.callersOf(f)...)
	}
	return seen
}

// callersOf returns the functions of the package that call fn
// statically, each once (the run's shared call graph, lazyssa.Calls).
func (st *state) callersOf(fn *ssa.Function) []*ssa.Function { return st.calls.Callers(fn) }

// deferredOrStop reports whether fn is a deferred function literal, or a
// stop routine (Stop, Shutdown, Close...): code that runs on the way out,
// whatever happened before.
func deferredOrStop(fn *ssa.Function) bool {
	if parent := fn.Parent(); parent != nil {
		for _, b := range parent.Blocks {
			for _, instr := range b.Instrs {
				d, ok := instr.(*ssa.Defer)
				if !ok {
					continue
				}
				if mc, ok := d.Call.Value.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) {
					return true
				}
			}
		}
		return false
	}
	for _, p := range []string{"Stop", "stop", "Shutdown", "shutdown", "Close", "close", "engageStop", "Teardown", "teardown"} {
		if strings.HasPrefix(fn.Name(), p) {
			return true
		}
	}
	return false
}

// afterFailedCall reports whether block b runs because a call failed:
// it is dominated by the true branch of `err != nil` on an error that a
// call returned.
func afterFailedCall(b *ssa.BasicBlock) bool {
	return underTrueBranch(b, func(iff *ssa.If) bool {
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.NEQ {
			return false
		}
		switch x := cmp.X.(type) {
		case *ssa.Extract:
			_, ok := x.Tuple.(*ssa.Call)
			return ok
		case *ssa.Call:
			return true
		}
		return false
	})
}
