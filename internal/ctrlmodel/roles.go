package ctrlmodel

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// leaderInfo is what a runnable type says about leader election.
type leaderInfo struct {
	has   bool // there is a NeedLeaderElection method
	known bool // NeedLeaderElection returns a constant
	need  bool
	pos   token.Pos // the method, when in this package
}

// typeKey names a named type across packages.
func typeKey(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return ""
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name()
}

func namedOf(t types.Type) *types.Named {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := types.Unalias(t).(*types.Named)
	return n
}

// scanLeaderTypes records, for the types of this package, what their
// NeedLeaderElection method returns.
func (m *Model) scanLeaderTypes() {
	for _, fn := range m.Funcs {
		if fn.Name() != "NeedLeaderElection" || fn.Signature.Recv() == nil || fn.Signature.Results().Len() != 1 {
			continue
		}
		key := typeKey(fn.Signature.Recv().Type())
		if key == "" {
			continue
		}
		info := leaderInfo{pos: fn.Pos()}
		if b, ok := constBoolResult(fn); ok {
			info.known, info.need = true, b
		}
		m.leaderTypes[key] = info
	}
}

// constBoolResult reports the constant every return of fn yields.
func constBoolResult(fn *ssa.Function) (bool, bool) {
	seen, val := false, false
	for _, b := range fn.Blocks {
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok {
			continue
		}
		c, ok := ret.Results[0].(*ssa.Const)
		if !ok || c.Value == nil || c.Value.Kind() != constant.Bool {
			return false, false
		}
		v := constant.BoolVal(c.Value)
		if seen && v != val {
			return false, false
		}
		seen, val = true, v
	}
	return val, seen
}

// leaderOf returns what type t says about leader election, from this
// package or from a fact. has is set when t has a NeedLeaderElection
// method at all (its own or promoted), known when we know its constant.
func (m *Model) leaderOf(t types.Type) leaderInfo {
	if info, ok := m.leaderTypes[typeKey(t)]; ok {
		info.has = true
		return info
	}
	n := namedOf(t)
	if n == nil {
		return leaderInfo{}
	}
	ms := types.NewMethodSet(types.NewPointer(n))
	var method *types.Func
	for i := range ms.Len() {
		if ms.At(i).Obj().Name() == "NeedLeaderElection" {
			method, _ = ms.At(i).Obj().(*types.Func)
		}
	}
	if method == nil {
		return leaderInfo{}
	}
	info := leaderInfo{has: true}
	// promoted, or declared in another package: ask the declaring type
	if sig, ok := method.Type().(*types.Signature); ok && sig.Recv() != nil {
		decl := namedOf(sig.Recv().Type())
		if decl != nil {
			if local, ok := m.leaderTypes[typeKey(decl)]; ok {
				local.has = true
				return local
			}
			var f LeaderFact
			if decl.Obj().Pkg() != m.Pass.Pkg && m.Pass.ImportObjectFact(decl.Obj(), &f) {
				info.known, info.need = true, f.Need
			}
		}
	}
	return info
}

// scanManagers finds which runnable types the package adds with
// mgr.Add, and whether it sets controller options; whether it has
// standbys comes from its manager options (scanManager).
func (m *Model) scanManagers() {
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					fa, ok := in.Addr.(*ssa.FieldAddr)
					if ok && (fieldName(fa) == apis.OptNeedLeaderElection || fieldName(fa) == apis.OptEnableWarmup) && isControllerOptions(fa.X.Type()) {
						m.optsStored = true
					}
				case *ssa.Call:
					callee := match.CalleeObject(in.Common())
					if callee == nil || callee.Name() != "Add" || match.PkgPath(callee.Pkg()) != apis.CRManager {
						continue
					}
					args := in.Common().Args
					if len(args) == 0 {
						continue
					}
					arg := args[len(args)-1]
					if mi, ok := arg.(*ssa.MakeInterface); ok {
						if k := typeKey(mi.X.Type()); k != "" {
							m.added[k] = true
						}
					}
				}
			}
		}
	}
	// controller-runtime's default is no leader election: a package that
	// builds the options and never turns it on has no standbys.
	m.NoStandbys = m.manager != nil && m.manager.Election == ElectionOff
}

