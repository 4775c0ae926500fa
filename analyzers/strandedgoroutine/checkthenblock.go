package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// A producer that checks for stop before it sends, not while it sends:
//
//	for {
//		select {
//		case <-stop:
//			return
//		default:
//		}
//		ch <- v // blocks for ever once the consumer has stopped
//	}
//
// while every consumer receives in a select that returns on the same stop
// signal. When the signal comes between the check and the send, the
// consumer returns and the producer blocks on its send for ever. The poll
// is the evidence that stop comes while the loop runs; the consumers'
// select on the same signal is the evidence that nobody drains after it.

// maxRecvWalk bounds the blocks walked to find where a case leads.
const maxRecvWalk = 256

// maxWalkValues bounds the values walked to find a channel's receivers
// (every load of a field is one).
const maxWalkValues = 10000

// checkCheckThenBlock reports such sends in fn.
func (st *state) checkCheckThenBlock(fn *ssa.Function) {
	if st.runsOnce(fn) {
		return
	}
	for _, b := range fn.Blocks {
		if !st.loops.In(b) {
			continue
		}
		for _, instr := range b.Instrs {
			send, ok := instr.(*ssa.Send)
			if !ok {
				continue
			}
			poll, key := st.pollBefore(send)
			if poll == nil || admitted(send, poll) {
				continue
			}
			recv, ok := st.receiversStopOn(send.Chan, key)
			if !ok {
				continue
			}
			st.rep.Report(analysis.Diagnostic{
				Pos: send.Pos(),
				Message: fmt.Sprintf("send can block for ever: %s checks for %s before the send, not during it, and every receiver of the channel returns on that signal; when it comes between the check and the send, nobody receives and the goroutine never ends; select on %s in the send too",
					funcName(fn), keyName(key), keyName(key)),
				Related: []analysis.RelatedInformation{
					{Pos: poll.Pos(), Message: "the check"},
					{Pos: recv, Message: "a receiver that returns on the same signal"},
				},
			})
		}
	}
}

// pollBefore returns a non-blocking check of a stop signal that runs
// before the send on every path, in the same loop, and whose stop branch
// leaves the loop: a select with a default, or if ctx.Err() != nil.
func (st *state) pollBefore(send *ssa.Send) (ssa.Instruction, any) {
	// the check is a block that ends the same iteration's way to the send:
	// a dominator in a loop, from which the send leads back to it (looked
	// for only once a block holds a check, and only so far up)
	n := 0
	for d := send.Block().Idom(); d != nil && n < maxPollDepth; d = d.Idom() {
		n++
		if !st.loops.In(d) {
			continue
		}
		for _, instr := range d.Instrs {
			switch in := instr.(type) {
			case *ssa.Select:
				if in.Blocking || !reaches(send.Block(), d) {
					continue
				}
				for i, s := range in.States {
					if s.Dir != types.RecvOnly {
						continue
					}
					key := stopKey(s.Chan)
					if key == nil {
						continue
					}
					if body := caseBody(in, i); body != nil && !body.Dominates(send.Block()) && exits(body, d) {
						return in, key
					}
				}
			case *ssa.If:
				if key := errCheck(in.Cond); key != nil && !in.Block().Succs[0].Dominates(send.Block()) && reaches(send.Block(), d) && exits(in.Block().Succs[0], d) {
					return in, key
				}
			}
		}
	}
	return nil, nil
}

// maxPollDepth bounds the dominators looked at for a check before a send.
const maxPollDepth = 64

// ctxSignal is the key of a context's Done channel: the context made in
// the package that it is (the result of a With* call, Background), or
// nil for one of unknown origin (a parameter, a field), which counts as
// the same as any other of unknown origin. Two contexts made in different
// places are different signals (a consumer that returns on its own
// context, cancelled once the producers are done, strands nobody).
type ctxSignal struct{ origin ssa.Value }

// ctxKeyOf returns the key of the Done channel or Err of context value v.
func ctxKeyOf(v ssa.Value) ctxSignal {
	return ctxSignal{ctxOrigin(v, 0)}
}

