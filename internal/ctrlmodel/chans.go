package ctrlmodel

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// ChanID identifies a channel: by the struct field or package variable
// that holds it, or by its make site.
type ChanID struct {
	Var  *types.Var // a struct field or a package-level variable
	Make *ssa.MakeChan
	// Param is a channel parameter of an entry (an exported function
	// that no code of the package calls): the callers' channel, which
	// the entry's summary describes to its importers.
	Param *ssa.Parameter
}

func (c ChanID) String() string {
	switch {
	case c.Var != nil && c.Var.IsField():
		return "field " + c.Var.Name()
	case c.Var != nil:
		return "variable " + c.Var.Name()
	case c.Make != nil:
		return "channel made at " + c.Make.Parent().Prog.Fset.Position(c.Make.Pos()).String()
	case c.Param != nil:
		return "parameter " + c.Param.Name() + " of " + c.Param.Parent().Name()
	}
	return "channel"
}

// valid reports whether c identifies a channel.
func (c ChanID) valid() bool { return c.Var != nil || c.Make != nil || c.Param != nil }

// OpKind is a send or a receive.
type OpKind int

// Operation kinds.
const (
	Send OpKind = iota
	Recv
	Close // kept apart from Ops: see Channel.Closes
)

// Op is a channel operation of this package.
type Op struct {
	Instr    ssa.Instruction
	Kind     OpKind
	Fn       *ssa.Function
	Pos      token.Pos
	Chan     ChanID
	Blocking bool // a send that waits for a receiver (or buffer room)
	// Waits: a receive that waits for a sender (a plain receive, or a
	// select with no default and no other case that can fire)
	Waits  bool
	InLoop bool
}

// findChanOps records the channel operations of the package, the
// capacity of each channel, the aliases created by storing a channel into
// a field, and the channels handed to code we cannot see.
func (m *Model) findChanOps() {
	m.union = make(map[ChanID]ChanID)
	m.paramMemo = make(map[*ssa.Parameter]ChanID)
	if m.resolveMemo == nil {
		m.resolveMemo = make(map[ssa.Value]ChanID)
	}
	loops := make(resource.Loops)
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Send:
					m.addOp(in, Send, fn, in.Pos(), in.Chan, true, loops.In(b))
				case *ssa.UnOp:
					if in.Op == token.ARROW {
						m.addOp(in, Recv, fn, in.Pos(), in.X, true, loops.In(b))
					}
				case *ssa.Select:
					hasRecv := false
					for _, s := range in.States {
						// another case that may proceed: a receive
						// (not on the Done channel of a context that
						// lives until the process stops), or a send on
						// another channel
						if (s.Dir == types.RecvOnly && !m.neverDone(s.Chan)) || (s.Dir == types.SendOnly && s.Chan != in.States[0].Chan) {
							hasRecv = true
						}
					}
					for k, s := range in.States {
						if s.Dir == types.SendOnly {
							// blocks unless a default or another
							// (receive) case can proceed
							m.addOp(in, Send, fn, s.Pos, s.Chan, in.Blocking && !hasRecv, loops.In(b))
						} else {
							m.addOp(in, Recv, fn, s.Pos, s.Chan, in.Blocking && !m.otherCase(in, k), loops.In(b))
						}
					}
				case *ssa.Store:
					m.chanStore(in)
				case ssa.CallInstruction:
					if bi, ok := in.Common().Value.(*ssa.Builtin); ok && bi.Name() == "close" && len(in.Common().Args) == 1 {
						if id := m.resolve(in.Common().Args[0], 0); id.valid() {
							m.closes = append(m.closes, &Op{Instr: in, Kind: Close, Fn: fn, Pos: in.Pos(), Chan: id, InLoop: loops.In(b)})
						}
					}
					m.chanArgs(in)
				case *ssa.Return:
					for _, r := range in.Results {
						if _, ok := r.Type().Underlying().(*types.Chan); ok {
							if id := m.resolve(r, 0); id.valid() {
								m.escaped[id] = true
							}
						}
					}
				case *ssa.MapUpdate:
					if id := m.resolve(in.Value, 0); id.valid() {
						m.escaped[id] = true
					}
				}
			}
		}
	}
}

