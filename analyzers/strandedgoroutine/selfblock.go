package strandedgoroutine

import (
	"fmt"
	"go/token"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// A send that blocks its own goroutine: on a channel made in the function,
// before the channel can have reached anyone else (no goroutine started
// with it, not stored, passed or returned yet), when the buffer is already
// full: an unbuffered channel, or a buffer of k after k sends on every
// path and no receive.

const maxChanUses = 200

func (st *state) checkSelfBlock(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeChan); ok {
				st.selfBlock(fn, mc)
			}
		}
	}
}

func (st *state) selfBlock(fn *ssa.Function, mc *ssa.MakeChan) {
	size, ok := resource.IntConst(mc.Size)
	if !ok {
		return
	}
	var sends, recvs, escapes []ssa.Instruction
	vals := []ssa.Value{mc}
	for i := 0; i < len(vals); i++ {
		if len(vals) > maxChanUses {
			return
		}
		v := vals[i]
		for _, r := range refs(v) {
			switch u := r.(type) {
			case *ssa.DebugRef:
			case *ssa.Send:
				if u.Chan == v {
					sends = append(sends, u)
				} else {
					escapes = append(escapes, u)
				}
			case *ssa.UnOp:
				if u.Op == token.ARROW {
					recvs = append(recvs, u)
				} else {
					escapes = append(escapes, u)
				}
			case *ssa.ChangeType:
				vals = append(vals, u)
			case *ssa.BinOp:
			case *ssa.Call:
				if bi, ok := u.Call.Value.(*ssa.Builtin); ok && (bi.Name() == "len" || bi.Name() == "cap" || bi.Name() == "close") {
					continue
				}
				escapes = append(escapes, u)
			case *ssa.Select:
				// a select may send, receive, or pass the channel on
				escapes = append(escapes, u)
			default:
				escapes = append(escapes, u)
			}
		}
	}
	if len(sends) == 0 {
		return
	}
	reach := reachedFrom(fn, escapes)
	recvReach := reachedFrom(fn, recvs)
	counts := resource.DominatingCounts(sends)
	for _, s := range sends {
		if reach(s) || st.loops.In(s.Block()) {
			continue
		}
		if size > 0 && (recvReach(s) || int64(counts[s]) <= size) {
			continue
		}
		msg := "send on an unbuffered channel blocks for ever: no other goroutine can have the channel yet; start the receiver first, or give the channel a buffer"
		if size > 0 {
			msg = fmt.Sprintf("send blocks for ever: the buffer of %d is full after the sends before it, and no other goroutine can have the channel yet; receive first, or give the channel more room", size)
		}
		st.rep.Report(analysis.Diagnostic{
			Pos:     s.Pos(),
			Message: msg,
			Related: []analysis.RelatedInformation{{Pos: mc.Pos(), Message: "made here"}},
		})
		st.chans[mc] = true
		return
	}
}

// reachedFrom returns a predicate: whether an instruction can run after
// one of from (in one function), by a forward walk over the blocks.
func reachedFrom(fn *ssa.Function, from []ssa.Instruction) func(ssa.Instruction) bool {
	reached := make(map[*ssa.BasicBlock]bool) // the whole block, from its start
	first := make(map[*ssa.BasicBlock]int)    // the earliest index in its block
	var work []*ssa.BasicBlock
	for _, in := range from {
		b := in.Block()
		i := indexIn(b, in)
		if j, ok := first[b]; !ok || i < j {
			first[b] = i
		}
		for _, s := range b.Succs {
			if !reached[s] {
				reached[s] = true
				work = append(work, s)
			}
		}
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range b.Succs {
			if !reached[s] {
				reached[s] = true
				work = append(work, s)
			}
		}
	}
	return func(in ssa.Instruction) bool {
		b := in.Block()
		if reached[b] {
			return true
		}
		j, ok := first[b]
		return ok && j < indexIn(b, in)
	}
}

func indexIn(b *ssa.BasicBlock, in ssa.Instruction) int {
	for i, x := range b.Instrs {
		if x == in {
			return i
		}
	}
	return -1
}