// isControllerOptions reports whether t is controller-runtime's
// controller.Options (or TypedOptions, or config.Controller).
func isControllerOptions(t types.Type) bool {
	n := namedOf(t)
	if n == nil {
		return false
	}
	p := match.PkgPath(n.Obj().Pkg())
	return p == apis.CRController || p == apis.CRConfig
}

func fieldName(fa *ssa.FieldAddr) string {
	if f := fieldVar(fa); f != nil {
		return f.Name()
	}
	return ""
}

// fieldVar returns the field a FieldAddr or Field addresses.
func fieldVar(v ssa.Value) *types.Var {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		p, ok := v.X.Type().Underlying().(*types.Pointer)
		if !ok {
			return nil
		}
		if st, ok := p.Elem().Underlying().(*types.Struct); ok {
			return st.Field(v.Field)
		}
	case *ssa.Field:
		if st, ok := v.X.Type().Underlying().(*types.Struct); ok {
			return st.Field(v.Field)
		}
	}
	return nil
}

// buildCallGraph records, for each function of the package, the
// functions of the package that call it or use it as a value (a function
// value runs where the code that handles it runs), except where a
// leader-election API gives it its own role.
func (m *Model) buildCallGraph() {
	m.callers = make(map[*ssa.Function][]*ssa.Function)
	m.base = make(map[*ssa.Function]Role)
	// First the functions that a leader-election API gives their own
	// role: their makers are not their callers.
	slots := make(map[*ssa.Function]bool)
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var f *ssa.Function
				switch in := instr.(type) {
				case *ssa.Store:
					f = m.leaderSlot(in)
				case ssa.CallInstruction:
					f = m.runnableFuncAdd(in)
					for _, g := range m.gatedFuncs(in) {
						slots[g] = true
					}
				}
				if f != nil {
					slots[f] = true
				}
			}
		}
	}
	m.controllerSlots(slots)
	m.edges = make(map[edge]edgeKind)
	for _, fn := range m.Funcs {
		if fn.Parent() == nil && fn.Pkg != nil {
			if (fn.Name() == "main" && fn.Pkg.Pkg.Name() == "main") || fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#") {
				m.base[fn] |= Every
			}
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				// A function value runs where the code that calls it
				// runs: called, deferred, started, or passed to a call
				// (wait.Until(f, ...)) by this function. Stored
				// somewhere, it runs where that is read: unknown.
				switch instr.(type) {
				case *ssa.Store, *ssa.MakeClosure:
					// a closure's creation is not a call: its uses are
					continue
				}
				// After <-mgr.Elected(), what this function calls runs
				// on the leader only, whatever this function's role.
				wait, gated := m.electedBefore(instr)
				var ops []*ssa.Value
				for _, op := range instr.Operands(ops) {
					if op == nil || *op == nil {
						continue
					}
					var callee *ssa.Function
					switch v := (*op).(type) {
					case *ssa.Function:
						callee = v
					case *ssa.MakeClosure:
						if f, ok := v.Fn.(*ssa.Function); ok && !storedOnly(v) {
							callee = f
						}
					}
					// A slot's maker is not its caller; a direct call
					// is, whatever the slot: f(x), go f(), defer f().
					s := slots
					if c, ok := instr.(ssa.CallInstruction); ok && op == &c.Common().Value {
						s = nil
					}
					switch {
					case callee == nil:
					case gated:
						m.addEdge(fn, callee, s, afterElected)
						m.electedGate(callee, wait)
					default:
						m.addEdge(fn, callee, s, plainCall)
					}
				}
			}
		}
	}
	// Start methods of leader-elected runnables.
	for _, fn := range m.Funcs {
		recv := fn.Signature.Recv()
		if recv == nil || fn.Parent() != nil || fn.Name() != "Start" || !isRunnableStart(fn) {
			continue
		}
		info := m.leaderOf(recv.Type())
		switch {
		case info.known && !info.need:
			m.base[fn] |= Every
		case info.known && info.need:
			m.base[fn] |= Leader
			m.gates[fn] = Gate{Pos: info.pos, What: "NeedLeaderElection returns true"}
		case !info.has && m.added[typeKey(recv.Type())]:
			m.base[fn] |= Leader
			m.gates[fn] = Gate{What: "a Runnable added to the manager without NeedLeaderElection runs on the leader only"}
		}
	}
	// Reconcilers and controllers' watches.
	m.controllerEdges(slots)
	// The function that starts the manager or runs the election runs on
	// every replica, before any election, and so does what it calls: a
	// library's Run(ctx) that nothing in its package calls.
	for _, fn := range m.Funcs {
		if fn.Parent() == nil && m.base[fn] == 0 && len(m.callers[fn]) == 0 && !slots[fn] && startsElection(fn) {
			m.base[fn] |= Every
		}
	}
	m.callees = make(map[*ssa.Function][]*ssa.Function)
	for _, fn := range m.Funcs {
		for _, c := range m.callers[fn] {
			m.callees[c] = append(m.callees[c], fn)
		}
	}
}

