package strandedgoroutine

import (
	"fmt"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/match"
)

// A mutex held across a blocking operation on a channel field whose every
// partner operation runs with the same mutex held: the partner waits for
// the mutex, the holder waits for the partner. Both are on the same
// object (the mutex and the channel are fields of one value).

func (st *state) checkLockHeld(d *deadScan, reported map[ssa.Instruction]bool) {
	for f, ff := range sortedFields(d.fields) {
		if ff.kind != kindChan || ff.escaped || !ff.partner || ff.buffered {
			continue
		}
		for _, op := range ff.ops {
			if !op.block || op.base == nil || runsOnce(op.instr.Parent()) {
				continue
			}
			if op.send && len(ff.accessor) > 0 {
				continue // receivers through the accessor are not all seen
			}
			held := st.mutexesHeld(op.instr, op.base, true)
			if len(held) == 0 {
				continue
			}
			var partners []chanOp
			for _, p := range ff.ops {
				if p.send != op.send {
					partners = append(partners, p)
				}
			}
			m := st.allNeed(partners, held)
			if m == nil {
				continue
			}
			what := "receive from"
			if op.send {
				what = "send on"
			}
			dg := analysis.Diagnostic{
				Pos: op.instr.Pos(),
				Message: fmt.Sprintf("%s %s can block for ever: it holds %s, and every partner operation on the channel needs %s first (it runs with it held, or takes it on the way); release the mutex before waiting",
					what, st.fieldName(f), m.Name(), m.Name()),
			}
			for _, p := range partners {
				if len(dg.Related) == 3 {
					break
				}
				dg.Related = append(dg.Related, analysis.RelatedInformation{Pos: p.instr.Pos(), Message: "the partner, under the same mutex"})
			}
			st.rep.Report(dg)
			reported[op.instr] = true
		}
	}
}

// allNeed returns a mutex of held that every partner holds too (on the
// same kind of object), or nil.
func (st *state) allNeed(partners []chanOp, held []*types.Var) *types.Var {
	if len(partners) == 0 {
		return nil
	}
	for _, m := range held {
		all := true
		for _, p := range partners {
			if p.base != nil && containsVar(st.mutexesHeld(p.instr, p.base, false), m) {
				continue // held at the partner
			}
			if st.acquiresBefore(p.instr, m) {
				continue // taken on the way to the partner
			}
			all = false
			break
		}
		if all {
			return m
		}
	}
	return nil
}

func containsVar(vs []*types.Var, v *types.Var) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// mutexesHeld returns the mutex fields of base held at instr on every
// path: a forward must-analysis over the blocks (a Lock sets, an Unlock
// clears; a deferred Unlock runs later), computed once per function,
// object and mutex.
func (st *state) mutexesHeld(instr ssa.Instruction, base ssa.Value, exclusive bool) []*types.Var {
	var out []*types.Var
	for _, m := range st.mutexFields(base) {
		if st.lockFlow(base, m, exclusive).heldAt(instr) {
			out = append(out, m)
		}
	}
	return out
}

// mutexFields returns the mutex fields of base that are used, memoised.
func (st *state) mutexFields(base ssa.Value) []*types.Var {
	if ms, ok := st.mutexes[base]; ok {
		return ms
	}
	var out []*types.Var
	seen := make(map[*types.Var]bool)
	for _, fa := range fieldAddrs(base) {
		m := fieldOf(fa)
		if m == nil || !isMutex(m.Type()) || seen[m.Origin()] {
			continue
		}
		seen[m.Origin()] = true
		out = append(out, m.Origin())
	}
	st.mutexes[base] = out
	return out
}

// lockKey identifies one must-held analysis.
type lockKey struct {
	base      ssa.Value
	m         *types.Var
	exclusive bool
}

// lockState is the result: whether the mutex is held at each block's
// entry, and the lock (+1) and unlock (-1) calls.
type lockState struct {
	entry map[*ssa.BasicBlock]bool
	ops   map[ssa.Instruction]int
}

