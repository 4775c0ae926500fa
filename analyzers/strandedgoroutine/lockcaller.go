package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/match"
)

// A send on a channel field (unbuffered, or of a constant buffer that
// fills while the loop is stuck) while a mutex is held, by the
// sending function or by a caller on the way to it, where every receiver
// of the channel that the package can see is a loop that takes the same
// mutex (a field of the same struct type) between its receives:
//
//	func (d *Daemon) StateChanged(c *Container) {
//		c.Lock()
//		defer c.Unlock()
//		c.health.stopMonitor() // sends on health.stop
//	}
//	func monitor(c *Container, stop chan struct{}) {
//		for {
//			select {
//			case <-stop:
//				return
//			default:
//				probe(c) // c.Lock()
//			}
//		}
//	}
//
// When the loop is on its way to the mutex as the send begins, each waits
// for the other for ever.

// maxLockCallers bounds the callers looked at for a held mutex.
const maxLockCallers = 64

// heldLock is a mutex held across a send, and where it is taken.
type heldLock struct {
	m     *types.Var
	where ssa.Instruction // the send, or the call that leads to it
	read  bool            // held for reading only (RLock): only a Lock waits
	base  ssa.Value       // for a read lock, the object whose mutex it is
}

// receivers is the result of one walk over a field's receivers.
type receivers struct {
	recvs []ssa.Instruction
	ok    bool
}

func (st *state) checkLockByCaller(reported map[ssa.Instruction]bool) {
	walked := make(map[*types.Var]receivers) // per field: the walk sees every load
	type fieldMutex struct {
		f, m *types.Var
		read bool
	}
	taken := make(map[fieldMutex]bool)
	for _, fn := range st.fns {
		if st.rep.IsTestFile(fn.Pos()) || st.runsOnce(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				send, ok := instr.(*ssa.Send)
				if !ok || reported[send] {
					continue
				}
				f := chanField(send.Chan)
				if f == nil {
					continue
				}
				ff := st.dead.fields[f]
				if ff == nil || ff.unsized || !ff.made.IsValid() || drainsFirst(send) {
					continue // a channel of this package, of a constant size
				}
				held := st.heldOnTheWay(send)
				if len(held) == 0 {
					continue
				}
				rs, done := walked[f]
				if !done {
					rs = st.fieldReceivers(send, f, ff)
					walked[f] = rs
				}
				if !rs.ok {
					continue
				}
				recvs := rs.recvs
				for _, h := range held {
					k := fieldMutex{f, h.m, h.read}
					all, done := taken[k]
					if !done {
						if h.read {
							all = st.takesOwn(recvs, h.m)
						} else {
							all = st.allTake(recvs, h.m, false)
						}
						taken[k] = all
					}
					if !all {
						continue
					}
					when, mode, takes := "", "", ""
					if ff.buffered {
						when = " once its buffer is full"
					}
					if h.read {
						mode, takes = " for reading", " for writing"
					}
					dg := analysis.Diagnostic{
						Pos: send.Pos(),
						Message: fmt.Sprintf("send on %s can deadlock%s: it runs with %s held%s, and every receiver is a loop that takes %s%s between its receives; when the loop is on its way to the mutex, each waits for the other for ever; release the mutex before the send, or close the channel instead",
							st.fieldName(f), when, st.mutexName(h.m), mode, st.mutexName(h.m), takes),
						Related: []analysis.RelatedInformation{
							{Pos: h.where.Pos(), Message: "the mutex is held here"},
							{Pos: recvs[0].Pos(), Message: "the receiver, whose loop takes the mutex"},
						},
					}
					st.rep.Report(dg)
					reported[send] = true
					break
				}
			}
		}
	}
}

// allTake reports whether every receive's function takes mutex m on a
// path back to the receive (for writing, when exclusive).
func (st *state) allTake(recvs []ssa.Instruction, m *types.Var, exclusive bool) bool {
	for _, r := range recvs {
		if !st.acquiresBefore(r, m, exclusive) {
			return false
		}
	}
	return len(recvs) > 0
}

