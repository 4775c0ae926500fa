package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A wake-up channel primed before its receiver runs: a channel field of a
// buffer of one (a "kick": any number of wake-ups fold into one), a plain
// send on it in a function that starts the channel's only receivers after
// the send, and another sender elsewhere in the package (a handler's
// kick). When the other send came first, the buffer is full, nobody can
// empty it, and the send blocks for ever: the function never returns and
// the receiver it was about to start never starts (cockroach 24808:
// Compactor.Start). The idiom is a non-blocking send:
//
//	select {
//	case c.kick <- struct{}{}:
//	default:
//	}
//
// The send must be on an object the function did not make (a fresh one
// cannot have been kicked yet), every receive of the field must be in a
// function literal that the function makes after the send (or a named,
// unexported function it alone starts or calls, after the send), and the
// other sender must be outside both.

// checkPrimed reports such sends.
func (st *state) checkPrimed(d *deadScan) {
	starts := make(map[[2]*ssa.Function]ssa.Instruction) // startOf, memoised
	for f, ff := range sortedFields(d.fields) {
		if ff.kind != kindChan || ff.escaped || ff.unsized || !ff.made.IsValid() || ff.size != 1 {
			continue
		}
		var recvFns []*ssa.Function
		var sends []chanOp
		for _, op := range ff.ops {
			switch {
			case !op.send:
				if fn := op.instr.Parent(); !slices.Contains(recvFns, fn) {
					recvFns = append(recvFns, fn)
				}
			case isSendOp(op.instr):
				sends = append(sends, op)
			}
		}
		if len(recvFns) == 0 || len(sends) < 2 {
			continue
		}
		for _, op := range sends {
			s, ok := op.instr.(*ssa.Send)
			if !ok {
				continue
			}
			fn := s.Parent()
			if runsOnce(fn) || st.rep.IsTestFile(fn.Pos()) || madeIn(op.base, fn) {
				continue
			}
			start := st.startsAfter(fn, s, recvFns, starts)
			if start == nil {
				continue
			}
			other := otherSender(sends, fn, recvFns, st)
			if other == nil {
				continue
			}
			st.rep.Report(analysis.Diagnostic{
				Pos: s.Pos(),
				Message: fmt.Sprintf("send on %s can block for ever: %s sends before it starts the channel's only receiver, and another send (line %d) may have filled its buffer of one; then %s never returns and the receiver never starts; send with select and default, or start the receiver first",
					st.fieldName(f), fn.Name(), st.pass.Fset.Position(other.Pos()).Line, fn.Name()),
				Related: []analysis.RelatedInformation{
					{Pos: other.Pos(), Message: "this send can fill the buffer while no receiver runs"},
					{Pos: startPos(start), Message: "the receiver starts here, after the send"},
					{Pos: ff.made, Message: "made with a buffer of one here"},
				},
			})
		}
	}
}

// isSendOp reports whether instr sends (a plain send or a select; not a
// close).
func isSendOp(instr ssa.Instruction) bool {
	switch instr.(type) {
	case *ssa.Send, *ssa.Select:
		return true
	}
	return false
}

// madeIn reports whether base is an object fn makes (or loads from the
// variable it made it into).
func madeIn(base ssa.Value, fn *ssa.Function) bool {
	if base == nil {
		return true // unknown: stay silent
	}
	if u, ok := base.(*ssa.UnOp); ok && u.Op == token.MUL {
		base = u.X
	}
	if a, ok := base.(*ssa.Alloc); ok {
		if _, cell := a.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Pointer); cell {
			base = storedValue(a) // the variable holding the object
		}
	}
	a, ok := base.(*ssa.Alloc)
	return ok && a.Parent() == fn
}

// otherSender returns a send of the field outside fn and the receivers'
// functions (the literals within them, and the functions they call, which
// may run only once a receiver runs), not in a test file.
func otherSender(sends []chanOp, fn *ssa.Function, recvFns []*ssa.Function, st *state) ssa.Instruction {
	after := calledFrom(recvFns, 3)
	for _, op := range sends {
		g := op.instr.Parent()
		if g == fn || after[g] || st.rep.IsTestFile(g.Pos()) {
			continue
		}
		inside := false
		for _, r := range recvFns {
			if within(g, r) {
				inside = true
			}
		}
		if !inside {
			return op.instr
		}
	}
	return nil
}