// startsElection reports whether fn starts a manager or runs a leader
// election itself.
func startsElection(fn *ssa.Function) bool {
	for call := range match.Calls(fn) {
		if callee := match.CalleeObject(call.Common()); callee != nil && match.IsAny(callee, apis.ElectionStarts) {
			return true
		}
	}
	return false
}

// edge is a call from one function of the package to another.
type edge struct{ caller, callee *ssa.Function }

// edgeKind says how a caller calls a callee: plainly (the callee runs
// where the caller runs), after `<-mgr.Elected()` (on the leader), or
// both.
type edgeKind uint8

const (
	plainCall edgeKind = 1 << iota
	afterElected
)

// addEdge records that caller calls callee (a call, a go or defer
// statement, or a function value passed on).
func (m *Model) addEdge(caller, callee *ssa.Function, slots map[*ssa.Function]bool, kind edgeKind) {
	callee = unbound(callee)
	if slots[callee] || callee.Pkg == nil || callee.Pkg.Pkg != m.Pass.Pkg || caller == callee {
		return
	}
	if !slices.Contains(m.callers[callee], caller) {
		m.callers[callee] = append(m.callers[callee], caller)
	}
	m.edges[edge{caller, callee}] |= kind
}

// electedGate records the gate of a function called after
// `<-mgr.Elected()`.
func (m *Model) electedGate(f *ssa.Function, g Gate) {
	f = unbound(f)
	if _, ok := m.gates[f]; !ok && f.Pkg != nil && f.Pkg.Pkg == m.Pass.Pkg {
		m.gates[f] = g
	}
}

// callerRole is the role a call from caller gives fn.
func (m *Model) callerRole(caller, fn *ssa.Function) Role {
	k := m.edges[edge{caller, fn}]
	var r Role
	if k&plainCall != 0 || k == 0 {
		r |= m.roles[caller]
	}
	if k&afterElected != 0 && m.roles[caller] != 0 {
		r |= Leader
	}
	return r
}