// ctxOrigin follows v through conversions, captured variables and the
// bindings of closures to the call that made it, or returns nil.
func ctxOrigin(v ssa.Value, depth int) ssa.Value {
	if depth > 8 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.ChangeType:
		return ctxOrigin(x.X, depth+1)
	case *ssa.MakeInterface:
		return ctxOrigin(x.X, depth+1)
	case *ssa.Extract:
		if c, ok := x.Tuple.(*ssa.Call); ok {
			return c
		}
	case *ssa.Call:
		return x
	case *ssa.UnOp:
		if a, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			if sv := storedValue(a); sv != nil {
				return ctxOrigin(sv, depth+1)
			}
		}
		if fv, ok := x.X.(*ssa.FreeVar); ok && x.Op == token.MUL {
			// a captured variable: its cell in the maker
			if a, ok := bindingOf(fv).(*ssa.Alloc); ok {
				if sv := storedValue(a); sv != nil {
					return ctxOrigin(sv, depth+1)
				}
			}
		}
	case *ssa.FreeVar:
		if b := bindingOf(x); b != nil {
			return ctxOrigin(b, depth+1)
		}
	}
	return nil
}

// bindingOf returns the value a closure's free variable is bound to, when
// its function is made in one place.
func bindingOf(fv *ssa.FreeVar) ssa.Value {
	fn := fv.Parent()
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	var out ssa.Value
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn && idx >= 0 && idx < len(mc.Bindings) {
				if out != nil {
					return nil
				}
				out = mc.Bindings[idx]
			}
		}
	}
	return out
}

// stopKey names a stop signal: ctx.Done() of any context, a field, or
// a function that returns one (an accessor such as ShouldStop).
func stopKey(v ssa.Value) any {
	switch v := v.(type) {
	case *ssa.Call:
		if v.Call.IsInvoke() {
			if v.Call.Method.Name() == "Done" && match.IsNamed(v.Call.Value.Type(), "context", "Context") {
				return ctxKeyOf(v.Call.Value)
			}
			return nil
		}
		if callee := v.Call.StaticCallee(); callee != nil {
			if f := accessorField(callee); f != nil {
				return f
			}
			return callee
		}
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			if f := fieldOf(fa); f != nil {
				return f.Origin()
			}
		}
	case *ssa.ChangeType:
		return stopKey(v.X)
	}
	return nil
}

// accessorField returns the field a function returns on every path, if
// it only returns loads of one channel field (or nil).
func accessorField(fn *ssa.Function) *types.Var {
	if len(fn.Blocks) == 0 || len(fn.Blocks) > 8 || fn.Signature.Results().Len() != 1 {
		return nil
	}
	var f *types.Var
	for _, b := range fn.Blocks {
		r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		v := r.Results[0]
		if ct, ok := v.(*ssa.ChangeType); ok {
			v = ct.X
		}
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			continue
		}
		u, ok := v.(*ssa.UnOp)
		if !ok || u.Op != token.MUL {
			return nil
		}
		fa, ok := u.X.(*ssa.FieldAddr)
		if !ok {
			return nil
		}
		g := fieldOf(fa)
		if g == nil || (f != nil && g.Origin() != f) {
			return nil
		}
		f = g.Origin()
	}
	return f
}

// errCheck: the condition ctx.Err() != nil.
func errCheck(cond ssa.Value) any {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || cmp.Op != token.NEQ {
		return nil
	}
	c, ok := cmp.Y.(*ssa.Const)
	if !ok || !c.IsNil() {
		return nil
	}
	call, ok := cmp.X.(*ssa.Call)
	if ok && call.Call.IsInvoke() && call.Call.Method.Name() == "Err" && match.IsNamed(call.Call.Value.Type(), "context", "Context") {
		return ctxKeyOf(call.Call.Value)
	}
	return nil
}

func keyName(key any) string {
	switch k := key.(type) {
	case ctxSignal:
		return "ctx.Done()"
	case string:
		return k
	case *types.Var:
		return "<-" + k.Name()
	case *ssa.Function:
		return "<-" + k.Name() + "()"
	}
	return "stop"
}

// caseBody returns the block that runs when case i of sel is taken: the
// true branch of the if index == i that follows it.
func caseBody(sel *ssa.Select, i int) *ssa.BasicBlock {
	for _, r := range refs(sel) {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, r2 := range refs(ex) {
			cmp, ok := r2.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			if c, ok := cmp.Y.(*ssa.Const); !ok || c.Int64() != int64(i) {
				continue
			}
			for _, r3 := range refs(cmp) {
				if iff, ok := r3.(*ssa.If); ok {
					return iff.Block().Succs[0]
				}
			}
		}
	}
	return nil
}

