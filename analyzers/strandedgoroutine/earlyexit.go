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

// A consumer that stops early: the function starts a goroutine that sends
// on a channel many times (in a loop), receives from it (ranges over it),
// and returns from the middle, after a receive and before the channel is
// closed. The producer's next send blocks for ever, once per call.

func (st *state) checkEarlyExit(fn *ssa.Function, g *ssa.Go) {
	if st.reported[g] {
		return
	}
	gf, bindings := goroutineFunc(g)
	if gf == nil {
		return
	}
	for mc, sends := range producerSends(gf, bindings) {
		if len(sends) == 0 || !onlyConsumedHere(fn, mc, g, true) {
			continue
		}
		size, ok := resource.IntConst(mc.Size)
		if !ok {
			continue
		}
		if fitsBuffer(sends, size) {
			continue
		}
		ret, recv := earlyReturn(fn, func(v ssa.Value) bool { return chanOf(v) == mc })
		if ret == nil {
			continue
		}
		where := "the end of the function"
		if ret.Pos().IsValid() {
			where = "the return at line " + strconv.Itoa(st.pass.Fset.Position(ret.Pos()).Line)
		}
		pos := g.Pos()
		d := analysis.Diagnostic{
			Message: fmt.Sprintf("goroutine can block for ever on a send: it sends in a loop, and %s stops receiving at %s before the channel is drained: one goroutine leaks per call; keep receiving until it is closed, or select on a done channel in the sender",
				funcName(fn), where),
			Related: []analysis.RelatedInformation{
				{Pos: sends[0].Pos(), Message: "the goroutine sends here"},
				{Pos: recv.Pos(), Message: "the last receive"},
			},
		}
		if ret.Pos().IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: ret.Pos(), Message: "returns here without draining"})
		}
		d.Pos = pos
		st.rep.Report(d)
		st.reported[g] = true
		return
	}
}

// producerSends returns the plain sends in a loop on channels made by the
// starting function: in the goroutine, or in a same-package function it
// calls with the channel (one level).
//
// A producer that also selects on something else (a context, a stop
// channel) counts only for an unbuffered channel: it is blocked on its
// plain send whenever it has a value and nobody receives, and cannot see
// the context then. With a buffer, a consumer that cancels it most often
// frees it (Calico's ifacemonitor).
func producerSends(gf *ssa.Function, bindings binding) map[*ssa.MakeChan][]ssa.Instruction {
	out := make(map[*ssa.MakeChan][]ssa.Instruction)
	loops := make(resource.Loops)
	selects := hasSelect(gf)
	defer func() {
		if !selects {
			return
		}
		for mc := range out {
			if size, ok := resource.IntConst(mc.Size); !ok || size != 0 {
				delete(out, mc)
			}
		}
	}()
	add := func(mc *ssa.MakeChan, fn *ssa.Function, ch ssa.Value) {
		if hasSelect(fn) {
			if size, ok := resource.IntConst(mc.Size); !ok || size != 0 {
				return
			}
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if s, ok := instr.(*ssa.Send); ok && s.Chan == ch && loops.In(b) {
					out[mc] = append(out[mc], s)
				}
			}
		}
	}
	for _, b := range gf.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Send:
				if v, cell := bound(gf, bindings, in.Chan); v != nil {
					if mc := local(v, cell); mc != nil && loops.In(b) {
						out[mc] = append(out[mc], in)
					}
				}
			case *ssa.Call:
				callee := in.Call.StaticCallee()
				if callee == nil || callee.Pkg != gf.Pkg || len(callee.Blocks) == 0 || len(callee.Blocks) > maxCalleeBlocks {
					continue
				}
				for i, a := range in.Call.Args {
					if i >= len(callee.Params) || !isChan(a.Type()) {
						continue
					}
					if v, cell := bound(gf, bindings, a); v != nil {
						if mc := local(v, cell); mc != nil {
							add(mc, callee, callee.Params[i])
						}
					}
				}
			}
		}
	}
	return out
}

