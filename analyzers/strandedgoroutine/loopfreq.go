package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/frequency"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// How often a start inside a long-running loop runs. The frequency stage
// says "per loop iteration" for a loop over a channel, and "per event" for
// one over a watch's events; a loop over a channel field that the package
// sends on per event runs per event too. Either way the start runs once
// per iteration only when nothing but the received value decides it: a
// check of a local map or flag carried from one iteration to the next
// (`if running[name] { continue }`), or a watch stopped after the start,
// makes it once per object or once in all.

// recurring are the frequencies the never-returning rule reports on.
const recurring = frequency.Recurring &^ frequency.PerLoop

// recurringAt returns how often instr runs when that is per event,
// reconcile, request, tick or the like (per loop iteration alone is not
// enough), and why; 0 otherwise.
func (st *state) recurringAt(instr ssa.Instruction) (frequency.Freq, string) {
	at := st.freq.At(instr)
	fromFunc := st.freq.Of(instr.Parent())&recurring != 0
	if at&recurring != 0 {
		if !fromFunc && st.loopGuarded(instr) {
			return 0, "" // the loop brings the frequency, and the start is decided by more than the event
		}
		return at, st.freq.WhyAt(instr)
	}
	if at&frequency.PerLoop == 0 {
		return 0, ""
	}
	head := innermostLoop(instr)
	if head == nil {
		return 0, ""
	}
	for _, ch := range receivedAt(head, instr) {
		path, name := st.fieldPath(ch)
		if path == "" {
			continue
		}
		if fed, send := st.fedAt(path); fed != 0 && !st.loopGuarded(instr) {
			return fed, fmt.Sprintf("a loop over %s, which %s sends on %s", name, match.FuncName(send.Parent()), fed.Main())
		}
	}
	return 0, ""
}

// innermostLoop returns the head of the innermost loop around instr: the
// nearest block dominating it that it reaches back to; nil if none.
func innermostLoop(instr ssa.Instruction) *ssa.BasicBlock {
	b := instr.Block()
	for d := b; d != nil; d = d.Idom() {
		if loopHeader(d) && inLoop(b, d) {
			return d
		}
	}
	return nil
}