// exits reports whether no path from b comes back to the block from:
// each returns, panics, or stays in a loop of its own.
func exits(b, from *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{from: true}
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 && len(seen) < maxRecvWalk {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[x] {
			if x == from {
				return false
			}
			continue
		}
		seen[x] = true
		if len(x.Succs) == 0 {
			continue
		}
		work = append(work, x.Succs...)
	}
	return len(work) == 0
}

// reaches reports whether there is a path from a to b; a walk that
// gives up (at 4*maxRecvWalk blocks) says no.
func reaches(a, b *ssa.BasicBlock) bool {
	yes, _ := reach(a, b)
	return yes
}

// mayReach reports whether there may be a path from a to b; a walk that
// gives up says yes.
func mayReach(a, b *ssa.BasicBlock) bool {
	yes, sure := reach(a, b)
	return yes || !sure
}

// reach looks for a path from a to b within 4*maxRecvWalk blocks; sure
// is false when it gave up before it knew.
func reach(a, b *ssa.BasicBlock) (yes, sure bool) {
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{a}
	for len(work) > 0 {
		if len(seen) >= 4*maxRecvWalk {
			return false, false
		}
		x := work[len(work)-1]
		work = work[:len(work)-1]
		for _, s := range x.Succs {
			if s == b {
				return true, true
			}
			if !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return false, true
}

// receiversStopOn reports whether every receive of the channel that the
// package can see is in a select that also waits on the stop signal key
// and returns there, and there is at least one; ok is false when the
// channel may reach code we cannot see. pos is one such receive.
func (st *state) receiversStopOn(ch ssa.Value, key any) (pos token.Pos, ok bool) {
	visit := func(sel *ssa.Select, _ ssa.Instruction, _ int) bool {
		// a plain receive may drain after the stop
		return sel != nil && stopsOn(sel, key)
	}
	f := chanField(ch)
	if f == nil {
		w := st.walkFrom(ch, visit)
		if w.bad || !unbuffered(w.made) {
			return token.NoPos, false // a buffer may take the send
		}
		return w.found, w.found.IsValid()
	}
	// a buffer may take the send: one the package makes, or one another
	// package may store in an exported field (an unexported field that
	// nothing stores is nil)
	if ff := st.dead.fields[f]; ff != nil && (ff.buffered || ff.unsized) || f.Exported() && (ff == nil || !ff.made.IsValid()) {
		return token.NoPos, false
	}
	// a field's load: the walk over the field sees every load, once
	k := stopMemo{f, key}
	if r, done := st.stopRecv[k]; done {
		return r.pos, r.ok
	}
	pos, ok = st.walkReceivers(ch, visit)
	st.stopRecv[k] = stopResult{pos, ok}
	return pos, ok
}

// stopMemo and stopResult memoise receiversStopOn per field and signal.
type stopMemo struct {
	f   *types.Var
	key any
}

type stopResult struct {
	pos token.Pos
	ok  bool
}

// walkReceivers calls visit for every receive of the channel that the
// package can see (sel is nil for a plain receive or a range; idx is the
// case of sel), followed
// through fields, accessors, captured variables and arguments to the
// package's functions. ok is false when visit refuses one, or the
// channel may reach code we cannot see; pos is the first receive.
func (st *state) walkReceivers(ch ssa.Value, visit func(sel *ssa.Select, recv ssa.Instruction, idx int) bool) (pos token.Pos, ok bool) {
	w := st.walkFrom(ch, visit)
	if w.bad || !w.found.IsValid() {
		return token.NoPos, false
	}
	return w.found, true
}

// walkFrom runs the walk of walkReceivers and returns it.
func (st *state) walkFrom(ch ssa.Value, visit func(sel *ssa.Select, recv ssa.Instruction, idx int) bool) *recvWalk {
	w := &recvWalk{st: st, visit: visit, seen: make(map[ssa.Value]bool), fields: make(map[*types.Var]bool)}
	w.value(ch)
	if u, ok := ch.(*ssa.UnOp); ok && u.Op == token.MUL {
		switch u.X.(type) {
		case *ssa.Alloc, *ssa.FreeVar:
			// a variable captured by a closure: its cell
			w.value(u.X)
		}
	}
	if f := chanField(ch); f != nil {
		w.field(f)
	}
	return w
}

func chanField(v ssa.Value) *types.Var {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			if f := fieldOf(fa); f != nil {
				return f.Origin()
			}
		}
	}
	return nil
}