// storedOnly reports whether a closure is only stored (into a field,
// a variable or a composite), never called or passed on by its maker.
func storedOnly(mc *ssa.MakeClosure) bool {
	rs := refs(mc)
	if len(rs) == 0 {
		return false
	}
	for _, r := range rs {
		switch r.(type) {
		case *ssa.Store, *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// isRunnableStart reports whether fn is `Start(context.Context) error`.
func isRunnableStart(fn *ssa.Function) bool {
	sig := fn.Signature
	return sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		match.IsNamed(sig.Params().At(0).Type(), "context", "Context") &&
		types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

// leaderSlot gives OnStartedLeading its role: the function stored there
// runs on the leader only.
func (m *Model) leaderSlot(st *ssa.Store) *ssa.Function {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !match.IsNamed(fa.X.Type(), apis.LeaderCallbacks.Pkg, apis.LeaderCallbacks.Name) || fieldName(fa) != "OnStartedLeading" {
		return nil
	}
	f := funcOf(st.Val)
	if f == nil {
		return nil
	}
	m.base[f] |= Leader
	m.gates[f] = Gate{Pos: st.Pos(), What: "leaderelection.LeaderCallbacks.OnStartedLeading runs on the leader only"}
	return f
}

// runnableFuncAdd gives mgr.Add(manager.RunnableFunc(f)) its role.
func (m *Model) runnableFuncAdd(call ssa.CallInstruction) *ssa.Function {
	c := call.Common()
	callee := match.CalleeObject(c)
	if callee == nil || callee.Name() != "Add" || match.PkgPath(callee.Pkg()) != apis.CRManager || len(c.Args) == 0 {
		return nil
	}
	mi, ok := c.Args[len(c.Args)-1].(*ssa.MakeInterface)
	if !ok || !match.IsNamed(mi.X.Type(), apis.CRManager, "RunnableFunc") {
		return nil
	}
	x := mi.X
	if ct, ok := x.(*ssa.ChangeType); ok {
		x = ct.X
	}
	f := funcOf(x)
	if f == nil {
		return nil
	}
	m.base[f] |= Leader
	m.gates[f] = Gate{Pos: call.Pos(), What: "a manager.RunnableFunc added to the manager runs on the leader only"}
	return f
}

// gatedFuncs gives the function arguments of a call of a leader gate
// from the settings their role: they run on the leader only.
func (m *Model) gatedFuncs(call ssa.CallInstruction) []*ssa.Function {
	if len(m.ext.gates) == 0 {
		return nil
	}
	c := call.Common()
	callee := match.CalleeObject(c)
	if callee == nil || !match.IsAny(callee, m.ext.gates) {
		return nil
	}
	var out []*ssa.Function
	var args []ssa.Value
	for _, a := range c.Args {
		if vs := match.Varargs(a); vs != nil {
			args = append(args, vs...) // functions passed as ...F
		} else {
			args = append(args, a)
		}
	}
	for _, a := range args {
		f := funcOf(a)
		if f == nil || slices.Contains(out, f) {
			continue
		}
		m.base[f] |= Leader
		if _, ok := m.gates[f]; !ok {
			m.gates[f] = Gate{Pos: call.Pos(), What: shortFunc(callee) + " runs it on the leader only (a leader gate in ctrlvet's settings)"}
		}
		out = append(out, f)
	}
	return out
}

// shortFunc names a function pkg.F, or a method pkg.T.M.
func shortFunc(f *types.Func) string {
	name := f.Name()
	if sig, ok := f.Type().(*types.Signature); ok && sig.Recv() != nil {
		if r := match.RecvName(sig.Recv().Type()); r != "" {
			name = r + "." + name
		}
	}
	if f.Pkg() != nil {
		name = f.Pkg().Name() + "." + name
	}
	return name
}

// funcOf returns the function a function value denotes; for a method
// value (x.M), the method.
func funcOf(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return unbound(v)
	case *ssa.MakeClosure:
		f, _ := v.Fn.(*ssa.Function)
		if f != nil {
			return unbound(f)
		}
	case *ssa.ChangeType:
		return funcOf(v.X)
	}
	return nil
}

// unbound maps a bound-method wrapper (x.M as a value) to the method.
func unbound(f *ssa.Function) *ssa.Function {
	if f.Synthetic == "" {
		return f
	}
	if obj, ok := f.Object().(*types.Func); ok {
		if g := f.Prog.FuncValue(obj); g != nil {
			return g
		}
	}
	return f
}

// computeRoles propagates roles from the roots along the call graph, and
// from handler registrations to the handlers, to a fixpoint.
func (m *Model) computeRoles() {
	for fn, r := range m.base {
		m.roles[fn] = r
	}
	for _, fn := range m.Funcs {
		if m.base[fn] == 0 && len(m.callers[fn]) == 0 && len(m.handlerRegs[fn]) == 0 {
			// called from another package, or through an interface:
			// we cannot tell where it runs
			m.roles[fn] = Unknown
		}
	}
	// A worklist: roles only grow (3 bits), so each function changes at
	// most three times and the work is linear in the call edges and
	// registrations, whatever the order of the functions.
	callees := m.callees
	handlersOf := make(map[*ssa.Function][]*ssa.Function) // holder of a registration -> its handler code
	for f, regs := range m.handlerRegs {
		for _, reg := range regs {
			handlersOf[reg.Fn] = append(handlersOf[reg.Fn], f)
		}
	}
	work := slices.Clone(m.Funcs)
	queued := make(map[*ssa.Function]bool, len(work))
	for _, fn := range work {
		queued[fn] = true
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		queued[fn] = false
		r := m.roles[fn] | m.base[fn]
		for _, c := range m.callers[fn] {
			r |= m.callerRole(c, fn)
		}
		for _, reg := range m.handlerRegs[fn] {
			r |= m.roleAt(reg)
		}
		if r == m.roles[fn] {
			continue
		}
		m.roles[fn] = r
		for _, next := range append(callees[fn], handlersOf[fn]...) {
			if !queued[next] {
				queued[next] = true
				work = append(work, next)
			}
		}
	}
	if m.NoStandbys {
		for fn, r := range m.roles {
			if r&Leader != 0 {
				m.roles[fn] = r&^Leader | Every
			}
		}
	}
}

// roleAt is the role of the function that holds a registration.
func (m *Model) roleAt(reg *Registration) Role {
	if _, ok := m.electedBefore(reg.Call); ok {
		return Leader
	}
	r := m.roles[reg.Fn]
	if r == 0 {
		return Unknown
	}
	return r
}

func (m *Model) posString(pos token.Pos) string {
	if !pos.IsValid() {
		return ""
	}
	return m.Pass.Fset.Position(pos).String()
}

// electedGate is why code after `<-mgr.Elected()` is leader-only.
const electedGate = "code after <-mgr.Elected() runs on the leader only"

// electedWait is a wait for the election: the code it dominates runs
// only once this replica is elected.
type electedWait struct {
	block *ssa.BasicBlock // where the leader-only code begins
	after ssa.Instruction // in block, the wait it follows (nil: the whole block)
	gate  Gate
}

// scanElected finds the waits for the election: the receives from a
// manager's Elected channel (`<-mgr.Elected()`, and the body of a select
// case `case <-mgr.Elected():`), and the calls that return once this
// replica leads (operator-lib's leader.Become, the settings'
// leader-waits).
func (m *Model) scanElected() {
	m.waits = make(map[*ssa.Function][]electedWait)
	m.index = make(map[ssa.Instruction]int)
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.UnOp:
					if in.Op == token.ARROW && isElected(in.X) {
						m.waits[fn] = append(m.waits[fn], electedWait{block: b, after: in, gate: Gate{Pos: in.Pos(), What: electedGate, After: "<-mgr.Elected()"}})
					}
				case *ssa.Call:
					if callee := match.CalleeObject(in.Common()); callee != nil &&
						(match.IsAny(callee, apis.LeaderWaits) || match.IsAny(callee, m.ext.waits)) {
						what := "code after " + shortFunc(callee) + " runs on the leader only"
						if match.IsAny(callee, m.ext.waits) {
							what += " (a leader wait in ctrlvet's settings)"
						}
						m.waits[fn] = append(m.waits[fn], electedWait{block: b, after: in, gate: Gate{Pos: in.Pos(), What: what, After: shortFunc(callee)}})
					}
				case *ssa.Select:
					for k, st := range in.States {
						if st.Dir == types.RecvOnly && isElected(st.Chan) {
							if body := selectCaseBody(in, k); body != nil {
								m.waits[fn] = append(m.waits[fn], electedWait{block: body, gate: Gate{Pos: st.Pos, What: electedGate, After: "<-mgr.Elected()"}})
							}
						}
					}
				}
			}
		}
	}
	for _, ws := range m.waits {
		for _, w := range ws {
			if w.after != nil {
				for i, in := range w.block.Instrs {
					m.index[in] = i
				}
			}
		}
	}
}

