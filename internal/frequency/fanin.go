package frequency

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// A fan-in: a function makes a channel, starts senders, closes the channel
// once they are done (often from a goroutine that waits for them) and
// ranges over it. The loop ends with the work it gathers; it is not a
// long-running loop.
//
// The channel a loop receives from is rarely the MakeChan itself: a
// channel captured by a function literal lives in a heap cell, so the
// loop loads it (*t0) and the literals reach it through free variables,
// or get it as an argument. chanOrigin follows those back to the make.

// maxChanDepth bounds the steps chanOrigin follows (cells, free
// variables, literal parameters).
const maxChanDepth = 6

// boundedFanIn reports whether ch, received from in a loop of fn, is a
// channel made in this package's code that its maker (or a function
// literal inside it) closes, and that nothing sends on from inside a
// long-running loop (a relay that forwards a stream for ever closes its
// channel too, at the very end). depth bounds the nested classification
// of the senders' loops.
func boundedFanIn(ch ssa.Value, depth int) bool {
	mk := chanOrigin(ch, 0)
	if mk == nil || depth > 1 {
		return false
	}
	closed := false
	lits := withLiterals(mk.Parent())
	for _, f := range lits {
		for _, blk := range f.Blocks {
			for _, instr := range blk.Instrs {
				switch x := instr.(type) {
				case ssa.CallInstruction:
					c := x.Common()
					if isClose(c) && chanOrigin(c.Args[0], 0) == mk {
						closed = true
						continue
					}
					if !handsOn(c, mk, lits) {
						return false // senders we cannot see
					}
				case *ssa.Send:
					if chanOrigin(x.Chan, 0) == mk && inLongLoop(f, blk, depth+1) {
						return false
					}
					if isChan(x.X) && chanOrigin(x.X, 0) == mk {
						return false // sent to a receiver we cannot see
					}
				case *ssa.Store:
					// kept in a field or a global: senders we cannot see
					if _, cell := x.Addr.(*ssa.Alloc); !cell && isChan(x.Val) && chanOrigin(x.Val, 0) == mk {
						return false
					}
				}
			}
		}
	}
	return closed
}

// chanOrigin returns the MakeChan that the channel value v is, following
// conversions, heap cells with one make stored in them, free variables of
// function literals, and parameters of a literal called at one place; nil
// when it leads elsewhere (a field, a parameter of a declared function, a
// call's result).
func chanOrigin(v ssa.Value, depth int) *ssa.MakeChan {
	if depth > maxChanDepth {
		return nil
	}
	switch v := v.(type) {
	case *ssa.MakeChan:
		return v
	case *ssa.ChangeType:
		return chanOrigin(v.X, depth+1)
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		switch x := v.X.(type) {
		case *ssa.Alloc:
			return cellChan(x)
		case *ssa.FreeVar:
			if c, ok := binding(x).(*ssa.Alloc); ok {
				return cellChan(c)
			}
		}
	case *ssa.FreeVar:
		return chanOrigin(binding(v), depth+1)
	case *ssa.Parameter:
		return chanOrigin(literalArg(v), depth+1)
	}
	return nil
}

// cellChan returns the MakeChan stored in a variable's cell when it is
// the only value ever stored there.
func cellChan(c *ssa.Alloc) *ssa.MakeChan {
	var mk *ssa.MakeChan
	for _, r := range *c.Referrers() {
		s, ok := r.(*ssa.Store)
		if !ok || s.Addr != ssa.Value(c) {
			continue
		}
		m, ok := s.Val.(*ssa.MakeChan)
		if !ok || mk != nil {
			return nil
		}
		mk = m
	}
	return mk
}