func (m *Model) addOp(instr ssa.Instruction, kind OpKind, fn *ssa.Function, pos token.Pos, ch ssa.Value, blocking, inLoop bool) {
	id := m.resolve(ch, 0)
	if !id.valid() {
		return
	}
	op := &Op{Instr: instr, Kind: kind, Fn: fn, Pos: pos, Chan: id, InLoop: inLoop}
	if kind == Send {
		op.Blocking = blocking
	} else {
		op.Waits = blocking
	}
	m.ops = append(m.ops, op)
}

// otherCase reports whether a select has a case other than k that can
// fire while k waits: a send, or a receive that is not on the Done
// channel of a context that lives until the process stops.
func (m *Model) otherCase(sel *ssa.Select, k int) bool {
	for j, s := range sel.States {
		if j != k && (s.Dir == types.SendOnly || !m.neverDone(s.Chan)) {
			return true
		}
	}
	return false
}

// Dominates reports whether o runs before other on every path to it
// (both in the same function).
func (o *Op) Dominates(other *Op) bool {
	a, b := o.Instr.Block(), other.Instr.Block()
	if a != b {
		return a.Dominates(b)
	}
	for _, in := range a.Instrs {
		if in == o.Instr {
			return true
		}
		if in == other.Instr {
			return false
		}
	}
	return false
}

// chanStore handles `x.f = ch`, `global = ch` and `x.f = make(chan T, n)`.
func (m *Model) chanStore(st *ssa.Store) {
	if _, ok := st.Val.Type().Underlying().(*types.Chan); !ok {
		return
	}
	var dst ChanID
	switch a := st.Addr.(type) {
	case *ssa.FieldAddr:
		dst = ChanID{Var: fieldVar(a)}
	case *ssa.Global:
		dst = ChanID{Var: globalVar(a)}
	case *ssa.Alloc:
		return // a local variable: resolve follows it
	default:
		if id := m.resolve(st.Val, 0); id.valid() {
			m.escaped[id] = true
		}
		return
	}
	if !dst.valid() {
		return
	}
	if mc, ok := st.Val.(*ssa.MakeChan); ok {
		m.setCap(dst, mc)
	}
	src := m.resolve(st.Val, 0)
	if !src.valid() {
		// a channel of unknown origin: the field's channels are not
		// all known
		m.escaped[dst] = true
		return
	}
	if src != dst {
		m.merge(src, dst)
		if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
			m.wirings = append(m.wirings, &Wiring{Store: st, Field: dst.Var, Alloc: fa.X, Chan: src})
		}
	}
}

// neverDone reports whether ch is the Done channel of a context that is
// done only when the process stops: context.Background() or TODO() (whose
// Done is nil), or the signal handler's context main gives the manager,
// reached through local variables and closures. A select case on it is no
// way out for a send blocked on a standby.
func (m *Model) neverDone(ch ssa.Value) bool {
	c, ok := ch.(*ssa.Call)
	if !ok || !c.Call.IsInvoke() || c.Call.Method.Name() != "Done" || !match.IsNamed(c.Call.Value.Type(), "context", "Context") {
		return false
	}
	return m.longLivedContext(c.Call.Value, c.Parent(), 0)
}

// longLivedContext reports whether the context v is not done while a
// wait in the function at is pending: see neverDone.
func (m *Model) longLivedContext(v ssa.Value, at *ssa.Function, depth int) bool {
	if depth > maxResolveDepth {
		return false
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		return m.contextParam(v, at, depth)
	case *ssa.Extract:
		return v.Index == 0 && m.cancelledAfter(v, at, depth)
	case *ssa.Call:
		if callee := match.CalleeObject(v.Common()); callee != nil {
			for _, w := range apis.ContextWrappers {
				if match.Is(callee, w.Func) && w.Arg < len(v.Call.Args) {
					return m.longLivedContext(v.Call.Args[w.Arg], at, depth+1)
				}
			}
			return match.IsAny(callee, apis.LongLivedContexts)
		}
		if load, ok := v.Call.Value.(*ssa.UnOp); ok {
			if g, ok := load.X.(*ssa.Global); ok {
				for _, w := range apis.ContextWrappers {
					// a function variable (ctrl.LoggerInto)
					if g.Pkg != nil && match.PkgPath(g.Pkg.Pkg) == w.Pkg && g.Name() == w.Name && w.Recv == "" && w.Arg < len(v.Call.Args) {
						return m.longLivedContext(v.Call.Args[w.Arg], at, depth+1)
					}
				}
				for _, f := range apis.LongLivedContexts {
					if g.Pkg != nil && match.PkgPath(g.Pkg.Pkg) == f.Pkg && g.Name() == f.Name && f.Recv == "" {
						return true
					}
				}
			}
		}
	case *ssa.UnOp:
		a, ok := v.X.(*ssa.Alloc)
		if !ok {
			if fv, ok := v.X.(*ssa.FreeVar); ok {
				next := at
				if !calledInPlace(fv.Parent()) {
					next = nil
				}
				return m.freeVarAll(fv, func(b ssa.Value) bool {
					if a, ok := b.(*ssa.Alloc); ok {
						return m.longLivedContext(&ssa.UnOp{Op: token.MUL, X: a}, next, depth+1)
					}
					return false
				})
			}
			return false
		}
		n := 0
		for _, r := range refs(a) {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(a) {
				if !m.longLivedContext(st.Val, at, depth+1) {
					return false
				}
				n++
			}
		}
		return n > 0
	case *ssa.FreeVar:
		next := at
		if !calledInPlace(v.Parent()) {
			next = nil // started or handed on: it may outlive its maker
		}
		return m.freeVarAll(v, func(b ssa.Value) bool { return m.longLivedContext(b, next, depth+1) })
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !m.longLivedContext(e, at, depth+1) {
				return false
			}
		}
		return len(v.Edges) > 0
	}
	return false
}