const maxCalleeBlocks = 400

// maxEarlyStarts bounds the receives earlyReturn walks from, each walk
// linear in the function's blocks.
const maxEarlyStarts = 64

// onlyConsumedHere reports whether the channel goes nowhere but to the
// goroutine g, receives, close, len and cap in fn (and, with selects,
// receive cases of selects).
func onlyConsumedHere(fn *ssa.Function, mc *ssa.MakeChan, g *ssa.Go, selects bool) bool {
	vals := []ssa.Value{mc}
	for i := 0; i < len(vals); i++ {
		if i > maxChanUses {
			return false
		}
		for _, r := range refs(vals[i]) {
			switch u := r.(type) {
			case *ssa.DebugRef:
			case *ssa.ChangeType:
				vals = append(vals, u)
			case *ssa.Alloc:
			case *ssa.Store:
				if u.Addr == vals[i] {
					if u.Val != ssa.Value(mc) {
						return false // another channel in the same variable
					}
					continue
				}
				a, ok := u.Addr.(*ssa.Alloc)
				if !ok || u.Val != vals[i] {
					return false
				}
				vals = append(vals, a)
			case *ssa.UnOp:
				if u.Op == token.MUL {
					vals = append(vals, u)
				} else if u.Op != token.ARROW {
					return false
				}
			case *ssa.MakeClosure:
				if u != g.Call.Value {
					return false
				}
			case *ssa.Go:
				if u != g {
					return false
				}
			case *ssa.Call:
				bi, ok := u.Call.Value.(*ssa.Builtin)
				if !ok || (bi.Name() != "len" && bi.Name() != "cap" && bi.Name() != "close") {
					return false
				}
			case *ssa.Select:
				if !selects {
					return false
				}
				for _, st := range u.States {
					if st.Chan == vals[i] && st.Dir != types.RecvOnly {
						return false // sent on here too
					}
				}
			default:
				return false
			}
		}
	}
	return true
}

// fitsBuffer reports whether every send is in a loop of a constant count
// that the buffer (and one receive) takes in full.
func fitsBuffer(sends []ssa.Instruction, size int64) bool {
	for _, s := range sends {
		if n, bounded := loopTrips(s.Block()); !bounded || n > size+1 {
			return false
		}
	}
	return true
}