// inLoop reports whether b is in the loop headed by head: it gets back to
// head through blocks head dominates (a back edge), not through an outer
// loop's.
func inLoop(b, head *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{b: true}
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 && len(seen) <= 4*maxRecvWalk {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range x.Succs {
			if s == head {
				return true
			}
			if !seen[s] && head.Dominates(s) {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return false
}

// receivedAt returns the channels the loop at head receives from on the
// way to instr: a range's or a plain receive's, and of a select only the
// case whose body holds instr.
func receivedAt(head *ssa.BasicBlock, instr ssa.Instruction) []ssa.Value {
	var out []ssa.Value
	for d := instr.Block(); d != nil; d = d.Idom() {
		for _, x := range d.Instrs {
			switch x := x.(type) {
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					out = append(out, x.X)
				}
			case *ssa.Select:
				if i := caseOf(x, instr.Block()); i >= 0 && x.States[i].Dir == types.RecvOnly {
					out = append(out, x.States[i].Chan)
				}
			}
		}
		if d == head {
			break
		}
	}
	return out
}

// caseOf returns the index of the case of sel whose body dominates b, or
// -1.
func caseOf(sel *ssa.Select, b *ssa.BasicBlock) int {
	for _, r := range *sel.Referrers() {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, u := range *ex.Referrers() {
			cmp, ok := u.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			c, ok := cmp.Y.(*ssa.Const)
			if !ok {
				continue
			}
			for _, v := range *cmp.Referrers() {
				if iff, ok := v.(*ssa.If); ok && iff.Block().Succs[0].Dominates(b) {
					return int(c.Int64())
				}
			}
		}
	}
	return -1
}

// fieldPath returns a key for the chain of struct fields a channel is
// loaded from (a.boot.ch and a.live.ch differ) and its name for messages;
// "" when it is not loaded from a field, or when the chain starts in a
// struct type that more than one field of the package holds (two queues
// of one type, reached through their methods, would look the same).
func (st *state) fieldPath(ch ssa.Value) (key, name string) {
	u, ok := ch.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return "", ""
	}
	var keys, names []string
	var root types.Type
	v := u.X
	for range 8 {
		fa, ok := v.(*ssa.FieldAddr)
		if !ok {
			break
		}
		root = fa.X.Type()
		f := fieldOf(fa)
		if f == nil {
			return "", ""
		}
		keys = append(keys, fmt.Sprintf("%p", f.Origin()))
		names = append([]string{f.Name()}, names...)
		switch x := fa.X.(type) {
		case *ssa.FieldAddr:
			v = x
		case *ssa.UnOp:
			if x.Op != token.MUL {
				v = nil
				break
			}
			v = x.X
		default:
			v = nil
		}
		if v == nil {
			break
		}
	}
	if len(keys) == 0 || st.sharedStruct(root) {
		return "", ""
	}
	return strings.Join(keys, "."), strings.Join(names, ".")
}

// sharedStruct reports whether t (a pointer to a named struct, or one)
// is held by more than one field of the package's struct types, or by a
// slice, array, map or channel field: instances we cannot tell apart.
func (st *state) sharedStruct(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return true
	}
	if r, ok := st.sharedMemo[named]; ok {
		return r
	}
	holds := func(ft types.Type) bool {
		if p, ok := ft.Underlying().(*types.Pointer); ok {
			ft = p.Elem()
		}
		return types.Identical(ft, named)
	}
	n := 0
	scope := st.pass.Pkg.Scope()
	for _, nm := range scope.Names() {
		tn, ok := scope.Lookup(nm).(*types.TypeName)
		if !ok {
			continue
		}
		s, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range s.Fields() {
			switch ft := f.Type().Underlying().(type) {
			case *types.Slice:
				if holds(ft.Elem()) {
					n += 2
				}
			case *types.Array:
				if holds(ft.Elem()) {
					n += 2
				}
			case *types.Map:
				if holds(ft.Elem()) {
					n += 2
				}
			case *types.Chan:
				if holds(ft.Elem()) {
					n += 2
				}
			default:
				if holds(f.Type()) {
					n++
				}
			}
		}
	}
	st.sharedMemo[named] = n > 1
	return n > 1
}

// fedAt returns the first send in the package on the channel field path
// that runs per event, reconcile, request, tick or the like and is not
// behind a check of kept state, and how often it runs; 0 when none does.
// Memoised.
func (st *state) fedAt(path string) (frequency.Freq, *ssa.Send) {
	if r, ok := st.fedMemo[path]; ok {
		return r.freq, r.send
	}
	var r fedSend
	for _, fn := range st.fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				send, ok := instr.(*ssa.Send)
				if !ok || r.send != nil {
					continue
				}
				if p, _ := st.fieldPath(send.Chan); p != path {
					continue
				}
				if at := st.freq.At(send) & recurring; at != 0 && !st.startGuarded(fn, send) {
					r = fedSend{at, send}
				}
			}
		}
	}
	st.fedMemo[path] = r
	return r.freq, r.send
}

// fedSend is fedAt's answer.
type fedSend struct {
	freq frequency.Freq
	send *ssa.Send
}

// loopGuarded reports whether, in the innermost loop around instr,
// something other than the received value decides whether instr runs: a
// branch on its way from the loop's head on a value carried from one
// iteration to the next (a phi), a map lookup, a load or a call; or a
// watch stopped after it, before the loop goes round again.
func (st *state) loopGuarded(instr ssa.Instruction) bool {
	head := innermostLoop(instr)
	if head == nil {
		return true
	}
	b := instr.Block()
	for d := b; d != nil; d = d.Idom() {
		if iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If); ok && d != b && !eventValue(iff.Cond, head, 0) {
			return true
		}
		for _, x := range d.Instrs {
			if sel, ok := x.(*ssa.Select); ok && !st.recurringCase(sel, b) {
				return true
			}
		}
		if d == head {
			break
		}
	}
	return stopsWatch(b, head)
}