// contextParam reports whether the context parameter p is not done while
// a wait in the function at is pending: the context the manager gives a
// runnable's Start or a manager.RunnableFunc (done at shutdown); the
// context controller-runtime gives an event handler's Create, Update,
// Delete or Generic, or a map function (cancelled after it returns); or,
// in a function that only the package's own calls reach, what every call
// passes.
func (m *Model) contextParam(p *ssa.Parameter, at *ssa.Function, depth int) bool {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	if i < 0 || !match.IsNamed(p.Type(), "context", "Context") {
		return false
	}
	first := 0
	if fn.Signature.Recv() != nil && fn.Parent() == nil {
		first = 1
	}
	if i == first && (m.managerStart(fn, at, depth) || runByManager(fn)) {
		return true // done at shutdown
	}
	if i == first && crEventFunc(fn) {
		// cancelled once the handler returns: no way out for a wait
		// in the handler or what it calls, but one for a goroutine
		return at != nil
	}
	if fn.Parent() == nil && (token.IsExported(fn.Name()) && (fn.Pkg.Pkg.Name() != "main" || fn.Signature.Recv() != nil) || fn.Signature.Recv() != nil && m.calls.Invoked(fn.Name())) {
		return false // callers we cannot see: other packages, interfaces
	}
	sites := m.callSites(fn)
	if len(sites) == 0 || !m.onlyCalled(fn) {
		return false
	}
	for _, c := range sites {
		args := c.Common().Args
		next := at
		if _, ok := c.(*ssa.Go); ok {
			next = nil // the wait may outlive the caller
		}
		if i >= len(args) || !m.longLivedContext(args[i], next, depth+1) {
			return false
		}
	}
	return true
}

// managerStart reports whether fn is Start(ctx) error of a runnable that
// only the manager starts: its type has NeedLeaderElection, or the
// package adds it to the manager, and no code of the package calls it
// with a context of its own.
func (m *Model) managerStart(fn, at *ssa.Function, depth int) bool {
	recv := fn.Signature.Recv()
	if recv == nil || fn.Parent() != nil || fn.Name() != "Start" || !isRunnableStart(fn) {
		return false
	}
	if !m.leaderOf(recv.Type()).has && !m.added[typeKey(recv.Type())] {
		return false
	}
	// also called directly (a wrapper's Start, a test): only with
	// contexts that are not done while it waits either. A context the
	// caller cancels once Start returns counts only for a wait in Start
	// itself, not in a goroutine Start leaves running.
	for _, site := range m.callSites(fn) {
		c, ok := site.(*ssa.Call)
		if !ok || len(c.Call.Args) < 2 {
			return false
		}
		next := c.Parent()
		if at != fn {
			next = nil
		}
		if !m.longLivedContext(c.Call.Args[1], next, depth+1) {
			return false
		}
	}
	return true
}