// binding returns what the function literal's free variable is bound to
// where the literal is made, or nil.
func binding(fv *ssa.FreeVar) ssa.Value {
	lit := fv.Parent()
	parent := lit.Parent()
	if parent == nil {
		return nil
	}
	i := -1
	for j, f := range lit.FreeVars {
		if f == fv {
			i = j
		}
	}
	for _, blk := range parent.Blocks {
		for _, instr := range blk.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(lit) && i >= 0 && i < len(mc.Bindings) {
				return mc.Bindings[i]
			}
		}
	}
	return nil
}

// literalArg returns the argument a function literal's parameter gets at
// the one place the literal is called (go func(out chan<- T) {...}(ch)),
// or nil.
func literalArg(p *ssa.Parameter) ssa.Value {
	lit := p.Parent()
	parent := lit.Parent()
	if parent == nil {
		return nil
	}
	i := -1
	for j, q := range lit.Params {
		if q == p {
			i = j
		}
	}
	var arg ssa.Value
	for _, blk := range parent.Blocks {
		for _, instr := range blk.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			c := call.Common()
			callee := c.Value
			if mc, ok := callee.(*ssa.MakeClosure); ok {
				callee = mc.Fn
			}
			if callee != ssa.Value(lit) || c.IsInvoke() || i < 0 || i >= len(c.Args) {
				continue
			}
			if arg != nil {
				return nil // called at more than one place
			}
			arg = c.Args[i]
		}
	}
	return arg
}

// withLiterals returns fn and the function literals nested in it.
func withLiterals(fn *ssa.Function) []*ssa.Function {
	out := []*ssa.Function{fn}
	for i := 0; i < len(out) && i < maxLiterals; i++ {
		out = append(out, out[i].AnonFuncs...)
	}
	return out
}

// maxLiterals bounds the function literals searched for a fan-in's close
// and sends.
const maxLiterals = 64

// handsOn reports whether the call c keeps the channel mk among the
// code we search: it does not pass mk, or passes it to a builtin or to
// one of lits.
func handsOn(c *ssa.CallCommon, mk *ssa.MakeChan, lits []*ssa.Function) bool {
	if _, ok := c.Value.(*ssa.Builtin); ok {
		return true
	}
	callee := c.Value
	if mc, ok := callee.(*ssa.MakeClosure); ok {
		callee = mc.Fn
	}
	if f, ok := callee.(*ssa.Function); ok && slices.Contains(lits, f) {
		return true
	}
	for _, arg := range c.Args {
		if isChan(arg) && chanOrigin(arg, 0) == mk {
			return false
		}
	}
	return true
}

func isChan(v ssa.Value) bool {
	_, ok := v.Type().Underlying().(*types.Chan)
	return ok
}

func isClose(c *ssa.CallCommon) bool {
	b, ok := c.Value.(*ssa.Builtin)
	return ok && b.Name() == "close" && len(c.Args) == 1
}

// inLongLoop reports whether blk is in a loop of fn that may run for
// long: any loop but a range over a slice, an array, a map, a string or
// an int, or over a channel that is itself a bounded fan-in (a worker
// pool's jobs). A relay's for loop around a stream's Recv has a way out
// and receives from no channel, yet runs as long as the stream does.
func inLongLoop(fn *ssa.Function, blk *ssa.BasicBlock, depth int) bool {
	for _, body := range naturalLoops(fn) {
		if !slices.Contains(body, blk) {
			continue
		}
		switch loopHeader(body).Comment {
		case "rangeindex.loop", "rangeiter.loop", "rangeint.loop":
			continue // bounded by its data
		case "rangechan.loop":
			if f, _ := classify(fn, body, depth); f == 0 {
				continue // over a bounded fan-in
			}
		}
		return true
	}
	return false
}

// loopHeader returns the block of a natural loop's body that dominates
// the others.
func loopHeader(body []*ssa.BasicBlock) *ssa.BasicBlock {
	for _, h := range body {
		all := true
		for _, b := range body {
			if !h.Dominates(b) {
				all = false
				break
			}
		}
		if all {
			return h
		}
	}
	return body[0]
}
