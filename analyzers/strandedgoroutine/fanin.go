package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// Senders that outnumber the receives: the function starts a goroutine
// per iteration of a loop, each goroutine sends on a channel the function
// made before the loop, and the function takes fewer values than it
// starts goroutines: a fixed number of receives outside any loop (the
// first result wins), or a receive loop that returns from the middle (the
// first error wins). Each goroutine whose value is never taken blocks for
// ever on its send, every call.

func (st *state) checkFanIn(fn *ssa.Function, g *ssa.Go) {
	if st.reported[g] || !st.loops.In(g.Block()) {
		return
	}
	gf, bindings := goroutineFunc(g)
	if gf == nil || hasSelect(gf) {
		return // it watches something besides the channel
	}
	for _, b := range gf.Blocks {
		for _, instr := range b.Instrs {
			s, ok := instr.(*ssa.Send)
			if !ok {
				continue
			}
			v, cell := bound(gf, bindings, s.Chan)
			if v == nil {
				continue
			}
			mc := local(v, cell)
			if mc == nil || mc.Parent() != fn || inInnermostLoop(mc.Block(), g.Block()) {
				continue // one channel per goroutine
			}
			if st.fanInLeak(fn, g, mc, s) {
				return
			}
		}
	}
}

// inInnermostLoop reports whether a is in the innermost loop around b:
// made again for each iteration of the loop that b repeats in (a channel
// per round of an outer loop is not).
func inInnermostLoop(a, b *ssa.BasicBlock) bool {
	h := innermostHead(b)
	return h != nil && h.Dominates(a) && mayReach(a, h)
}

// innermostHead returns the header of the innermost loop around b, or
// nil.
func innermostHead(b *ssa.BasicBlock) *ssa.BasicBlock {
	for h, n := b, 0; h != nil && n < maxLoopNest; h, n = h.Idom(), n+1 {
		for _, p := range h.Preds {
			// a back edge to h from a block that b reaches without
			// passing h (not through an outer loop)
			if h.Dominates(p) && (p == b || h == b || reachesAvoiding(b, p, h)) {
				return h
			}
		}
	}
	return nil
}