// calledInPlace reports whether the literal fn is only called where it
// is made (not started as a goroutine, deferred or handed on).
func calledInPlace(fn *ssa.Function) bool {
	var v ssa.Value = fn
	for _, r := range refs(fn) {
		if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) {
			v = mc
		}
	}
	rs := refs(v)
	for _, r := range rs {
		switch c := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call, *ssa.Defer:
			// called, deferred (it runs before its maker returns), or
			// given to a function of the same package
			com := c.(ssa.CallInstruction).Common()
			if com.Value == v {
				continue
			}
			if sf := com.StaticCallee(); sf != nil && sf.Pkg == fn.Pkg && slices.Contains(com.Args, v) {
				continue
			}
			return false
		default:
			return false
		}
	}
	return len(rs) > 0
}

// crEventFunc reports whether fn has the shape of a controller-runtime
// event handler function or method (ctx, event, queue) or of a map
// function (ctx, object) []reconcile.Request: controller-runtime calls it
// with a context it cancels once the call returns.
func crEventFunc(fn *ssa.Function) bool {
	ps := fn.Signature.Params()
	if ps.Len() >= 2 {
		if n := namedOf(ps.At(1).Type()); n != nil && n.Obj().Pkg() != nil && match.PkgPath(n.Obj().Pkg()) == apis.CREvent {
			return true
		}
	}
	rs := fn.Signature.Results()
	if ps.Len() == 2 && rs.Len() == 1 {
		if sl, ok := rs.At(0).Type().Underlying().(*types.Slice); ok && match.IsNamed(sl.Elem(), apis.CRReconcile, "Request") {
			return true
		}
	}
	return false
}

// runByManager reports whether the literal fn is converted to a
// manager.RunnableFunc (which the manager starts with its own context).
func runByManager(fn *ssa.Function) bool {
	var v ssa.Value = fn
	for _, r := range refs(fn) {
		if mc, ok := r.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) {
			v = mc
		}
	}
	for _, r := range refs(v) {
		if ct, ok := r.(*ssa.ChangeType); ok && match.IsNamed(ct.Type(), apis.CRManager, "RunnableFunc") {
			return true
		}
	}
	return false
}

// onlyCalled reports whether the package's code only calls fn, never
// hands it on as a value (so its call sites are all its callers).
func (m *Model) onlyCalled(fn *ssa.Function) bool {
	var mc *ssa.MakeClosure
	for _, caller := range m.callers[fn] {
		for _, b := range caller.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(*ssa.MakeClosure); ok && c.Fn == ssa.Value(fn) {
					mc = c
					continue
				}
				var callee ssa.Value
				if c, ok := instr.(ssa.CallInstruction); ok {
					callee = c.Common().Value
				}
				for _, op := range instr.Operands(nil) {
					if op != nil && *op == ssa.Value(fn) && *op != callee {
						return false
					}
				}
			}
		}
	}
	if mc != nil {
		for _, r := range refs(mc) {
			if c, ok := r.(ssa.CallInstruction); !ok || c.Common().Value != ssa.Value(mc) || slices.Contains(c.Common().Args, ssa.Value(mc)) {
				return false
			}
		}
	}
	return true
}

// cancelledAfter reports whether the context that context.WithCancel
// derives (v, its first result) is not done while a wait in at is
// pending: its parent is not, it is made in at itself, and its cancel
// function is only deferred there (it runs when at returns).
func (m *Model) cancelledAfter(v *ssa.Extract, at *ssa.Function, depth int) bool {
	call, ok := v.Tuple.(*ssa.Call)
	if !ok || call.Parent() != at {
		return false
	}
	callee := match.CalleeObject(call.Common())
	if callee == nil || !match.Is(callee, apis.ContextWithCancel) || len(call.Call.Args) != 1 {
		return false
	}
	for _, r := range refs(call) {
		e, ok := r.(*ssa.Extract)
		if !ok || e.Index != 1 {
			continue
		}
		for _, u := range refs(e) {
			switch u := u.(type) {
			case *ssa.Defer:
				if u.Call.Value != ssa.Value(e) {
					return false
				}
			case *ssa.DebugRef:
			default:
				return false
			}
		}
	}
	return m.longLivedContext(call.Call.Args[0], at, depth+1)
}