func (st *state) lockFlow(base ssa.Value, m *types.Var, exclusive bool) *lockState {
	key := lockKey{base, m, exclusive}
	if ls, ok := st.locks[key]; ok {
		return ls
	}
	ls := &lockState{entry: make(map[*ssa.BasicBlock]bool), ops: make(map[ssa.Instruction]int)}
	st.locks[key] = ls
	var fn *ssa.Function
	for _, fa := range fieldAddrs(base) {
		if fieldOf(fa) == nil || fieldOf(fa).Origin() != m {
			continue
		}
		fn = fa.Parent()
		for _, r2 := range refs(fa) {
			c, ok := r2.(*ssa.Call)
			if !ok {
				continue
			}
			callee := match.CalleeObject(c.Common())
			if callee == nil || match.PkgPath(callee.Pkg()) != "sync" {
				continue
			}
			switch callee.Name() {
			case "Lock":
				ls.ops[c] = 1
			case "RLock":
				if !exclusive {
					ls.ops[c] = 1
				}
			case "Unlock", "RUnlock":
				ls.ops[c] = -1
			}
		}
	}
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Blocks) > maxLockBlocks {
		return ls
	}
	// must-held: true everywhere but the entry, then lowered to a fixpoint
	exit := func(b *ssa.BasicBlock) bool {
		h := ls.entry[b]
		for _, in := range b.Instrs {
			switch ls.ops[in] {
			case 1:
				h = true
			case -1:
				h = false
			}
		}
		return h
	}
	for _, b := range fn.Blocks {
		ls.entry[b] = b.Index != 0 && len(b.Preds) > 0
	}
	work := append([]*ssa.BasicBlock(nil), fn.Blocks...)
	in := make(map[*ssa.BasicBlock]bool, len(fn.Blocks))
	for _, b := range work {
		in[b] = true
	}
	for steps := 0; len(work) > 0; steps++ {
		if steps > 8*len(fn.Blocks)+64 {
			clear(ls.entry) // did not settle: held nowhere
			return ls
		}
		b := work[0]
		work = work[1:]
		in[b] = false
		h := exit(b)
		for _, s := range b.Succs {
			if ls.entry[s] && !h {
				ls.entry[s] = false
				if !in[s] {
					in[s] = true
					work = append(work, s)
				}
			}
		}
	}
	return ls
}

// maxLockBlocks: functions with more blocks are not analysed for locks.
const maxLockBlocks = 5000

func (ls *lockState) heldAt(instr ssa.Instruction) bool {
	b := instr.Block()
	h := ls.entry[b]
	for _, in := range b.Instrs {
		if in == instr {
			return h
		}
		switch ls.ops[in] {
		case 1:
			h = true
		case -1:
			h = false
		}
	}
	return false
}

func isMutex(t types.Type) bool {
	return match.IsNamed(t, "sync", "Mutex") || match.IsNamed(t, "sync", "RWMutex")
}

// acquiresBefore reports whether the function of instr may take mutex m
// (any object's field m) on a path to instr: a Lock of it, or a call of
// a same-package function that takes it, before instr (or anywhere, for
// a deferred instr, which runs at the end).
func (st *state) acquiresBefore(instr ssa.Instruction, m *types.Var) bool {
	fn := instr.Parent()
	_, deferred := instr.(*ssa.Defer)
	var calls []ssa.Instruction
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok && st.callLocks(c, m, 0) {
				calls = append(calls, c)
			}
		}
	}
	if len(calls) == 0 {
		return false
	}
	return deferred || reachedFrom(fn, calls)(instr)
}

// callLocks reports whether a call takes mutex field m: a Lock on it, or
// a same-package callee that does (to depth 2).
func (st *state) callLocks(c *ssa.Call, m *types.Var, depth int) bool {
	if callee := c.Call.StaticCallee(); callee != nil && callee.Pkg != nil && match.PkgPath(callee.Pkg.Pkg) == "sync" {
		if callee.Name() != "Lock" && callee.Name() != "RLock" || len(c.Call.Args) == 0 {
			return false
		}
		fa, ok := c.Call.Args[0].(*ssa.FieldAddr)
		return ok && fieldOf(fa) != nil && fieldOf(fa).Origin() == m
	}
	callee := c.Call.StaticCallee()
	if callee == nil || depth >= 2 || callee.Pkg != c.Parent().Pkg || len(callee.Blocks) > maxCalleeBlocks {
		return false
	}
	key := lockKey{callee, m, depth == 0}
	if v, ok := st.takes[key]; ok {
		return v
	}
	st.takes[key] = false
	for _, b := range callee.Blocks {
		for _, in := range b.Instrs {
			if cc, ok := in.(*ssa.Call); ok && st.callLocks(cc, m, depth+1) {
				st.takes[key] = true
				return true
			}
		}
	}
	return false
}