// recurringCase reports whether the case of sel whose body holds b
// receives from a channel that brings events, ticks or the like (a watch,
// a ticker, a channel field the package feeds per event), or b is not in
// one case's body.
func (st *state) recurringCase(sel *ssa.Select, b *ssa.BasicBlock) bool {
	i := caseOf(sel, b)
	if i < 0 {
		return true
	}
	if i >= len(sel.States) || sel.States[i].Dir != types.RecvOnly {
		return false
	}
	ch := sel.States[i].Chan
	if f, _ := frequency.OfChannel(ch); f&recurring != 0 {
		return true
	}
	if path, _ := st.fieldPath(ch); path != "" {
		f, _ := st.fedAt(path)
		return f != 0
	}
	return false
}

// eventValue reports whether v is computed from what the loop at head
// received (its value, its ok, which select case fired), constants and
// operators alone.
func eventValue(v ssa.Value, head *ssa.BasicBlock, depth int) bool {
	if depth > 8 {
		return false
	}
	switch v := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.UnOp:
		if v.Op == token.ARROW {
			return true
		}
		if v.Op == token.MUL {
			switch x := v.X.(type) {
			case *ssa.FieldAddr:
				// a field of the received value, unless the function
				// writes that field (a flag on the received object)
				return !writesField(v.Parent(), fieldOf(x)) && eventValue(x.X, head, depth+1)
			case *ssa.Alloc:
				return eventValue(x, head, depth+1)
			}
			return false
		}
		return eventValue(v.X, head, depth+1)
	case *ssa.Select:
		return true
	case *ssa.Alloc:
		// a local of the loop's body holding the received value: each
		// store is of one, and none is made through a field
		if v.Block() == nil || !head.Dominates(v.Block()) || !inLoop(v.Block(), head) {
			return false
		}
		stored := false
		for _, r := range *v.Referrers() {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != ssa.Value(v) || !eventValue(r.Val, head, depth+1) {
					return false
				}
				stored = true
			case *ssa.FieldAddr:
				for _, u := range *r.Referrers() {
					if _, ok := u.(*ssa.Store); ok {
						return false
					}
				}
			case *ssa.UnOp, *ssa.DebugRef:
			default:
				return false
			}
		}
		return stored
	case *ssa.Extract:
		return eventValue(v.Tuple, head, depth+1)
	case *ssa.BinOp:
		return eventValue(v.X, head, depth+1) && eventValue(v.Y, head, depth+1)
	case *ssa.Field:
		return eventValue(v.X, head, depth+1)
	case *ssa.FieldAddr:
		return eventValue(v.X, head, depth+1)
	case *ssa.TypeAssert:
		return eventValue(v.X, head, depth+1)
	case *ssa.ChangeType:
		return eventValue(v.X, head, depth+1)
	case *ssa.Convert:
		return eventValue(v.X, head, depth+1)
	case *ssa.MakeInterface:
		return eventValue(v.X, head, depth+1)
	}
	return false
}

// writesField reports whether fn stores to the field f of any value.
func writesField(fn *ssa.Function, f *types.Var) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok {
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fieldOf(fa) == f {
					return true
				}
			}
		}
	}
	return false
}

// stopsWatch reports whether a block reached from b before the loop's
// head goes round again stops a watch (watch.Interface's Stop): the loop
// ends with the start.
func stopsWatch(b, head *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{b: true}
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 && len(seen) <= 4*maxRecvWalk {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, instr := range x.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok && c.Common().IsInvoke() && c.Common().Method.Name() == "Stop" &&
				match.IsNamed(c.Common().Value.Type(), apis.WatchPkg, "Interface") {
				return true
			}
		}
		for _, s := range x.Succs {
			if s != head && !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return false
}
