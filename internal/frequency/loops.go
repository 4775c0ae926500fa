package frequency

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// loops gives the blocks of fn's long-running loops their frequency: a
// loop that takes workqueue items runs per queue item; one that receives
// from a ticker or sleeps, per tick; one that accepts connections, per
// request; one over a file watch's events or a provider's messages, per
// reload; one over any other channel, or with no way out, per iteration.
// A loop over a slice or a map adds nothing: it is bounded by its data.
func (b *builder) loops(fn *ssa.Function) {
	for _, body := range naturalLoops(fn) {
		f, why := classify(fn, body, 0)
		if f == 0 {
			continue
		}
		for _, blk := range body {
			l := b.res.block[blk]
			l.f |= f
			if l.why == "" {
				l.why = why
			}
			b.res.block[blk] = l
		}
	}
}

// naturalLoops returns the bodies of fn's natural loops, one per header
// (the blocks that reach a back edge's tail without passing the header).
func naturalLoops(fn *ssa.Function) [][]*ssa.BasicBlock {
	bodies := make(map[*ssa.BasicBlock]map[*ssa.BasicBlock]bool)
	var headers []*ssa.BasicBlock
	for _, blk := range fn.Blocks {
		for _, h := range blk.Succs {
			if !h.Dominates(blk) {
				continue
			}
			body := bodies[h]
			if body == nil {
				body = map[*ssa.BasicBlock]bool{h: true}
				bodies[h] = body
				headers = append(headers, h)
			}
			work := []*ssa.BasicBlock{blk}
			for len(work) > 0 {
				x := work[len(work)-1]
				work = work[:len(work)-1]
				if body[x] {
					continue
				}
				body[x] = true
				work = append(work, x.Preds...)
			}
		}
	}
	var out [][]*ssa.BasicBlock
	for _, h := range headers {
		var body []*ssa.BasicBlock
		for blk := range bodies[h] {
			body = append(body, blk)
		}
		slices.SortFunc(body, func(a, b *ssa.BasicBlock) int { return a.Index - b.Index })
		out = append(out, body)
	}
	return out
}

// classify returns the frequency a loop gives its body; depth bounds the
// nested classification of a fan-in's senders.
func classify(fn *ssa.Function, body []*ssa.BasicBlock, depth int) (Freq, string) {
	in := make(map[*ssa.BasicBlock]bool, len(body))
	for _, blk := range body {
		in[blk] = true
	}
	var f Freq
	var why string
	set := func(g Freq, w string) {
		if why == "" || (f == PerLoop && g != PerLoop) {
			why = w
		}
		f |= g
	}
	name := declName(fn)
	exits := false
	for _, blk := range body {
		for _, s := range blk.Succs {
			if !in[s] {
				exits = true
			}
		}
		for _, instr := range blk.Instrs {
			switch x := instr.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					if g, w := chanFreq(x.X, depth); g != 0 {
						set(g, w+" in "+name)
					}
				}
			case *ssa.Select:
				for _, st := range x.States {
					if st.Dir == types.RecvOnly {
						if g, w := chanFreq(st.Chan, depth); g != 0 {
							set(g, w+" in "+name)
						}
					}
				}
			case *ssa.Call:
				callee := match.CalleeObject(x.Common())
				if callee == nil {
					continue
				}
				switch {
				case isQueueGet(callee):
					set(PerQueueItem, "a loop over a workqueue's items in "+name)
				case takesQueueItem(fn, x.Common()):
					// for c.processNextWorkItem() {}: the function the
					// loop calls takes the item
					set(PerQueueItem, "a loop over a workqueue's items in "+name)
				case isAccept(callee):
					set(PerRequest, "an accept loop in "+name)
				case match.IsAny(callee, apis.Sleeps) && !counted(body, in):
					set(PerTick, "a loop that sleeps between rounds in "+name)
				}
			}
		}
	}
	if f == 0 && !exits {
		set(PerLoop, "a loop with no way out in "+name)
	}
	return f, why
}

// OfChannel returns how often a long-running loop receiving from ch runs,
// and why ("a loop over a ticker"): per tick, per event, per reload or
// per loop iteration; 0 for a context's Done, a stop channel or a fan-in.
func OfChannel(ch ssa.Value) (Freq, string) { return chanFreq(ch, 0) }

// counted reports whether the loop exits on a test of a counter it steps
// by a constant (`for i := 0; i < n; i++`, `for i := 1; i*step <= total;
// i++`): a retry loop that sleeps between a fixed number of rounds is
// bounded, not a ticker.
func counted(body []*ssa.BasicBlock, in map[*ssa.BasicBlock]bool) bool {
	for _, blk := range body {
		iff, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.If)
		if !ok || in[blk.Succs[0]] && in[blk.Succs[1]] {
			continue // not an exit test
		}
		if stepsCounter(iff.Cond, in, 0) {
			return true
		}
	}
	return false
}