// freeVarAll reports whether every binding of a closure's free variable
// satisfies f (and there is one).
func (m *Model) freeVarAll(fv *ssa.FreeVar, f func(ssa.Value) bool) bool {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	parent := fn.Parent()
	if i < 0 || parent == nil {
		return false
	}
	n := 0
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != ssa.Value(fn) || i >= len(mc.Bindings) {
				continue
			}
			if !f(mc.Bindings[i]) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// Wiring is a channel stored into a field of an object: the sends and
// receives on that field are operations on the channel.
type Wiring struct {
	Store *ssa.Store
	Field *types.Var
	Alloc ssa.Value
	Chan  ChanID
}

func (m *Model) setCap(id ChanID, mc *ssa.MakeChan) {
	c := -1
	if n, ok := resource.IntConst(mc.Size); ok {
		c = int(n)
	}
	if old, ok := m.caps[id]; ok && old != c {
		c = min(old, c)
	}
	m.caps[id] = c
}

// chanArgs marks channels passed to code we cannot follow.
func (m *Model) chanArgs(call ssa.CallInstruction) {
	c := call.Common()
	if b, ok := c.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "close", "len", "cap":
			return
		}
	}
	same := false
	if sf := c.StaticCallee(); sf != nil && sf.Pkg != nil && sf.Pkg.Pkg == m.Pass.Pkg && !c.IsInvoke() {
		same = true // resolve follows parameters back to call sites
	}
	if !same && m.importParams(call) {
		return // an entry of another package, with its summary
	}
	for _, a := range c.Args {
		if _, ok := a.Type().Underlying().(*types.Chan); !ok {
			continue
		}
		if same {
			continue
		}
		if id := m.resolve(a, 0); id.valid() {
			m.escaped[id] = true
		}
	}
}

// resolve finds the channel a value denotes.
func (m *Model) resolve(v ssa.Value, depth int) ChanID {
	// memoised: phis of phis would otherwise be walked once per path
	if id, ok := m.resolveMemo[v]; ok {
		return id
	}
	m.resolveMemo[v] = ChanID{} // in progress: a cycle resolves to nothing
	id := m.resolveOnce(v, depth)
	m.resolveMemo[v] = id
	return id
}

func (m *Model) resolveOnce(v ssa.Value, depth int) ChanID {
	if depth > maxResolveDepth {
		return ChanID{}
	}
	switch v := v.(type) {
	case *ssa.MakeChan:
		return ChanID{Make: v}
	case *ssa.ChangeType:
		return m.resolve(v.X, depth+1)
	case *ssa.Field:
		return ChanID{Var: fieldVar(v)}
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			return ChanID{Var: fieldVar(x)}
		case *ssa.Global:
			return ChanID{Var: globalVar(x)}
		case *ssa.Alloc:
			return m.sameStored(x, depth)
		case *ssa.FreeVar:
			return m.resolveFreeVarCell(x, depth)
		}
	case *ssa.Phi:
		var id ChanID
		for _, e := range v.Edges {
			if c, ok := e.(*ssa.Const); ok && c.IsNil() {
				continue
			}
			e := m.resolve(e, depth) // memoised: a long chain of phis costs one visit each
			if !e.valid() || (id.valid() && e != id) {
				return ChanID{}
			}
			id = e
		}
		return id
	case *ssa.FreeVar:
		return m.resolveFreeVar(v, func(b ssa.Value) ChanID { return m.resolve(b, depth+1) })
	case *ssa.Parameter:
		if id, ok := m.paramMemo[v]; ok {
			return id
		}
		m.paramMemo[v] = ChanID{} // in progress: recursion resolves to nothing
		id := m.resolveParam(v, depth)
		m.paramMemo[v] = id
		return id
	}
	return ChanID{}
}

// resolveParam resolves a parameter through the static call sites of its
// function in this package: one channel at every site.
func (m *Model) resolveParam(v *ssa.Parameter, depth int) ChanID {
	{
		fn := v.Parent()
		i := slices.Index(fn.Params, v)
		if i < 0 || fn.Parent() != nil {
			return ChanID{}
		}
		var id ChanID
		sites := m.callSites(fn)
		if len(sites) == 0 {
			if isEntry(fn) {
				// the caller's channel: summarised for importers
				return ChanID{Param: v}
			}
			return ChanID{}
		}
		for _, s := range sites {
			args := s.Common().Args
			if i >= len(args) {
				return ChanID{}
			}
			e := m.resolve(args[i], depth+1)
			if !e.valid() || (id.valid() && e != id) {
				return ChanID{}
			}
			id = e
		}
		return id
	}
}

