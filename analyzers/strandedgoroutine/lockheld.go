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

func (st *state) checkLockHeld(d *deadScan) {
	for f, ff := range sortedFields(d.fields) {
		if ff.kind != kindChan || ff.escaped || !ff.partner {
			continue
		}
		for _, op := range ff.ops {
			if !op.block || op.base == nil || runsOnce(op.instr.Parent()) {
				continue
			}
			held := mutexesHeld(op.instr, op.base, true)
			if len(held) == 0 {
				continue
			}
			var partners []chanOp
			for _, p := range ff.ops {
				if p.send != op.send {
					partners = append(partners, p)
				}
			}
			m := allNeed(partners, held)
			if m == nil {
				continue
			}
			what := "receive from"
			if op.send {
				what = "send on"
			}
			dg := analysis.Diagnostic{
				Pos: op.instr.Pos(),
				Message: fmt.Sprintf("%s %s can block for ever: it holds %s, and every partner operation on the channel runs with %s held; release the mutex before waiting",
					what, st.fieldName(f), m.Name(), m.Name()),
			}
			for _, p := range partners {
				if len(dg.Related) == 3 {
					break
				}
				dg.Related = append(dg.Related, analysis.RelatedInformation{Pos: p.instr.Pos(), Message: "the partner, under the same mutex"})
			}
			st.rep.Report(dg)
		}
	}
}

// allNeed returns a mutex of held that every partner holds too (on the
// same kind of object), or nil.
func allNeed(partners []chanOp, held []*types.Var) *types.Var {
	if len(partners) == 0 {
		return nil
	}
	for _, m := range held {
		all := true
		for _, p := range partners {
			if p.base == nil || !containsVar(mutexesHeld(p.instr, p.base, false), m) {
				all = false
				break
			}
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

// mutexesHeld returns the mutex fields of base that are locked before
// instr on every path (a Lock that dominates it) and not unlocked on the
// way (no Unlock reachable from the Lock that reaches instr; a deferred
// Unlock runs later).
func mutexesHeld(instr ssa.Instruction, base ssa.Value, exclusive bool) []*types.Var {
	fn := instr.Parent()
	var out []*types.Var
	locks := make(map[*types.Var][]ssa.Instruction)
	unlocks := make(map[*types.Var][]ssa.Instruction)
	var order []*types.Var
	for _, r := range refs(base) {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		m := fieldOf(fa)
		if m == nil || !isMutex(m.Type()) {
			continue
		}
		m = m.Origin()
		if _, ok := locks[m]; !ok {
			order = append(order, m)
			locks[m] = nil
		}
		for _, r2 := range refs(fa) {
			c, ok := r2.(*ssa.Call)
			if !ok || c.Parent() != fn {
				continue
			}
			callee := match.CalleeObject(c.Common())
			if callee == nil || match.PkgPath(callee.Pkg()) != "sync" {
				continue
			}
			switch callee.Name() {
			case "Lock":
				locks[m] = append(locks[m], c)
			case "RLock":
				if !exclusive {
					locks[m] = append(locks[m], c)
				}
			case "Unlock", "RUnlock":
				unlocks[m] = append(unlocks[m], c)
			}
		}
	}
	for _, m := range order {
		for _, l := range locks[m] {
			if !dominates(l, instr) {
				continue
			}
			after := reachedFrom(fn, []ssa.Instruction{l})
			released := false
			for _, u := range unlocks[m] {
				if after(u) && reachedFrom(fn, []ssa.Instruction{u})(instr) {
					released = true
				}
			}
			if !released {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

func isMutex(t types.Type) bool {
	return match.IsNamed(t, "sync", "Mutex") || match.IsNamed(t, "sync", "RWMutex")
}