// selectCaseBody returns the block that starts the body of case k of a
// select: the true branch of `if index == k`.
func selectCaseBody(sel *ssa.Select, k int) *ssa.BasicBlock {
	for _, r := range refs(sel) {
		idx, ok := r.(*ssa.Extract)
		if !ok || idx.Index != 0 {
			continue
		}
		for _, rr := range refs(idx) {
			cmp, ok := rr.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			if c, ok := cmp.Y.(*ssa.Const); !ok || c.Value == nil || c.Value.String() != strconv.Itoa(k) {
				continue
			}
			for _, u := range refs(cmp) {
				ifi, ok := u.(*ssa.If)
				if !ok || len(ifi.Block().Succs) != 2 {
					continue
				}
				// An empty case body is threaded away: the branch then
				// goes to the join after the select (or a loop header),
				// which does not wait for anything.
				if body := ifi.Block().Succs[0]; len(body.Preds) == 1 && body.Preds[0] == ifi.Block() {
					return body
				}
			}
		}
	}
	return nil
}

// isElected reports whether v is the result of controller-runtime's
// Manager.Elected().
func isElected(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	callee := match.CalleeObject(c.Common())
	return callee != nil && callee.Name() == "Elected" && match.PkgPath(callee.Pkg()) == apis.CRManager
}