// sameStored resolves a local variable: the one channel stored in it.
func (m *Model) sameStored(a *ssa.Alloc, depth int) ChanID {
	var id ChanID
	for _, r := range refs(a) {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != ssa.Value(a) {
			continue
		}
		e := m.resolve(st.Val, depth+1)
		if !e.valid() || (id.valid() && e != id) {
			return ChanID{}
		}
		id = e
	}
	return id
}

// resolveFreeVar resolves a closure's free variable through the bindings
// of the closures that make it.
func (m *Model) resolveFreeVar(fv *ssa.FreeVar, f func(ssa.Value) ChanID) ChanID {
	fn := fv.Parent()
	i := slices.Index(fn.FreeVars, fv)
	parent := fn.Parent()
	if i < 0 || parent == nil {
		return ChanID{}
	}
	var id ChanID
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			mc, ok := instr.(*ssa.MakeClosure)
			if !ok || mc.Fn != ssa.Value(fn) || i >= len(mc.Bindings) {
				continue
			}
			e := f(mc.Bindings[i])
			if !e.valid() || (id.valid() && e != id) {
				return ChanID{}
			}
			id = e
		}
	}
	return id
}

// resolveFreeVarCell resolves a load through a captured variable.
func (m *Model) resolveFreeVarCell(fv *ssa.FreeVar, depth int) ChanID {
	return m.resolveFreeVar(fv, func(b ssa.Value) ChanID {
		if a, ok := b.(*ssa.Alloc); ok {
			return m.sameStored(a, depth+1)
		}
		if inner, ok := b.(*ssa.FreeVar); ok {
			return m.resolveFreeVarCell(inner, depth+1)
		}
		return ChanID{}
	})
}

func globalVar(g *ssa.Global) *types.Var {
	v, _ := g.Object().(*types.Var)
	return v
}

// find and merge implement a union-find over channel identities.
func (m *Model) find(c ChanID) ChanID {
	root := c
	for {
		p, ok := m.union[root]
		if !ok || p == root {
			break
		}
		root = p
	}
	// path compression: the next find is one step (merge never makes a
	// cycle: it links one root under another)
	for c != root {
		p := m.union[c]
		m.union[c] = root
		c = p
	}
	return root
}

func (m *Model) merge(a, b ChanID) {
	ra, rb := m.find(a), m.find(b)
	if ra != rb {
		m.union[rb] = ra
	}
}

// Channel is everything known about one channel (the class of identities
// that alias it).
type Channel struct {
	IDs   []ChanID
	Sends []*Op
	Recvs []*Op
	// Remote operations on fields of other packages, from facts.
	RemoteSends []RemoteOp
	RemoteRecvs []RemoteOp
	// Closes are the close calls of this package on the channel.
	Closes  []*Op
	Cap     int  // -1 when unknown
	Escaped bool // handed to code we cannot see
}

// RemoteOp is a channel operation in another package: on a field of
// that package (Field), or on a channel of this package passed to an
// entry there (Field nil, Call the call here).
type RemoteOp struct {
	OpSummary
	Field *types.Var
	Call  ssa.CallInstruction
	Role  Role
	// Site is a place in this package that makes the operation run on
	// every replica (a call of the entry it is reached from, or a
	// registration of its handler type), when there is one; SiteCallee
	// names what is called there.
	Site       token.Pos
	SiteCallee string
}

// Channels groups the package's channel operations by channel.
func (m *Model) Channels() []*Channel {
	m.computeFlows()
	return m.channels
}

