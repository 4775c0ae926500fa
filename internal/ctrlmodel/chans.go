package ctrlmodel

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// ChanID identifies a channel: by the struct field or package variable
// that holds it, or by its make site.
type ChanID struct {
	Var  *types.Var // a struct field or a package-level variable
	Make *ssa.MakeChan
}

func (c ChanID) String() string {
	switch {
	case c.Var != nil && c.Var.IsField():
		return "field " + c.Var.Name()
	case c.Var != nil:
		return "variable " + c.Var.Name()
	case c.Make != nil:
		return "channel made at " + c.Make.Parent().Prog.Fset.Position(c.Make.Pos()).String()
	}
	return "channel"
}

// valid reports whether c identifies a channel.
func (c ChanID) valid() bool { return c.Var != nil || c.Make != nil }

// OpKind is a send or a receive.
type OpKind int

// Operation kinds.
const (
	Send OpKind = iota
	Recv
)

// Op is a channel operation of this package.
type Op struct {
	Instr    ssa.Instruction
	Kind     OpKind
	Fn       *ssa.Function
	Pos      token.Pos
	Chan     ChanID
	Blocking bool // a send that waits for a receiver (or buffer room)
	InLoop   bool
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
						m.addOp(in, Recv, fn, in.Pos(), in.X, false, loops.In(b))
					}
				case *ssa.Select:
					hasRecv := false
					for _, s := range in.States {
						// another case that may proceed: a receive,
						// or a send on another channel
						if s.Dir == types.RecvOnly || s.Chan != in.States[0].Chan {
							hasRecv = true
						}
					}
					for _, s := range in.States {
						if s.Dir == types.SendOnly {
							// blocks unless a default or another
							// (receive) case can proceed
							m.addOp(in, Send, fn, s.Pos, s.Chan, in.Blocking && !hasRecv, loops.In(b))
						} else {
							m.addOp(in, Recv, fn, s.Pos, s.Chan, false, loops.In(b))
						}
					}
				case *ssa.Store:
					m.chanStore(in)
				case ssa.CallInstruction:
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
	m.Ops = append(m.Ops, &Op{Instr: instr, Kind: kind, Fn: fn, Pos: pos, Chan: id, Blocking: blocking, InLoop: inLoop})
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
			m.Wirings = append(m.Wirings, &Wiring{Store: st, Field: dst.Var, Alloc: fa.X, Chan: src})
		}
	}
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
	Cap         int  // -1 when unknown
	Escaped     bool // handed to code we cannot see
}

// RemoteOp is a channel operation in another package.
type RemoteOp struct {
	OpSummary
	Field *types.Var
	Role  Role
}

// Channels groups the package's channel operations by channel.
func (m *Model) Channels() []*Channel {
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
	for _, op := range m.Ops {
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
	for id := range m.union {
		get(id)
	}
	for id := range m.caps {
		get(id)
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
					for _, s := range f.Sends {
						ch.RemoteSends = append(ch.RemoteSends, RemoteOp{OpSummary: s, Field: id.Var, Role: m.remoteRole(id.Var, s.Roots)})
					}
					for _, r := range f.Recvs {
						ch.RemoteRecvs = append(ch.RemoteRecvs, RemoteOp{OpSummary: r, Field: id.Var, Role: m.remoteRole(id.Var, r.Roots)})
					}
				}
			}
		}
		if !capKnown {
			ch.Cap = -1
		}
		sort.Slice(ch.IDs, func(i, j int) bool { return ch.IDs[i].String() < ch.IDs[j].String() })
		out = append(out, ch)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IDs[0].String() < out[j].IDs[0].String() })
	return out
}

// remoteRole is where an operation of another package runs, from its
// roots: handler methods of a type registered here run where the
// registration runs; Start of a runnable, where its leader election says.
func (m *Model) remoteRole(field *types.Var, roots []RootRef) Role {
	var r Role
	if len(roots) == 0 {
		return Unknown
	}
	for _, root := range roots {
		r |= m.rootRole(field.Pkg(), root)
	}
	if m.NoStandbys && r&Leader != 0 {
		r = r&^Leader | Every
	}
	return r
}

func (m *Model) rootRole(pkg *types.Package, root RootRef) Role {
	if root.Type == "" {
		return Unknown
	}
	key := pkg.Path() + "." + root.Type
	switch {
	case slices.Contains(handlerMethodNames, root.Name):
		var r Role
		for _, reg := range m.Registrations {
			for _, o := range reg.Origins {
				if o.Type != nil && typeKey(o.Type) == key {
					r |= m.roleAt(reg)
				}
			}
		}
		if r == 0 {
			return Unknown
		}
		return r
	case root.Name == "Start":
		obj := pkg.Scope().Lookup(root.Type)
		if obj == nil {
			return Unknown
		}
		info := m.leaderOf(obj.Type())
		switch {
		case info.known && info.need, !info.has && m.added[key]:
			return Leader
		case info.known:
			return Every
		}
	}
	return Unknown
}

var handlerMethodNames = []string{"OnAdd", "OnUpdate", "OnDelete"}

// RemoteHandlerSend reports whether a remote send runs in event-handler
// code (reached from OnAdd, OnUpdate or OnDelete).
func RemoteHandlerSend(op RemoteOp) bool {
	for _, r := range op.Roots {
		if slices.Contains(handlerMethodNames, r.Name) {
			return true
		}
	}
	return false
}

// InHandler reports whether fn is event-handler code or is called by it.
func (m *Model) InHandler(fn *ssa.Function) bool { return m.handlerFns[fn] }

// exportFacts exports the package's knowledge for its importers.
func (m *Model) exportFacts() {
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
	for _, op := range m.Ops {
		v := op.Chan.Var
		if v == nil || !v.IsField() || v.Pkg() != m.Pass.Pkg {
			continue
		}
		f := facts[v]
		if f == nil {
			f = new(ChanFact)
			facts[v] = f
		}
		s := OpSummary{Pos: m.posString(op.Pos), Func: funcName(op.Fn), Blocking: op.Blocking, Roots: m.rootsOf(op.Fn)}
		if op.Kind == Send {
			f.Sends = append(f.Sends, s)
		} else {
			f.Recvs = append(f.Recvs, s)
		}
	}
	for v, f := range facts {
		m.Pass.ExportObjectFact(v, f)
		exported = true
	}
	if exported {
		m.Pass.ExportPackageFact(new(PackageFact))
	}
}

// rootsOf returns the functions of the package with no caller here that
// reach fn (fn itself if it has none).
func (m *Model) rootsOf(fn *ssa.Function) []RootRef {
	var out []RootRef
	seen := make(map[*ssa.Function]bool)
	work := []*ssa.Function{fn}
	for len(work) > 0 && len(seen) < 256 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[f] {
			continue
		}
		seen[f] = true
		if len(m.callers[f]) == 0 {
			for f.Parent() != nil {
				f = f.Parent()
			}
			r := RootRef{Name: f.Name()}
			if recv := f.Signature.Recv(); recv != nil {
				if n := namedOf(recv.Type()); n != nil {
					r.Type = n.Obj().Name()
				}
			}
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
			continue
		}
		work = append(work, m.callers[f]...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
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
	if g, ok := m.Gates[fn]; ok && strings.Contains(g.What, "OnStartedLeading") {
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
