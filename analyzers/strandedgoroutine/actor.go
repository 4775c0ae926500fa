package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// A request sent to a loop goroutine that may have returned: the only
// receiver of an unbuffered channel field is a select in the loop of one
// goroutine, which also returns (on a stop channel, a context); a plain
// send on the field elsewhere then blocks for ever once the loop is gone,
// once per call made after the stop.

func (st *state) checkActors(d *deadScan) {
	started := st.goroutineBodies()
	for f, ff := range sortedFields(d.fields) {
		if ff.kind != kindChan || ff.escaped || ff.buffered || len(ff.accessor) > 0 {
			continue
		}
		var loop *ssa.Function
		var recv *ssa.Select
		ok := true
		for _, op := range ff.ops {
			if op.send {
				continue
			}
			sel, isSel := op.instr.(*ssa.Select)
			if !isSel || !st.loops.In(sel.Block()) || (loop != nil && sel.Parent() != loop) {
				ok = false
				break
			}
			loop, recv = sel.Parent(), sel
		}
		if !ok || loop == nil || !started[loop] || !st.loopReturnsOtherwise(loop, recv, ff) {
			continue
		}
		for _, op := range ff.ops {
			s, isSend := op.instr.(*ssa.Send)
			if !isSend || s.Parent() == loop || within(s.Parent(), loop) || st.runsOnce(s.Parent()) || startsBefore(s, loop) || st.testOnly(s.Parent()) {
				continue
			}
			st.rep.Report(analysis.Diagnostic{
				Pos: s.Pos(),
				Message: fmt.Sprintf("send on %s can block for ever: its only receiver is the loop of %s, which can return; after that every call blocks here; select on a done channel (closed when the loop returns) too",
					st.fieldName(f), funcName(loop)),
				Related: []analysis.RelatedInformation{{Pos: recv.Pos(), Message: "the only receive, in a loop that can return"}},
			})
			break
		}
	}
}

// goroutineBodies returns the functions the package starts with go.
func (st *state) goroutineBodies() map[*ssa.Function]bool {
	out := make(map[*ssa.Function]bool)
	for _, fn := range st.all {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if g, ok := instr.(*ssa.Go); ok {
					if gf, _ := goroutineFunc(g); gf != nil {
						out[gf] = true
						// go func() { x.run() }(): the body's only call
						if c := onlyCall(gf); c != nil {
							out[c] = true
						}
					}
				}
			}
		}
	}
	return out
}

// onlyCall returns the one static callee of a literal that does nothing
// else.
func onlyCall(fn *ssa.Function) *ssa.Function {
	if fn.Parent() == nil {
		return nil
	}
	var callee *ssa.Function
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				if callee != nil {
					return nil
				}
				callee = c.Call.StaticCallee()
			}
		}
	}
	return callee
}

// loopReturnsOtherwise reports whether the loop of fn can end other than
// right after receiving from the field itself (a stop request answered
// by the loop is received before it returns).
func (st *state) loopReturnsOtherwise(fn *ssa.Function, sel *ssa.Select, ff *fieldFacts) bool {
	own := -1
	for i, s := range sel.States {
		if f := fieldOfLoad(s.Chan); s.Dir == types.RecvOnly && f != nil && st.dead.fields[f] == ff {
			own = i
		}
	}
	// the returns reached from the select
	reach := reachedFrom(fn, []ssa.Instruction{sel})
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || !reach(r) {
			continue
		}
		if own >= 0 && underTrueBranch(b, func(iff *ssa.If) bool { return isCase(iff, sel, own) }) {
			continue
		}
		return true
	}
	return false
}

// isCase reports whether an if tests that select sel took case i.
func isCase(iff *ssa.If, sel *ssa.Select, i int) bool {
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.EQL {
		return false
	}
	ex, ok := cmp.X.(*ssa.Extract)
	if !ok || ex.Index != 0 || ex.Tuple != ssa.Value(sel) {
		return false
	}
	n, ok := resource.IntConst(cmp.Y)
	return ok && int(n) == i
}

// fieldOfLoad returns the field a value is loaded from.
func fieldOfLoad(v ssa.Value) *types.Var {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			if f := fieldOf(fa); f != nil {
				return f.Origin()
			}
		}
	}
	return nil
}

// startsBefore reports whether the sender's function starts the loop
// goroutine itself (directly, or through a call of a same-package
// function that does) before the send: the loop is running then.
func startsBefore(s *ssa.Send, loop *ssa.Function) bool {
	fn := s.Parent()
	starts := func(f *ssa.Function) bool {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				if g, ok := instr.(*ssa.Go); ok {
					if gf, _ := goroutineFunc(g); gf == loop || (gf != nil && onlyCall(gf) == loop) {
						return true
					}
				}
			}
		}
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var callee *ssa.Function
			switch in := instr.(type) {
			case *ssa.Go:
				if gf, _ := goroutineFunc(in); gf == loop || (gf != nil && onlyCall(gf) == loop) {
					if dominates(in, s) {
						return true
					}
				}
			case *ssa.Call:
				callee = in.Call.StaticCallee()
				if callee != nil && callee.Pkg == fn.Pkg && starts(callee) && dominates(in, s) {
					return true
				}
			}
		}
	}
	return false
}

func within(fn, outer *ssa.Function) bool {
	for p := fn.Parent(); p != nil; p = p.Parent() {
		if p == outer {
			return true
		}
	}
	return false
}

// testOnly reports whether fn, an unexported function or method, is
// called only from test files, or not at all, and never used as a value:
// a helper for the tests that production code never runs (calico's
// ipamController pause, "for testing purposes only").
func (st *state) testOnly(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Object() == nil || fn.Object().Exported() {
		return false
	}
	if v, ok := st.testOnlyMemo[fn]; ok {
		return v
	}
	if st.testOnlyMemo == nil {
		st.testOnlyMemo = make(map[*ssa.Function]bool)
	}
	v := st.testOnlyScan(fn)
	st.testOnlyMemo[fn] = v
	return v
}

func (st *state) testOnlyScan(fn *ssa.Function) bool {
	for _, c := range st.callersOf(fn) {
		if !st.rep.IsTestFile(c.Pos()) {
			return false
		}
	}
	var ops []*ssa.Value
	for _, f := range st.fns {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				var callee ssa.Value
				if c, ok := instr.(ssa.CallInstruction); ok {
					callee = c.Common().Value
					if c.Common().IsInvoke() && c.Common().Method.Name() == fn.Name() && fn.Signature.Recv() != nil {
						return false // maybe called through an interface
					}
				}
				for _, op := range instr.Operands(ops[:0]) {
					if *op == ssa.Value(fn) && *op != callee {
						return false // a value: called from where we cannot see
					}
					if w, ok := (*op).(*ssa.Function); ok && w != fn && w.Synthetic != "" && w.Object() == fn.Object() {
						return false // a method value or expression (c.pause, (*T).pause): its wrapper calls fn
					}
				}
			}
		}
	}
	return true
}