func (m *Model) channelsOf() []*Channel {
	byRoot := make(map[ChanID]*Channel)
	get := func(id ChanID) *Channel {
		r := m.find(id)
		ch := byRoot[r]
		if ch == nil {
			ch = &Channel{Cap: -1}
			byRoot[r] = ch
		}
		if !slices.Contains(ch.IDs, id) {
			ch.IDs = append(ch.IDs, id)
		}
		return ch
	}
	for _, op := range m.ops {
		if op.Chan.Make != nil {
			if _, ok := m.caps[op.Chan]; !ok {
				m.setCap(op.Chan, op.Chan.Make)
			}
		}
		ch := get(op.Chan)
		if op.Kind == Send {
			ch.Sends = append(ch.Sends, op)
		} else {
			ch.Recvs = append(ch.Recvs, op)
		}
	}
	for _, op := range m.closes {
		ch := get(op.Chan)
		ch.Closes = append(ch.Closes, op)
	}
	for id := range m.union {
		get(id)
	}
	for id := range m.caps {
		get(id)
	}
	imported := make(map[*Channel][]*importedOp)
	for _, o := range m.imports {
		ch := get(o.id)
		imported[ch] = append(imported[ch], o)
	}
	out := make([]*Channel, 0, len(byRoot))
	for _, ch := range byRoot {
		capKnown := true
		ch.Cap = -1
		for _, id := range ch.IDs {
			if m.escaped[id] {
				ch.Escaped = true
			}
			if c, ok := m.caps[id]; ok {
				if c < 0 {
					capKnown = false
				} else if ch.Cap < 0 || c < ch.Cap {
					ch.Cap = c
				}
			}
			if id.Var != nil && id.Var.IsField() && id.Var.Pkg() != m.Pass.Pkg {
				var f ChanFact
				if m.Pass.ImportObjectFact(id.Var, &f) {
					m.addRemote(ch, id.Var, f)
				}
			}
		}
		for _, o := range imported[ch] {
			res := m.importedRole(o)
			r := RemoteOp{OpSummary: o.op, Call: o.call, Role: res.role, SiteCallee: res.site.callee}
			if res.site.instr != nil {
				r.Site = res.site.instr.Pos()
			}
			if o.kind == Send {
				ch.RemoteSends = append(ch.RemoteSends, r)
			} else {
				ch.RemoteRecvs = append(ch.RemoteRecvs, r)
			}
		}
		if !capKnown {
			ch.Cap = -1
		}
		sort.Slice(ch.IDs, func(i, j int) bool { return ch.IDs[i].String() < ch.IDs[j].String() })
		out = append(out, ch)
	}
	out = append(out, m.foreignChannels(byRoot)...)
	sort.Slice(out, func(i, j int) bool { return out[i].IDs[0].String() < out[j].IDs[0].String() })
	return out
}

// addRemote adds the operations of another package on field v to ch.
func (m *Model) addRemote(ch *Channel, v *types.Var, f ChanFact) {
	add := func(s OpSummary) RemoteOp {
		res := m.remoteRole(v.Pkg(), s)
		r := RemoteOp{OpSummary: s, Field: v, Role: res.role, SiteCallee: res.site.callee}
		if res.site.instr != nil {
			r.Site = res.site.instr.Pos()
		}
		return r
	}
	for _, s := range f.Sends {
		ch.RemoteSends = append(ch.RemoteSends, add(s))
	}
	for _, r := range f.Recvs {
		ch.RemoteRecvs = append(ch.RemoteRecvs, add(r))
	}
}

// foreignChannels returns the channels that live in unexported fields of
// other packages (no third package can touch them) whose operations run,
// through entries called here, on every replica: the package where their
// role becomes concrete is this one.
func (m *Model) foreignChannels(have map[ChanID]*Channel) []*Channel {
	var out []*Channel
	for _, of := range m.Pass.AllObjectFacts() {
		f, ok := of.Fact.(*ChanFact)
		if !ok {
			continue
		}
		v, ok := of.Object.(*types.Var)
		if !ok || v.Exported() || v.Pkg() == m.Pass.Pkg {
			continue
		}
		if _, ok := have[m.find(ChanID{Var: v})]; ok {
			continue
		}
		if !m.reachedHere(v.Pkg(), f) {
			continue
		}
		ch := &Channel{IDs: []ChanID{{Var: v}}, Cap: -1}
		m.addRemote(ch, v, *f)
		out = append(out, ch)
	}
	return out
}

// reachedHere reports whether some operation of a fact is reached from
// an entry that this package calls (or a handler type it registers).
func (m *Model) reachedHere(pkg *types.Package, f *ChanFact) bool {
	for _, s := range append(slices.Clone(f.Sends), f.Recvs...) {
		for _, r := range s.Roots {
			if len(m.foreignSites()[rootKey(pkg, r)]) > 0 || len(m.depEdges()[rootKey(pkg, r)]) > 0 {
				return true
			}
		}
	}
	return false
}

var handlerMethodNames = []string{"OnAdd", "OnUpdate", "OnDelete"}

// RemoteHandlerSend reports whether a remote send runs in event-handler
// code (reached from OnAdd, OnUpdate or OnDelete).
func RemoteHandlerSend(op RemoteOp) bool {
	if op.Handler {
		return true
	}
	for _, r := range op.Roots {
		if slices.Contains(handlerMethodNames, r.Name) {
			return true
		}
	}
	return false
}