type recvWalk struct {
	st     *state
	visit  func(*ssa.Select, ssa.Instruction, int) bool
	seen   map[ssa.Value]bool
	fields map[*types.Var]bool
	found  token.Pos
	bad    bool
	// made: the makes of the channel the walk came through
	made []*ssa.MakeChan
}

// handedOut reports whether importers may call fn: an exported function,
// or an exported method of an exported type, of a package other than
// main.
func handedOut(fn *ssa.Function) bool {
	obj := fn.Object()
	if obj == nil || !obj.Exported() || fn.Pkg == nil || fn.Pkg.Pkg.Name() == "main" {
		return false
	}
	if recv := fn.Signature.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := types.Unalias(t).(*types.Named)
		return ok && n.Obj().Exported()
	}
	return true
}

// unbuffered reports whether the channel is made, and only unbuffered.
func unbuffered(made []*ssa.MakeChan) bool {
	for _, mc := range made {
		if n, ok := resource.IntConst(mc.Size); !ok || n != 0 {
			return false
		}
	}
	return len(made) > 0
}

// bound walks the free variables of the closure mc that v is bound to.
func (w *recvWalk) bound(mc *ssa.MakeClosure, v ssa.Value) {
	fn, _ := mc.Fn.(*ssa.Function)
	if fn == nil {
		w.bad = true
		return
	}
	for i, b := range mc.Bindings {
		if b == v && i < len(fn.FreeVars) {
			w.value(fn.FreeVars[i])
		}
	}
}

// field walks every load of a channel field in the package.
func (w *recvWalk) field(f *types.Var) {
	if w.fields[f] {
		return
	}
	w.fields[f] = true
	for _, fn := range w.st.all {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				fa, ok := instr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				if g := fieldOf(fa); g == nil || g.Origin() != f {
					continue
				}
				for _, r := range refs(fa) {
					switch u := r.(type) {
					case *ssa.UnOp:
						if u.Op == token.MUL {
							w.value(u)
						}
					case *ssa.Store:
						if u.Addr != ssa.Value(fa) {
							w.bad = true
						}
					case *ssa.DebugRef:
					default:
						w.bad = true
					}
				}
			}
		}
	}
}

// value classifies the uses of a channel value.
func (w *recvWalk) value(v ssa.Value) {
	if w.bad || w.seen[v] {
		return
	}
	if len(w.seen) > maxWalkValues {
		w.bad = true
		return
	}
	w.seen[v] = true
	switch v := v.(type) {
	case *ssa.MakeChan:
		w.made = append(w.made, v)
	case *ssa.Alloc:
		w.cell(v)
		return
	case *ssa.FreeVar:
		if _, ok := v.Type().Underlying().(*types.Pointer); ok {
			w.cell(v)
			w.boundTo(v)
			return
		}
		w.boundTo(v)
	}
	for _, r := range refs(v) {
		if w.bad {
			return
		}
		switch u := r.(type) {
		case *ssa.DebugRef, *ssa.BinOp:
		case *ssa.Send:
			if u.Chan != v {
				w.bad = true // the channel handed on
			}
		case *ssa.UnOp:
			if u.Op == token.ARROW {
				if !w.visit(nil, u, -1) {
					w.bad = true
				} else if !w.found.IsValid() {
					w.found = u.Pos()
				}
			}
		case *ssa.Select:
			for i, s := range u.States {
				if s.Chan == v && s.Dir == types.RecvOnly {
					if !w.visit(u, u, i) {
						w.bad = true
						return
					}
					if !w.found.IsValid() {
						w.found = s.Pos
					}
				}
				if s.Send == v {
					w.bad = true
				}
			}
		case *ssa.ChangeType:
			w.value(u)
		case *ssa.Phi:
			w.value(u)
		case *ssa.Store:
			if a, ok := u.Addr.(*ssa.Alloc); ok && u.Val == v {
				w.value(a)
				continue
			}
			if f := storedField(u); f != nil && u.Val == v {
				w.field(f)
				continue
			}
			w.bad = true
		case *ssa.Call:
			w.arg(u.Common(), v)
		case *ssa.Go:
			w.arg(u.Common(), v)
		case *ssa.Defer:
			w.arg(u.Common(), v)
		case *ssa.MakeClosure:
			w.bound(u, v)
		case *ssa.Return:
			// returned: an accessor's callers are walked when its field is
			if !w.accessor(u.Parent()) {
				w.bad = true
			}
		default:
			w.bad = true
		}
	}
}