// mutexName names a mutex field: Type.field, or the type for an embedded
// one.
func (st *state) mutexName(m *types.Var) string {
	return st.fieldName(m)
}

// heldOnTheWay returns the mutexes held on every path at instr in its
// function, or at a call that leads to it from a caller (to depth 2).
func (st *state) heldOnTheWay(instr ssa.Instruction) []heldLock {
	var out []heldLock
	seen := make(map[heldKey]bool)
	// below: the functions on the way from a caller down to instr; a
	// mutex one of them unlocks is not held at instr (a haltLocked that
	// unlocks before it sends)
	below := []*ssa.Function{instr.Parent()}
	add := func(at ssa.Instruction) {
		for _, h := range st.heldAt(at) {
			if h.read && (at != instr || h.base != chanBase(instr)) {
				// a read lock blocks only a writer of the same object:
				// the channel's own, held by the sender itself (a
				// parent's lock, or another object's, is not the one
				// the receiver takes)
				continue
			}
			if seen[heldKey{h.m, h.read}] {
				continue
			}
			if at != instr && slices.ContainsFunc(below, func(fn *ssa.Function) bool { return unlocks(fn, h.m) }) {
				continue
			}
			seen[heldKey{h.m, h.read}] = true
			h.where = at
			out = append(out, h)
		}
	}
	add(instr)
	fns := []*ssa.Function{instr.Parent()}
	for depth := 0; depth < 2 && len(fns) > 0; depth++ {
		var next []*ssa.Function
		n := 0
		for _, callee := range fns {
			for _, caller := range st.callersOf(callee) {
				if st.rep.IsTestFile(caller.Pos()) {
					continue // a test holding the mutex does not make the leak
				}
				for _, b := range caller.Blocks {
					for _, in := range b.Instrs {
						c, ok := in.(*ssa.Call)
						if !ok || c.Call.StaticCallee() != callee {
							continue
						}
						if n++; n > maxLockCallers {
							return out
						}
						add(c)
					}
				}
				next = append(next, caller)
			}
		}
		below = append(below, next...)
		fns = next
	}
	return out
}

// unlocks reports whether fn unlocks the mutex field m (Unlock or
// RUnlock on that field of any value).
func unlocks(fn *ssa.Function, m *types.Var) bool {
	for c := range match.Calls(fn) {
		callee := match.CalleeObject(&c.Call)
		if callee == nil || (callee.Name() != "Unlock" && callee.Name() != "RUnlock") || match.PkgPath(callee.Pkg()) != "sync" {
			continue
		}
		if len(c.Call.Args) > 0 {
			if mutexArg(c.Call.Args[0]) == m {
				return true
			}
		}
	}
	return false
}

// chanBase returns the object whose channel field a send sends on, or
// nil.
func chanBase(instr ssa.Instruction) ssa.Value {
	s, ok := instr.(*ssa.Send)
	if !ok {
		return nil
	}
	if u, ok := s.Chan.(*ssa.UnOp); ok && u.Op == token.MUL {
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			return lockBase(fa.X)
		}
	}
	return nil
}

// lockBase is the value a mutex or channel field is reached from, as
// heldAt keys it (a local variable's address for a value receiver).
func lockBase(base ssa.Value) ssa.Value {
	if l, ok := base.(*ssa.UnOp); ok && l.Op == token.MUL {
		if a, ok := l.X.(*ssa.Alloc); ok {
			return a
		}
	}
	return base
}