// calledFrom returns roots and the functions they call statically, to
// the given depth.
func calledFrom(roots []*ssa.Function, depth int) map[*ssa.Function]bool {
	out := make(map[*ssa.Function]bool)
	level := roots
	for d := 0; d <= depth && len(level) > 0; d++ {
		var next []*ssa.Function
		for _, fn := range level {
			if out[fn] {
				continue
			}
			out[fn] = true
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if c, ok := instr.(ssa.CallInstruction); ok {
						if callee := c.Common().StaticCallee(); callee != nil && callee.Pkg == fn.Pkg {
							next = append(next, callee)
						}
					}
				}
			}
		}
		level = next
	}
	return out
}

// startsAfter returns the instruction of fn after which the receivers
// can run, when all of them start there, after the send and never before
// it: a function literal of fn made after the send, or an unexported
// named function that only fn calls or starts, after the send.
func (st *state) startsAfter(fn *ssa.Function, s *ssa.Send, recvFns []*ssa.Function, memo map[[2]*ssa.Function]ssa.Instruction) ssa.Instruction {
	var first ssa.Instruction
	for _, r := range recvFns {
		k := [2]*ssa.Function{fn, r}
		p, done := memo[k]
		if !done {
			p = st.startOf(fn, r)
			memo[k] = p
		}
		if p == nil || !instrBefore(s, p) || instrBefore(p, s) {
			return nil
		}
		if first == nil {
			first = p
		}
	}
	return first
}

// startOf returns the one instruction of fn that makes the literal
// holding r, or calls or starts the named function r.
func (st *state) startOf(fn, r *ssa.Function) ssa.Instruction {
	lit := r
	for d := 0; lit.Parent() != nil && lit.Parent() != fn; d++ {
		if d > 3 {
			return nil
		}
		lit = lit.Parent()
	}
	if lit.Parent() == fn {
		return literalMade(fn, lit)
	}
	if r.Parent() != nil || r.Object() == nil || r.Object().Exported() {
		return nil
	}
	var at ssa.Instruction
	for _, g := range st.all {
		for _, b := range g.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					if *op == nil || !refersTo(*op, r) {
						continue
					}
					c, ok := instr.(ssa.CallInstruction)
					if !ok || g != fn || c.Common().Value != *op || at != nil {
						return nil // called elsewhere, twice, or a value
					}
					at = instr
				}
			}
		}
	}
	return at
}

// refersTo reports whether v is the function r, or a closure or bound
// method of it.
func refersTo(v ssa.Value, r *ssa.Function) bool {
	switch v := v.(type) {
	case *ssa.Function:
		return v == r
	case *ssa.MakeClosure:
		return v.Fn == ssa.Value(r)
	}
	return false
}

// literalMade returns the one instruction of fn that makes the literal
// lit: its MakeClosure, or the one instruction using it when it captures
// nothing.
func literalMade(fn, lit *ssa.Function) ssa.Instruction {
	var at ssa.Instruction
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok {
				if mc.Fn == ssa.Value(lit) {
					if at != nil {
						return nil
					}
					at = instr
				}
				continue
			}
			for _, op := range instr.Operands(nil) {
				if *op == ssa.Value(lit) {
					if at != nil {
						return nil
					}
					at = instr
				}
			}
		}
	}
	return at
}

// instrBefore reports whether a path leads from a to b.
func instrBefore(a, b ssa.Instruction) bool {
	if a.Block() == b.Block() {
		ia, ib := slices.Index(a.Block().Instrs, a), slices.Index(b.Block().Instrs, b)
		if ia < ib {
			return true
		}
		return reaches(a.Block(), a.Block())
	}
	return reaches(a.Block(), b.Block())
}

// startPos is where a start instruction is: a closure's, at the call or
// go statement that uses it.
func startPos(instr ssa.Instruction) token.Pos {
	if mc, ok := instr.(*ssa.MakeClosure); ok {
		for _, r := range refs(mc) {
			if r.Pos().IsValid() {
				return r.Pos()
			}
		}
		return mc.Fn.Pos()
	}
	return instr.Pos()
}