// electedBefore returns the position of the wait for the election that
// runs before instr in its function on every path (it dominates instr),
// if any.
func (m *Model) electedBefore(instr ssa.Instruction) (Gate, bool) {
	if instr == nil {
		return Gate{}, false
	}
	b := instr.Block()
	if b == nil {
		return Gate{}, false
	}
	if m.NoStandbys {
		// Without leader election, Elected() is closed at once. A
		// leader-for-life wait (leader.Become) then usually comes
		// before mgr.Start, so the manager runs nothing on standbys;
		// where mgr.Start is called is not checked, so stay silent.
		return Gate{}, false
	}
	for _, w := range m.waits[b.Parent()] {
		if w.block != b || w.after == nil {
			if w.block.Dominates(b) {
				return w.gate, true
			}
			continue
		}
		if m.instrIndex(instr) > m.instrIndex(w.after) {
			return w.gate, true
		}
	}
	return Gate{}, false
}

// instrIndex returns the index of instr in its block, for the blocks
// that hold a wait (indexed by scanElected).
func (m *Model) instrIndex(instr ssa.Instruction) int { return m.index[instr] }

// WaitBefore returns the wait for the election that comes before instr
// in its function (its gate has After set), if any.
func (m *Model) WaitBefore(instr ssa.Instruction) (Gate, bool) {
	return m.electedBefore(instr)
}

// RoleAt returns where an instruction runs: on the leader only after a
// `<-mgr.Elected()` that dominates it (when the package elects a leader),
// else where its function runs.
func (m *Model) RoleAt(instr ssa.Instruction) Role {
	if instr == nil {
		return Unknown
	}
	if _, ok := m.electedBefore(instr); ok {
		return Leader
	}
	return m.RoleOf(instr.Parent())
}

// GateAt returns the gate that makes an instruction leader-only: a
// `<-mgr.Elected()` before it, or the gate of its function.
func (m *Model) GateAt(instr ssa.Instruction) (Gate, bool) {
	if instr == nil {
		return Gate{}, false
	}
	if g, ok := m.electedBefore(instr); ok {
		return g, true
	}
	return m.GateOf(instr.Parent())
}
