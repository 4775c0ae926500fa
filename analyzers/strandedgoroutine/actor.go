package strandedgoroutine

import (
	"fmt"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
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
		if !ok || loop == nil || !started[loop] || !loopReturns(st, loop) {
			continue
		}
		for _, op := range ff.ops {
			s, isSend := op.instr.(*ssa.Send)
			if !isSend || s.Parent() == loop || within(s.Parent(), loop) || runsOnce(s.Parent()) {
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
	for _, fn := range st.fns {
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

// loopReturns reports whether a return of fn is reached from inside one of
// its loops: the loop can end.
func loopReturns(st *state, fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		if !st.loops.In(b) {
			continue
		}
		for _, s := range b.Succs {
			if !st.loops.In(s) {
				return true
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