// stepsCounter reports whether v is computed from a phi of the loop that
// the loop steps by a constant.
func stepsCounter(v ssa.Value, in map[*ssa.BasicBlock]bool, depth int) bool {
	if depth > 3 {
		return false
	}
	switch v := v.(type) {
	case *ssa.BinOp:
		return stepsCounter(v.X, in, depth+1) || stepsCounter(v.Y, in, depth+1)
	case *ssa.Convert:
		return stepsCounter(v.X, in, depth+1)
	case *ssa.Phi:
		if !in[v.Block()] {
			return false
		}
		for _, e := range v.Edges {
			if step, ok := e.(*ssa.BinOp); ok && (step.Op == token.ADD || step.Op == token.SUB) {
				_, c1 := step.Y.(*ssa.Const)
				_, c0 := step.X.(*ssa.Const)
				if step.X == ssa.Value(v) && c1 || step.Y == ssa.Value(v) && c0 {
					return true
				}
			}
		}
	}
	return false
}

// chanFreq classifies a channel received from in a loop; a context's
// Done channel is a way out, not a source of iterations, and a fan-in's
// channel that its maker closes ends with the work it gathers.
func chanFreq(ch ssa.Value, depth int) (Freq, string) {
	switch c := ch.(type) {
	case *ssa.UnOp:
		if fa, ok := c.X.(*ssa.FieldAddr); ok && c.Op == token.MUL {
			st := deref(fa.X.Type())
			if match.IsNamed(st, apis.TickerType.Pkg, apis.TickerType.Name) || match.IsNamed(st, apis.Time, "Timer") {
				return PerTick, "a loop over a ticker"
			}
			if match.IsNamed(st, apis.ReloadWatcher.Pkg, apis.ReloadWatcher.Name) {
				if s, ok := st.Underlying().(*types.Struct); ok && s.Field(fa.Field).Name() == "Events" {
					return PerReload, "a loop over a file watch's events"
				}
				return 0, ""
			}
		}
	case *ssa.Call:
		callee := match.CalleeObject(c.Common())
		if callee != nil && match.IsAny(callee, apis.TickChans) {
			return PerTick, "a loop over a ticker"
		}
		if callee != nil && callee.Name() == "Done" {
			return 0, ""
		}
	}
	if t, ok := ch.Type().Underlying().(*types.Chan); ok && isAnyNamed(t.Elem(), apis.ReloadMessages) {
		return PerReload, "a loop over a provider's configuration messages"
	}
	if t, ok := ch.Type().Underlying().(*types.Chan); ok {
		if _, empty := t.Elem().Underlying().(*types.Struct); empty && t.Elem().Underlying().(*types.Struct).NumFields() == 0 {
			return 0, "" // a stop or done channel
		}
	}
	if boundedFanIn(ch, depth) {
		return 0, ""
	}
	if t, ok := ch.Type().Underlying().(*types.Chan); ok && isAnyNamed(t.Elem(), apis.WatchEvents) {
		return PerEvent, "a loop over a watch's events"
	}
	return PerLoop, "a loop over a channel"
}

func isQueueGet(callee *types.Func) bool {
	return slices.Contains(apis.QueueGet, callee.Name()) && match.PkgPath(callee.Pkg()) == apis.ClientGoWorkqueue
}

// takesQueueItem reports whether c calls a function of fn's package that
// itself takes an item from a workqueue.
func takesQueueItem(fn *ssa.Function, c *ssa.CallCommon) bool {
	sf := c.StaticCallee()
	if sf == nil || sf.Pkg != fn.Pkg || sf == fn || len(sf.Blocks) > maxBlocks {
		return false
	}
	for _, blk := range sf.Blocks {
		for _, instr := range blk.Instrs {
			if call, ok := instr.(*ssa.Call); ok {
				if callee := match.CalleeObject(call.Common()); callee != nil && isQueueGet(callee) {
					return true
				}
			}
		}
	}
	return false
}

// isAccept reports whether callee accepts a connection (net.Listener's
// Accept, or any Accept returning a net.Conn).
func isAccept(callee *types.Func) bool {
	if callee.Name() != "Accept" {
		return false
	}
	res := callee.Type().(*types.Signature).Results()
	return res.Len() >= 1 && match.IsNamed(res.At(0).Type(), apis.Net, "Conn")
}

// declName names the declared function a literal is nested in.
func declName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn.Name()
}