// takesOwn reports whether the function of each receive takes mutex m
// for writing, directly, on the object whose channel it receives from:
// what a read lock held on that object blocks.
func (st *state) takesOwn(recvs []ssa.Instruction, m *types.Var) bool {
	for _, r := range recvs {
		var ch ssa.Value
		switch r := r.(type) {
		case *ssa.UnOp:
			ch = r.X
		case *ssa.Select:
			for _, s := range r.States {
				if s.Dir == types.RecvOnly {
					if u, ok := s.Chan.(*ssa.UnOp); ok && u.Op == token.MUL {
						ch = s.Chan
					}
				}
			}
		}
		u, ok := ch.(*ssa.UnOp)
		if !ok || u.Op != token.MUL {
			return false
		}
		fa, ok := u.X.(*ssa.FieldAddr)
		if !ok {
			return false
		}
		base, found := lockBase(fa.X), false
		for c := range match.Calls(r.Parent()) {
			callee := match.CalleeObject(&c.Call)
			if callee == nil || callee.Name() != "Lock" || match.PkgPath(callee.Pkg()) != "sync" || len(c.Call.Args) == 0 {
				continue
			}
			if mfa, ok := c.Call.Args[0].(*ssa.FieldAddr); ok && mutexArg(mfa) == m && lockBase(mfa.X) == base {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return len(recvs) > 0
}

// heldKey is a mutex and whether it is held for reading only.
type heldKey struct {
	m    *types.Var
	read bool
}

// heldAt returns the mutex fields held at instr on every path of its
// function, on any object: for writing, or for reading only (RLock).
func (st *state) heldAt(instr ssa.Instruction) []heldLock {
	var out []heldLock
	seen := make(map[ssa.Value]bool)
	for _, b := range instr.Parent().Blocks {
		for _, in := range b.Instrs {
			fa, ok := in.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			if m := fieldOf(fa); m == nil || !isMutex(m.Type()) {
				continue
			}
			base := lockBase(fa.X)
			if seen[base] {
				continue
			}
			seen[base] = true
			excl := st.mutexesHeld(instr, base, true)
			for _, m := range excl {
				out = append(out, heldLock{m: m})
			}
			for _, m := range st.mutexesHeld(instr, base, false) {
				if !containsVar(excl, m) {
					out = append(out, heldLock{m: m, read: true, base: base})
				}
			}
		}
	}
	return out
}

// replaces reports whether a non-blocking receive from field f is
// followed by a send on f in the same function (the drain runs before
// it on every path to it): it
// replaces the value in the buffer and makes no room.
func replaces(sel *ssa.Select, f *types.Var) bool {
	for _, b := range sel.Parent().Blocks {
		for _, in := range b.Instrs {
			if s, ok := in.(*ssa.Send); ok && chanField(s.Chan) == f && dominates(sel, s) {
				return true
			}
		}
	}
	return false
}

// drainsFirst reports whether the sending function empties the channel
// (a receive in a select with a default) before the send: under the
// mutex, a buffer of one then always has room (grpc's fix).
func drainsFirst(send *ssa.Send) bool {
	f := chanField(send.Chan)
	for _, b := range send.Parent().Blocks {
		for _, in := range b.Instrs {
			sel, ok := in.(*ssa.Select)
			if !ok || sel.Blocking || !dominates(sel, send) {
				continue
			}
			for _, s := range sel.States {
				if s.Dir == types.RecvOnly && chanField(s.Chan) == f {
					return true
				}
			}
		}
	}
	return false
}

// fieldReceivers walks the receivers of a channel field: ok when every
// one is in a loop, and, for a buffered channel, goes on looping after
// it receives.
func (st *state) fieldReceivers(send *ssa.Send, f *types.Var, ff *fieldFacts) receivers {
	var recvs []ssa.Instruction
	_, ok := st.walkReceivers(send.Chan, func(sel *ssa.Select, r ssa.Instruction, i int) bool {
		if sel != nil && !sel.Blocking && replaces(sel, f) {
			return true // a drain before a send: no room made
		}
		recvs = append(recvs, r)
		if ff.buffered && sel != nil {
			// a buffer fills only with sends that keep coming: the
			// loop goes on after each (a work channel), it does not
			// return (a stop, sent once)
			if body := caseBody(sel, i); body == nil || exits(body, sel.Block()) {
				return false
			}
		}
		return st.loops.In(r.Block())
	})
	return receivers{recvs, ok && len(recvs) > 0}
}
