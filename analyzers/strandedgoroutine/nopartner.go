package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// A local channel that nobody can ever partner: the function makes it,
// hands it only to its own goroutines and same-package functions (whose
// summaries say what they do with it), and then waits on it, but no one
// sends on it or closes it (for a receive), or no one receives from it
// (for a send on an unbuffered channel). done := make(chan struct{}); go
// worker(done); <-done, with a worker that forgot close(done).

// chanUse is what a function does with a channel, itself and through the
// functions it hands it to.
type chanUse struct {
	sends, recvs, closes, escapes bool
}

func (u *chanUse) merge(o chanUse) {
	u.sends = u.sends || o.sends
	u.recvs = u.recvs || o.recvs
	u.closes = u.closes || o.closes
	u.escapes = u.escapes || o.escapes
}

// paramKey memoises parameter summaries.
type paramKey struct {
	fn *ssa.Function
	v  ssa.Value
}

// useOf summarises the uses of channel value v in its function (and in
// what it is handed to, to depth 3).
func (st *state) useOf(v ssa.Value, depth int) chanUse {
	key := paramKey{nil, v}
	if u, ok := st.uses[key]; ok {
		return u
	}
	st.uses[key] = chanUse{escapes: true} // cycles: assume the worst
	var u chanUse
	if depth > 3 {
		u.escapes = true
		st.uses[key] = u
		return u
	}
	vals := []ssa.Value{v}
	for i := 0; i < len(vals) && !u.escapes; i++ {
		if i > maxChanUses {
			u.escapes = true
			break
		}
		x := vals[i]
		for _, r := range refs(x) {
			switch in := r.(type) {
			case *ssa.DebugRef:
			case *ssa.ChangeType:
				vals = append(vals, in)
			case *ssa.Send:
				if in.Chan == x {
					u.sends = true
				} else {
					u.escapes = true
				}
			case *ssa.UnOp:
				switch in.Op {
				case token.ARROW:
					u.recvs = true
				case token.MUL:
					vals = append(vals, in) // a load of the cell
				default:
					u.escapes = true
				}
			case *ssa.Store:
				if in.Addr == x {
					continue // a store into the cell (its one value, checked by the caller)
				}
				a, ok := in.Addr.(*ssa.Alloc)
				if !ok || in.Val != x {
					u.escapes = true
					continue
				}
				vals = append(vals, a)
			case *ssa.Select:
				for _, s := range in.States {
					if s.Chan == x {
						if s.Dir == types.SendOnly {
							u.sends = true
						} else {
							u.recvs = true
						}
					}
					if s.Send == x {
						u.escapes = true
					}
				}
			case *ssa.BinOp:
			case *ssa.MakeClosure:
				fn, _ := in.Fn.(*ssa.Function)
				if fn == nil {
					u.escapes = true
					continue
				}
				for j, b := range in.Bindings {
					if b == x && j < len(fn.FreeVars) {
						u.merge(st.useOf(fn.FreeVars[j], depth+1))
					}
				}
				// the closure itself: called, deferred or started here
				if !onlyRunInPlace(fn) {
					u.escapes = true
				}
			case ssa.CallInstruction:
				c := in.Common()
				if bi, ok := c.Value.(*ssa.Builtin); ok {
					switch bi.Name() {
					case "close":
						u.closes = true
					case "len", "cap":
					default:
						u.escapes = true
					}
					continue
				}
				callee := c.StaticCallee()
				if callee == nil || c.Value == x || callee.Pkg != st.pkgOf(x) || len(callee.Blocks) == 0 || len(callee.Blocks) > maxCalleeBlocks {
					u.escapes = true
					continue
				}
				for j, a := range c.Args {
					if a == x && j < len(callee.Params) {
						u.merge(st.useOf(callee.Params[j], depth+1))
					}
				}
			default:
				u.escapes = true
			}
		}
	}
	st.uses[key] = u
	return u
}

func (st *state) pkgOf(v ssa.Value) *ssa.Package {
	if p := v.Parent(); p != nil {
		return p.Pkg
	}
	return nil
}

// checkNoPartner reports a wait of fn on a channel it made that nobody
// can partner.
func (st *state) checkNoPartner(fn *ssa.Function) {
	if st.runsOnce(fn) {
		return
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if g, ok := instr.(*ssa.Go); ok && st.reported[g] {
				return
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeChan)
			if !ok || st.chans[mc] {
				continue
			}
			var v ssa.Value = mc
			// a variable captured by closures holds it
			for _, r := range refs(mc) {
				if s, ok := r.(*ssa.Store); ok && s.Val == ssa.Value(mc) {
					if a, ok := s.Addr.(*ssa.Alloc); ok && storedValue(a) == ssa.Value(mc) {
						v = a
					}
				}
			}
			u := st.useOf(v, 0)
			if u.escapes {
				continue
			}
			if w := plainWait(fn, mc, true); w != nil && !u.sends && !u.closes && !blockForever(mc, w) {
				st.rep.Report(analysis.Diagnostic{
					Pos:     w.Pos(),
					Message: fmt.Sprintf("receive blocks for ever: nothing sends on this channel or closes it, in %s or in the goroutines and functions it hands the channel to; close it when the work is done", funcName(fn)),
					Related: []analysis.RelatedInformation{{Pos: mc.Pos(), Message: "made here"}},
				})
				continue
			}
			size, ok := mc.Size.(*ssa.Const)
			if !ok || size.Int64() != 0 || u.recvs {
				continue
			}
			if w := plainWait(fn, mc, false); w != nil {
				st.rep.Report(analysis.Diagnostic{
					Pos:     w.Pos(),
					Message: fmt.Sprintf("send on an unbuffered channel blocks for ever: nothing receives from it, in %s or in the goroutines and functions it hands the channel to", funcName(fn)),
					Related: []analysis.RelatedInformation{{Pos: mc.Pos(), Message: "made here"}},
				})
			}
		}
	}
}

// blockForever reports whether the receive w is the only use of the
// channel mc: <-make(chan struct{}) blocks for ever on purpose, like an
// empty select.
func blockForever(mc *ssa.MakeChan, w ssa.Instruction) bool {
	rs := mc.Referrers()
	return rs != nil && len(*rs) == 1 && (*rs)[0] == w
}

// plainWait returns the first plain receive (recv) or send of fn itself on
// the channel made by mc.
func plainWait(fn *ssa.Function, mc *ssa.MakeChan, recv bool) ssa.Instruction {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.UnOp:
				if recv && in.Op == token.ARROW && chanOf(in.X) == mc {
					return in
				}
			case *ssa.Send:
				if !recv && chanOf(in.Chan) == mc {
					return in
				}
			}
		}
	}
	return nil
}