// reachesAvoiding reports whether there may be a path from a to b that
// does not pass through avoid.
func reachesAvoiding(a, b, avoid *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{a: true}
	work := []*ssa.BasicBlock{a}
	for len(work) > 0 {
		if len(seen) >= 4*maxRecvWalk {
			return true
		}
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range x.Succs {
			if s == b {
				return true
			}
			if s != avoid && !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return false
}

func (st *state) fanInLeak(fn *ssa.Function, g *ssa.Go, mc *ssa.MakeChan, send *ssa.Send) bool {
	size, ok := resource.IntConst(mc.Size)
	if !ok || size > 1 || !onlyConsumedHere(fn, mc, g, false) {
		return false // a buffer of unknown size may hold every value
	}
	recvs, _, ok := st.receivesOf(fn, mc)
	if !ok {
		return false
	}
	if len(recvs) == 0 {
		return false // nobody receives: the dropped-partner rules speak
	}
	n, bounded := loopTrips(g.Block())
	if bounded && n <= size+int64(len(recvs)) {
		return false
	}
	if !bounded && len(recvs) > 1 && len(fn.Blocks) > maxBoundBlocks {
		return false // a count we did not try to read
	}
	inLoop := false
	for _, r := range recvs {
		h := innermostHead(r.Block())
		if h != nil && h == innermostHead(g.Block()) {
			return false // one goroutine, then its value, per iteration
		}
		if h != nil && !inInnermostLoop(mc.Block(), r.Block()) {
			inLoop = true // a loop of receives from this one channel
		}
	}

	var why string
	var related []analysis.RelatedInformation
	if inLoop {
		var ret *ssa.Return
		var recv *ssa.UnOp
		for _, r := range recvs {
			if ret = returnInLoop(r); ret != nil {
				recv = r
				break
			}
		}
		if ret == nil {
			// a return before the receive loop (a set-up error), when
			// the path rule did not speak (its goroutine watches a
			// context, say, that cannot free this send)
			rets := returnsAvoiding(g.Block(), receiveLoopHeads(recvs), allReturns(fn))
			if len(rets) == 0 {
				return false // a receive loop that runs to the end drains them
			}
			ret = rets[0]
		}
		where := "the end of the function"
		if ret.Pos().IsValid() {
			where = "the return at line " + strconv.Itoa(st.pass.Fset.Position(ret.Pos()).Line)
		}
		if recv != nil {
			why = fmt.Sprintf("%s stops receiving at %s, before every goroutine's value is taken", funcName(fn), where)
			related = append(related, analysis.RelatedInformation{Pos: recv.Pos(), Message: "the last receive"})
		} else {
			why = fmt.Sprintf("%s reaches %s before its receive loop", funcName(fn), where)
		}
		if ret.Pos().IsValid() {
			related = append(related, analysis.RelatedInformation{Pos: ret.Pos(), Message: "returns here while goroutines still send"})
		}
	} else {
		n := "one value"
		if len(recvs) > 1 {
			n = strconv.Itoa(len(recvs)) + " values"
		}
		why = fmt.Sprintf("%s takes only %s", funcName(fn), n)
		for _, r := range recvs {
			related = append(related, analysis.RelatedInformation{Pos: r.Pos(), Message: "a receive, outside the loop"})
		}
	}
	buf := "is unbuffered"
	if size == 1 {
		buf = "has a buffer of one"
	}
	sends := "sends once"
	if st.loops.In(send.Block()) {
		sends = "sends" // a worker sending per item
	}
	st.rep.Report(analysis.Diagnostic{
		Pos: g.Pos(),
		Message: fmt.Sprintf("goroutines can block for ever on a send: one is started per loop iteration and each %s on a channel that %s, but %s: the others leak, every call; give the channel a buffer for every goroutine, or select on a done channel in the sender",
			sends, buf, why),
		Related: append([]analysis.RelatedInformation{{Pos: send.Pos(), Message: "each goroutine sends here"}}, related...),
	})
	st.reported[g] = true
	return true
}

// returnInLoop returns a return reached from the receive r, in a loop,
// without passing the loop's header again, and not through the branch a
// range over the channel takes once it is closed: a way out of the middle
// of the loop.
func returnInLoop(r *ssa.UnOp) *ssa.Return {
	b := r.Block()
	head := innermostHead(b)
	if head == nil {
		return nil
	}
	var closed *ssa.BasicBlock
	if iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && r.CommaOk {
		if ex, ok := iff.Cond.(*ssa.Extract); ok && ex.Tuple == ssa.Value(r) && ex.Index == 1 {
			closed = b.Succs[1] // a range over the channel
		}
	}
	if _, cond := head.Instrs[len(head.Instrs)-1].(*ssa.If); !cond || head == b && closed == nil {
		// for { ... }, or a loop whose condition follows the receive:
		// its returns may be its ends, once every value is taken (a
		// count we do not follow)
		return nil
	}
	seen := map[*ssa.BasicBlock]bool{b: true}
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 && len(seen) < 4*maxRecvWalk {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if ret, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok {
			return ret
		}
		for _, s := range x.Succs {
			if s != head && s != closed && !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return nil
}

// receivesOf returns the receives of fn from mc, and whether one is in a
// loop; ok is false when a select or a close touches the channel.
func (st *state) receivesOf(fn *ssa.Function, mc *ssa.MakeChan) (recvs []*ssa.UnOp, inLoop, ok bool) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.UnOp:
				if in.Op == token.ARROW && chanOf(in.X) == mc {
					recvs = append(recvs, in)
					if st.loops.In(b) {
						inLoop = true
					}
				}
			case *ssa.Select:
				for _, s := range in.States {
					if chanOf(s.Chan) == mc {
						return nil, false, false // a select over the channel: not counted
					}
				}
			case *ssa.Call:
				if bi, ok := in.Call.Value.(*ssa.Builtin); ok && bi.Name() == "close" && len(in.Call.Args) == 1 && chanOf(in.Call.Args[0]) == mc {
					return nil, false, false
				}
			}
		}
	}
	return recvs, inLoop, true
}