// accessor: the function returns the field, and its calls are walked.
func (w *recvWalk) accessor(fn *ssa.Function) bool {
	f := accessorField(fn)
	if f == nil || !w.fields[f] {
		return false
	}
	if handedOut(fn) {
		w.bad = true // importers may receive from what it returns
		return true
	}
	for _, g := range w.st.all {
		for c := range match.Calls(g) {
			if c.Call.StaticCallee() == fn || c.Call.IsInvoke() && slices.Contains(w.st.implementations(&c.Call), fn) {
				w.value(c)
			}
		}
	}
	return true
}

// arg follows a channel passed to a function of the package.
func (w *recvWalk) arg(c *ssa.CallCommon, v ssa.Value) {
	if bi, ok := c.Value.(*ssa.Builtin); ok {
		switch bi.Name() {
		case "len", "cap", "close":
			return
		}
		w.bad = true
		return
	}
	callee := c.StaticCallee()
	if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg != w.st.pass.Pkg || len(callee.Blocks) == 0 {
		w.bad = true
		return
	}
	if c.Value == v {
		return
	}
	for i, a := range c.Args {
		if a == v && i < len(callee.Params) {
			w.value(callee.Params[i])
		}
	}
}

func storedField(s *ssa.Store) *types.Var {
	if fa, ok := s.Addr.(*ssa.FieldAddr); ok {
		if f := fieldOf(fa); f != nil {
			return f.Origin()
		}
	}
	return nil
}

// stopsOn reports whether a select also waits on the stop signal key,
// and returns when it comes.
func stopsOn(sel *ssa.Select, key any) bool {
	if !sel.Blocking {
		return false
	}
	for i, s := range sel.States {
		if s.Dir != types.RecvOnly || stopKey(s.Chan) != key {
			continue
		}
		if body := caseBody(sel, i); body != nil && exits(body, sel.Block()) {
			return true
		}
	}
	return false
}

// admitted reports whether the send runs only after the stopper admitted
// it: an if on a bool method of the type whose method gives the stop
// signal (cockroach's if !stopper.StartTask() { continue }), between the
// check and the send. The stopper then knows the send is in flight and
// waits for it before it signals.
func admitted(send *ssa.Send, poll ssa.Instruction) bool {
	owner := stopOwner(poll)
	if owner == nil {
		return false
	}
	for d := send.Block().Idom(); d != nil && d != poll.Block(); d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cond := iff.Cond
		if u, ok := cond.(*ssa.UnOp); ok && u.Op == token.NOT {
			cond = u.X
		}
		c, ok := cond.(*ssa.Call)
		if !ok {
			continue
		}
		if callee := c.Call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil && recvNamed(callee.Signature.Recv().Type()) == owner {
			return true
		}
	}
	return false
}

// stopOwner returns the named type whose method gives the poll's stop
// signal (Stopper for stopper.ShouldStop()), or nil.
func stopOwner(poll ssa.Instruction) *types.TypeName {
	sel, ok := poll.(*ssa.Select)
	if !ok {
		return nil
	}
	for _, s := range sel.States {
		if c, ok := s.Chan.(*ssa.Call); ok {
			if callee := c.Call.StaticCallee(); callee != nil && callee.Signature.Recv() != nil {
				return recvNamed(callee.Signature.Recv().Type())
			}
		}
	}
	return nil
}

func recvNamed(t types.Type) *types.TypeName {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// boundTo walks the values a closure's free variable is bound to where
// the closure is made.
func (w *recvWalk) boundTo(fv *ssa.FreeVar) {
	fn := fv.Parent()
	idx := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			idx = i
		}
	}
	for _, r := range refs(fn) {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok || idx < 0 || idx >= len(mc.Bindings) {
			w.bad = true
			continue
		}
		w.value(mc.Bindings[idx])
	}
}

// cell walks a variable cell of a channel: the values stored in it, its
// loads, and the closures that capture it.
func (w *recvWalk) cell(a ssa.Value) {
	for _, r := range refs(a) {
		switch u := r.(type) {
		case *ssa.Store:
			if u.Addr == a {
				w.value(u.Val)
				continue
			}
			w.bad = true
		case *ssa.UnOp:
			if u.Op == token.MUL {
				w.value(u)
				continue
			}
			w.bad = true
		case *ssa.MakeClosure:
			w.bound(u, a)
		case *ssa.DebugRef:
		default:
			w.bad = true
		}
	}
}