// InHandler reports whether fn is event-handler code or is called by it.
func (m *Model) InHandler(fn *ssa.Function) bool { return m.handlerFns[fn] }

// exportFacts exports the package's knowledge for its importers: in the
// user's own code only (FactGate); the APIs of modules are known from
// internal/apis.
func (m *Model) exportFacts() {
	if !factgate.LocalPass(m.Pass) {
		return
	}
	exported := false
	for key, info := range m.leaderTypes {
		if !info.known {
			continue
		}
		for _, fn := range m.Funcs {
			if fn.Name() == "NeedLeaderElection" && fn.Signature.Recv() != nil && typeKey(fn.Signature.Recv().Type()) == key {
				if n := namedOf(fn.Signature.Recv().Type()); n != nil {
					m.Pass.ExportObjectFact(n.Obj(), &LeaderFact{Need: info.need})
					exported = true
				}
				break
			}
		}
	}
	for fn, i := range m.wrappers {
		if obj, ok := fn.Object().(*types.Func); ok {
			m.Pass.ExportObjectFact(obj, &WrapperFact{Param: i})
			exported = true
		}
	}
	for fn, i := range m.registrars {
		if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
			m.Pass.ExportObjectFact(obj, &RegistrarFact{Param: i})
			exported = true
		}
	}
	facts := make(map[*types.Var]*ChanFact)
	for _, op := range m.ops {
		v := op.Chan.Var
		if v == nil || !v.IsField() || v.Pkg() != m.Pass.Pkg {
			continue
		}
		f := facts[v]
		if f == nil {
			f = new(ChanFact)
			facts[v] = f
		}
		s := m.summarize(op)
		if op.Kind == Send {
			f.Sends = append(f.Sends, s)
		} else {
			f.Recvs = append(f.Recvs, s)
		}
	}
	var named []RootRef
	for v, f := range facts {
		m.Pass.ExportObjectFact(v, f)
		exported = true
		for _, s := range append(slices.Clone(f.Sends), f.Recvs...) {
			named = append(named, s.Roots...)
		}
	}
	if !m.exportSummaries(named) && exported {
		m.Pass.ExportPackageFact(new(PackageFact))
	}
}

// funcName names a function for messages: Type.Method or Func.
func funcName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if recv := fn.Signature.Recv(); recv != nil {
		if n := namedOf(recv.Type()); n != nil {
			return n.Obj().Name() + "." + fn.Name()
		}
	}
	return fn.Name()
}

// FuncName names a function for messages; a function literal is named
// after the function it is in.
func FuncName(fn *ssa.Function) string {
	if fn.Parent() != nil {
		return "a function literal in " + funcName(fn)
	}
	return funcName(fn)
}

// Describe names a function for messages, saying what a function literal
// is for when the model knows (a leader callback, an event handler).
func (m *Model) Describe(fn *ssa.Function) string {
	if fn.Parent() == nil {
		return funcName(fn)
	}
	if g, ok := m.gates[fn]; ok && strings.Contains(g.What, "OnStartedLeading") {
		return "the OnStartedLeading callback in " + funcName(fn)
	}
	if len(m.handlerRegs[fn]) > 0 {
		return "an event handler in " + funcName(fn)
	}
	return FuncName(fn)
}

// Describe says in words where a role runs.
func (r Role) Describe() string {
	switch r {
	case Leader:
		return "only on the leader"
	case Every:
		return "on every replica"
	}
	return fmt.Sprintf("role(%d)", r)
}

// WiringsOf returns the stores of a channel into field f of handler
// objects made in this package.
func (m *Model) WiringsOf(f *types.Var) []*Wiring {
	var out []*Wiring
	for _, w := range m.wirings {
		if f != nil && w.Field == f {
			out = append(out, w)
		}
	}
	return out
}

// SendsIn returns the functions of this package that send on a channel,
// and, of those, the ones whose send can block.
func (m *Model) SendsIn() (all, blocking map[*ssa.Function]bool) {
	all, blocking = make(map[*ssa.Function]bool), make(map[*ssa.Function]bool)
	for _, op := range m.ops {
		if op.Kind == Send {
			all[op.Fn] = true
			if op.Blocking {
				blocking[op.Fn] = true
			}
		}
	}
	return all, blocking
}