// startedPerIteration reports whether g starts a goroutine per iteration
// of a loop on the channel mc made before that loop: what the goroutines
// send is counted by checkFanIn, which knows that a receive loop over the
// same items runs as often as the loop that starts them.
func (st *state) startedPerIteration(g *ssa.Go, mc *ssa.MakeChan) bool {
	return st.loops.In(g.Block()) && mc.Parent() == g.Parent() && !inInnermostLoop(mc.Block(), g.Block())
}

// loopTrips returns the trip count of the loop around b, when it is
// for i := 0; i < K; i++ with a constant K.
func loopTrips(b *ssa.BasicBlock) (int64, bool) {
	head := loopHead(b)
	if n, ok := tripCount(b); ok {
		return n, true
	}
	if head != b && len(head.Succs) > 0 {
		if n, ok := tripCount(head.Succs[0]); ok {
			return n, true
		}
	}
	return boundOf(innermostHead(b))
}

// boundOf returns K when the loop headed by h holds one test i < K (or
// i+1 < K) of a constant K, or of the length of a fixed-size array or a
// slice of one: `for range 3`, `for _, x := range [2]T{a, b}` and
// `range []T{a, b}`, which SSA tests at the bottom or against len.
func boundOf(h *ssa.BasicBlock) (int64, bool) {
	if h == nil || len(h.Parent().Blocks) > maxBoundBlocks {
		return 0, false // each block asks a bounded walk: keep the product small
	}
	var k int64
	found := 0
	for _, x := range h.Parent().Blocks {
		if x != h && (!h.Dominates(x) || !mayReach(x, h)) {
			continue
		}
		iff, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.LSS {
			continue
		}
		n, ok := constLen(cmp.Y)
		if !ok {
			return 0, false // another test: we cannot count it
		}
		k, found = n, found+1
	}
	return k, found == 1
}

// maxBoundBlocks bounds boundOf's scan: a function with more blocks has
// its loops uncounted, and several receives there keep the rule silent.
const maxBoundBlocks = 400

// constLen returns v when it is a constant int, or len(x) of an array,
// or of a slice of an array, whose size is fixed.
func constLen(v ssa.Value) (int64, bool) {
	if n, ok := resource.IntConst(v); ok {
		return n, true
	}
	call, ok := v.(*ssa.Call)
	if !ok || len(call.Call.Args) != 1 {
		return 0, false
	}
	if bi, ok := call.Call.Value.(*ssa.Builtin); !ok || bi.Name() != "len" {
		return 0, false
	}
	x := call.Call.Args[0]
	if sl, ok := x.(*ssa.Slice); ok && sl.Low == nil && sl.High == nil {
		x = sl.X
	}
	t := x.Type().Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	if a, ok := t.(*types.Array); ok {
		return a.Len(), true
	}
	return 0, false
}

// receiveLoopHeads returns the blocks of the receives and the headers of
// the loops around them.
func receiveLoopHeads(recvs []*ssa.UnOp) map[*ssa.BasicBlock]bool {
	stop := make(map[*ssa.BasicBlock]bool)
	for _, r := range recvs {
		stop[r.Block()] = true
		stop[loopHead(r.Block())] = true
	}
	return stop
}

// returnsAvoiding keeps the returns of rets reached from start without
// entering a block of stop: a way out before the receive loop.
func returnsAvoiding(start *ssa.BasicBlock, stop map[*ssa.BasicBlock]bool, rets []*ssa.Return) []*ssa.Return {
	seen := map[*ssa.BasicBlock]bool{start: true}
	work := []*ssa.BasicBlock{start}
	reached := make(map[*ssa.Return]bool)
	for len(work) > 0 && len(seen) < 4*maxRecvWalk {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if ret, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok {
			reached[ret] = true
		}
		for _, s := range x.Succs {
			if !stop[s] && !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	var out []*ssa.Return
	for _, r := range rets {
		if reached[r] {
			out = append(out, r)
		}
	}
	return out
}

// allReturns returns the returns of fn.
func allReturns(fn *ssa.Function) []*ssa.Return {
	var out []*ssa.Return
	for _, b := range fn.Blocks {
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			out = append(out, r)
		}
	}
	return out
}