// earlyReturn finds a return of fn reached after a receive from the
// channel (isCh) without another receive and without the channel being
// seen closed (the false branch of a range's ok).
func earlyReturn(fn *ssa.Function, isCh func(ssa.Value) bool) (*ssa.Return, ssa.Instruction) {
	recvs := make(map[*ssa.BasicBlock]ssa.Instruction)
	waiting := make(map[*ssa.BasicBlock]bool)               // blocks of selects that receive from it
	closedEdge := make(map[*ssa.BasicBlock]*ssa.BasicBlock) // block -> its "closed" successor
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if sel, ok := instr.(*ssa.Select); ok {
				// a select with a receive case on the channel: the walk
				// starts in that case's body (a value was taken), and
				// stops when it comes back to the select (waiting again);
				// returns from the other cases alone are left out (they
				// may wait for the producer's end, as a done context
				// cancelled after wg.Wait does). The case's ok, when
				// tested, is its closed edge.
				for k, st := range sel.States {
					if st.Dir == types.RecvOnly && isCh(st.Chan) {
						body := caseBody(sel, k)
						if body == nil {
							continue
						}
						waiting[b] = true
						if _, ok := recvs[body]; !ok {
							recvs[body] = sel
						}
						for _, r := range refs(sel) {
							if ex, ok := r.(*ssa.Extract); ok && ex.Index == 1 {
								for _, r2 := range refs(ex) {
									if iff, ok := r2.(*ssa.If); ok && iff.Cond == ssa.Value(ex) {
										closedEdge[iff.Block()] = iff.Block().Succs[1]
									}
								}
							}
						}
					}
				}
				continue
			}
			u, ok := instr.(*ssa.UnOp)
			if !ok || u.Op != token.ARROW || !isCh(u.X) {
				continue
			}
			if _, ok := recvs[b]; !ok {
				recvs[b] = u
			}
			if u.CommaOk {
				for _, r := range refs(u) {
					if ex, ok := r.(*ssa.Extract); ok && ex.Index == 1 {
						for _, r2 := range refs(ex) {
							if iff, ok := r2.(*ssa.If); ok && iff.Cond == ssa.Value(ex) {
								closedEdge[iff.Block()] = iff.Block().Succs[1]
							}
						}
					}
				}
			}
		}
	}
	if len(recvs) == 0 {
		return nil, nil
	}
	// forward from every receive, stopping at receives and closed edges,
	// and at the head of the loop around the receive: a return reached
	// only once that loop has run to its end (for i := 0; i < n; i++ {
	// <-results }) may have taken every value
	starts := 0
	for _, start := range fn.Blocks {
		from, ok := recvs[start]
		if !ok {
			continue
		}
		if starts++; starts > maxEarlyStarts {
			return nil, nil // each walk is linear in the function: keep the product small
		}
		head := innermostHead(start)
		seen := map[*ssa.BasicBlock]bool{start: true}
		work := []*ssa.BasicBlock{start}
		for len(work) > 0 {
			b := work[len(work)-1]
			work = work[:len(work)-1]
			last := b.Instrs[len(b.Instrs)-1]
			if r, ok := last.(*ssa.Return); ok {
				return r, from
			}
			if _, ok := last.(*ssa.Panic); ok {
				continue
			}
			for _, s := range b.Succs {
				if closedEdge[b] == s || seen[s] || (s == head && head != start) {
					continue
				}
				seen[s] = true
				if _, ok := recvs[s]; ok || waiting[s] {
					continue // receives again
				}
				work = append(work, s)
			}
		}
	}
	return nil, nil
}

// chanOf resolves a channel value of the starting function to the
// channel made there.
func chanOf(v ssa.Value) *ssa.MakeChan {
	for range 4 {
		switch x := v.(type) {
		case *ssa.MakeChan:
			return x
		case *ssa.ChangeType:
			v = x.X
		case *ssa.UnOp:
			a, ok := x.X.(*ssa.Alloc)
			if !ok || x.Op != token.MUL {
				return nil
			}
			mc, _ := storedValue(a).(*ssa.MakeChan)
			return mc
		default:
			return nil
		}
	}
	return nil
}

// tripCount returns the number of iterations of the loop at b when it is
// for i := 0; i < K; i++ with a constant K.
func tripCount(b *ssa.BasicBlock) (int64, bool) {
	for d := b.Idom(); d != nil; d = d.Idom() {
		if len(d.Instrs) == 0 {
			continue
		}
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.LSS {
			return 0, false
		}
		phi, ok := cmp.X.(*ssa.Phi)
		if !ok || len(phi.Edges) != 2 {
			return 0, false
		}
		k, ok := resource.IntConst(cmp.Y)
		if !ok {
			return 0, false
		}
		start, ok := resource.IntConst(phi.Edges[0])
		if !ok {
			return 0, false
		}
		inc, ok := phi.Edges[1].(*ssa.BinOp)
		if !ok || inc.Op != token.ADD || inc.X != ssa.Value(phi) {
			return 0, false
		}
		if one, ok := resource.IntConst(inc.Y); !ok || one != 1 {
			return 0, false
		}
		if _, ok := types.Unalias(phi.Type()).Underlying().(*types.Basic); !ok {
			return 0, false
		}
		return max(k-start, 0), true
	}
	return 0, false
}

func hasSelect(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if _, ok := instr.(*ssa.Select); ok {
				return true
			}
		}
	}
	return false
}
