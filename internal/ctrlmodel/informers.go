package ctrlmodel

import (
	"go/token"
	"go/types"
	"iter"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Informer is an informer the package creates explicitly: from a client-go
// SharedInformerFactory (factory.Core().V1().Pods()) or from a
// controller-runtime cache (GetInformer).
type Informer struct {
	Create   ssa.CallInstruction
	Fn       *ssa.Function // where it is created
	Resource string        // "Pods", or the object's type name
	// Start is where a client-go factory is started (nil for
	// controller-runtime: the manager starts its cache on every replica).
	Start    ssa.CallInstruction
	StartFn  *ssa.Function
	Consumer []Consumer
	// Unknown is set when the informer, its lister or store goes where we
	// cannot see.
	Unknown bool
	key     string          // controller-runtime: the object type
	others  []*ssa.Function // other functions that create the same informer
	group   string          // client-go: the informers package (API group and version)
	seen    map[ssa.Value]bool
	factory ssa.Value // client-go: the factory it comes from
}

// Consumer is code that uses what an informer holds or delivers.
type Consumer struct {
	Fn    *ssa.Function
	Instr ssa.Instruction // the consuming instruction, when there is one
	Pos   token.Pos
	What  string
	Role  Role
	// Default: leader-only by a controller's defaults only (a watch of
	// a controller whose options nothing here sets)
	Default dfltKind
}

// Informers returns the informers the package creates explicitly, with
// their consumers.
func (m *Model) Informers() []*Informer {
	m.computeFlows()
	return m.infs
}

func (m *Model) informers() []*Informer {
	var out []*Informer
	factories := make(map[ssa.Value][]ssa.CallInstruction) // factory value -> Start calls
	var unknownTypeRegs []*Registration
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				c := call.Common()
				callee := match.CalleeObject(c)
				if callee == nil {
					continue
				}
				pkg := match.PkgPath(callee.Pkg())
				switch {
				case pkg == apis.ClientGoInformers && callee.Name() == "Start" && c.IsInvoke():
					if f := m.factoryOf(c.Value, 0); f != nil {
						factories[f] = append(factories[f], call)
					}
				case strings.HasPrefix(pkg, apis.ClientGoInformersPfx) && isAccessor(callee):
					v, ok := call.(*ssa.Call)
					if !ok {
						continue
					}
					inf := &Informer{Create: call, Fn: fn, Resource: callee.Name(), group: pkg}
					inf.factory = m.factoryOf(accessorRoot(v), 0)
					m.consumersOf(inf, v, 0)
					out = append(out, inf)
				case slices.Contains(apis.InformerCachePackages, pkg) && callee.Name() == "GetInformer":
					v, ok := call.(*ssa.Call)
					if !ok || len(c.Args) < 2 {
						continue
					}
					objArg := c.Args[len(c.Args)-1]
					if c.IsInvoke() {
						objArg = c.Args[1]
					}
					keys := m.objectTypes(objArg)
					inf := &Informer{Create: call, Fn: fn}
					if len(keys) == 1 {
						inf.key = keys[0]
						inf.Resource = keys[0][strings.LastIndex(keys[0], ".")+1:]
					}
					m.consumersOf(inf, v, 0)
					if inf.key == "" {
						unknownTypeRegs = append(unknownTypeRegs, m.regsIn(inf)...)
						continue
					}
					out = append(out, inf)
				}
			}
		}
	}
	out = mergeInformers(out)
	for _, inf := range out {
		if inf.factory != nil {
			if starts := factories[inf.factory]; len(starts) > 0 {
				inf.Start = starts[0]
				inf.StartFn = starts[0].Parent()
			}
		}
		if inf.key != "" {
			// handlers registered on informers of unknown type may
			// consume this one too
			for _, reg := range unknownTypeRegs {
				inf.Consumer = append(inf.Consumer, m.handlerConsumers(reg)...)
			}
			m.typeConsumers(inf)
		}
	}
	return out
}

// isAccessor reports whether f is a typed informer accessor: a method
// whose result has Informer and Lister methods (core/v1's Pods()).
func isAccessor(f *types.Func) bool {
	sig, ok := f.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 {
		return false
	}
	ms := types.NewMethodSet(sig.Results().At(0).Type())
	return hasMethod(ms, "Informer") && hasMethod(ms, "Lister")
}

func hasMethod(ms *types.MethodSet, name string) bool {
	for i := range ms.Len() {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// accessorRoot walks factory.Core().V1().Pods() back to factory.
func accessorRoot(v ssa.Value) ssa.Value {
	for range 8 {
		call, ok := v.(*ssa.Call)
		if !ok || !call.Call.IsInvoke() {
			return v
		}
		pkg := match.PkgPath(call.Call.Method.Pkg())
		if pkg != apis.ClientGoInformers && !strings.HasPrefix(pkg, apis.ClientGoInformersPfx) {
			return v
		}
		v = call.Call.Value
	}
	return v
}

// FactoryOf resolves a client-go informer factory value, or a group or
// accessor of one (factory.Core().V1()), to the constructor call that
// made it: through local variables, closures and struct fields whose
// stores all agree. Nil when it cannot tell (a parameter, another
// package's value, two different factories).
func (m *Model) FactoryOf(v ssa.Value) *ssa.Call {
	c, _ := m.factoryOf(v, 0).(*ssa.Call)
	return c
}

// factoryOf resolves a factory value to the call that made it.
func (m *Model) factoryOf(v ssa.Value, depth int) ssa.Value {
	if depth > maxResolveDepth {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Call:
		if callee := match.CalleeObject(v.Common()); callee != nil && match.PkgPath(callee.Pkg()) == apis.ClientGoInformers &&
			strings.HasPrefix(callee.Name(), "New") {
			return v
		}
		if v.Call.IsInvoke() {
			return m.factoryOf(accessorRoot(v), depth+1)
		}
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok {
			var found ssa.Value
			for _, r := range refs(a) {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(a) {
					f := m.factoryOf(st.Val, depth+1)
					if f == nil || (found != nil && f != found) {
						return nil // two factories, or one we cannot see
					}
					found = f
				}
			}
			return found
		}
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			return m.fieldFactory(fieldVar(fa))
		}
	case *ssa.FreeVar:
		var found ssa.Value
		m.resolveFreeVar(v, func(b ssa.Value) ChanID {
			if a, ok := b.(*ssa.Alloc); ok {
				found = m.factoryOf(&ssa.UnOp{Op: token.MUL, X: a}, depth+1)
			} else {
				found = m.factoryOf(b, depth+1)
			}
			return ChanID{}
		})
		return found
	}
	return nil
}

// fieldFactory resolves a factory stored in a field.
func (m *Model) fieldFactory(f *types.Var) ssa.Value {
	if f == nil {
		return nil
	}
	var found ssa.Value
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fieldVar(fa) == f {
						c, ok := st.Val.(*ssa.Call)
						if !ok {
							return nil // a factory from somewhere we cannot see
						}
						fc := m.factoryOf(c, 1)
						if fc == nil || (found != nil && fc != found) {
							return nil
						}
						found = fc
					}
				}
			}
		}
	}
	return found
}

// consumersOf follows an informer (or what it derives: Informer(),
// Lister(), GetStore(), GetIndexer()) to the code that consumes it.
func (m *Model) consumersOf(inf *Informer, v ssa.Value, depth int) {
	if depth > maxResolveDepth {
		inf.Unknown = true
		return
	}
	if inf.seen == nil {
		inf.seen = make(map[ssa.Value]bool)
	}
	if inf.seen[v] {
		return // each value once: fields loaded in many places fan out
	}
	inf.seen[v] = true
	for _, r := range refs(v) {
		switch u := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Call:
			m.consumerCall(inf, v, u, depth)
		case *ssa.Defer, *ssa.Go:
			inf.Unknown = true
		case *ssa.Extract:
			if u.Index == 0 {
				m.consumersOf(inf, u, depth+1)
			}
		case *ssa.MakeInterface:
			m.consumersOf(inf, u, depth+1)
		case *ssa.ChangeInterface:
			m.consumersOf(inf, u, depth+1)
		case *ssa.Phi:
			m.consumersOf(inf, u, depth+1)
		case *ssa.Store:
			if u.Val != v {
				continue
			}
			switch a := u.Addr.(type) {
			case *ssa.Alloc:
				for _, ar := range refs(a) {
					if l, ok := ar.(*ssa.UnOp); ok && l.Op == token.MUL {
						m.consumersOf(inf, l, depth+1)
					} else if mc, ok := ar.(*ssa.MakeClosure); ok {
						m.closureConsumers(inf, a, mc, depth)
					}
				}
			case *ssa.FieldAddr:
				m.fieldConsumers(inf, fieldVar(a), depth)
			default:
				inf.Unknown = true
			}
		case *ssa.MakeClosure:
			m.closureConsumers(inf, v, u, depth)
		case *ssa.Return:
			inf.Unknown = true
		default:
			inf.Unknown = true
		}
	}
}

func (m *Model) closureConsumers(inf *Informer, v ssa.Value, mc *ssa.MakeClosure, depth int) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		inf.Unknown = true
		return
	}
	for i, b := range mc.Bindings {
		if b != v || i >= len(fn.FreeVars) {
			continue
		}
		fv := fn.FreeVars[i]
		if _, isCell := v.(*ssa.Alloc); isCell {
			for _, r := range refs(fv) {
				if l, ok := r.(*ssa.UnOp); ok && l.Op == token.MUL {
					m.consumersOf(inf, l, depth+1)
				}
			}
			continue
		}
		m.consumersOf(inf, fv, depth+1)
	}
}

// fieldConsumers: every function that loads the field and uses it.
func (m *Model) fieldConsumers(inf *Informer, f *types.Var, depth int) {
	if f == nil || f.Pkg() != m.Pass.Pkg || f.Exported() {
		inf.Unknown = true
		return
	}
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				l, ok := instr.(*ssa.UnOp)
				if !ok || l.Op != token.MUL {
					continue
				}
				if fa, ok := l.X.(*ssa.FieldAddr); ok && fieldVar(fa) == f {
					m.consumersOf(inf, l, depth+1)
				}
			}
		}
	}
}

// consumerCall classifies a call that uses an informer-derived value v.
func (m *Model) consumerCall(inf *Informer, v ssa.Value, call *ssa.Call, depth int) {
	c := call.Common()
	recv := (c.IsInvoke() && c.Value == v) || (!c.IsInvoke() && len(c.Args) > 0 && c.Args[0] == v && c.Signature().Recv() != nil)
	callee := match.CalleeObject(c)
	if recv && callee != nil {
		switch callee.Name() {
		case "Informer", "Lister", "GetStore", "GetIndexer":
			m.consumersOf(inf, call, depth+1)
			return
		case "HasSynced", "Run", "RunWithContext", "SetTransform", "SetWatchErrorHandler", "IsStopped", "LastSyncResourceVersion":
			return // syncing and running are not consuming
		case "AddEventHandler", "AddEventHandlerWithResyncPeriod", "AddEventHandlerWithOptions":
			for _, reg := range m.regs {
				if reg.Call == ssa.CallInstruction(call) {
					inf.Consumer = append(inf.Consumer, m.handlerConsumers(reg)...)
					return
				}
			}
			inf.Unknown = true
			return
		}
		// a read: List, Get, ByIndex, Pods(ns)...
		inf.Consumer = append(inf.Consumer, Consumer{Fn: call.Parent(), Instr: call, Pos: call.Pos(), What: callee.Name(), Role: m.RoleAt(call)})
		return
	}
	// passed as an argument
	if sf := c.StaticCallee(); sf != nil && sf.Pkg != nil && sf.Pkg.Pkg == m.Pass.Pkg && !c.IsInvoke() {
		for i, a := range c.Args {
			if a == v && i < len(sf.Params) {
				m.consumersOf(inf, sf.Params[i], depth+1)
			}
		}
		return
	}
	if callee != nil && match.PkgPath(callee.Pkg()) == apis.ClientGoCache && callee.Name() == "WaitForCacheSync" {
		return
	}
	inf.Unknown = true
}

// handlerConsumers is what a registered handler consumes: where the data
// it forwards (on channels, into workqueues) is consumed, or, when it
// forwards nothing, the handler itself.
func (m *Model) handlerConsumers(reg *Registration) []Consumer {
	var out []Consumer
	forwards := false
	// each channel and queue once, however many sends or Adds reach it
	seenChan := make(map[ChanID]bool)
	seenQueue := make(map[ChanID]bool)
	toChan := func(v ssa.Value) {
		forwards = true
		if id := m.resolve(v, 0); !seenChan[id] || !id.valid() {
			seenChan[id] = true
			out = append(out, m.chanConsumers(id)...)
		}
	}
	for instr := range m.handlerInstrs(reg) {
		switch in := instr.(type) {
		case *ssa.Send:
			toChan(in.Chan)
		case *ssa.Select:
			for _, st := range in.States {
				if st.Dir == types.SendOnly {
					toChan(st.Chan)
				}
			}
		case *ssa.Call:
			if q, ok := m.queueAdd(in); ok {
				forwards = true
				if !seenQueue[q] || !q.valid() {
					seenQueue[q] = true
					out = append(out, m.queueConsumers(q)...)
				}
			}
		}
	}
	for _, o := range reg.Origins {
		if o.Type != nil && len(o.Funcs) == 0 && o.Type.Obj().Pkg() != m.Pass.Pkg {
			// a handler of another package: we cannot see what it does
			out = append(out, Consumer{Fn: reg.Fn, Pos: reg.Call.Pos(), What: "event handler", Role: Unknown})
		}
	}
	if !forwards || m.worksInPlace(reg) {
		out = append(out, Consumer{Fn: reg.Fn, Instr: reg.Call, Pos: reg.Call.Pos(), What: "event handler", Role: m.roleAt(reg)})
	}
	return out
}

// worksInPlace reports whether a handler's code changes state itself
// (writes a field, a package variable or a map), besides forwarding: that
// work happens wherever the handler runs.
func (m *Model) worksInPlace(reg *Registration) bool {
	for instr := range m.handlerInstrs(reg) {
		switch in := instr.(type) {
		case *ssa.MapUpdate:
			return true
		case *ssa.Store:
			switch in.Addr.(type) {
			case *ssa.FieldAddr, *ssa.Global:
				return true
			}
		}
	}
	return false
}

// handlerInstrs yields the instructions of a registration's handler code
// and of what it calls in this package.
func (m *Model) handlerInstrs(reg *Registration) iter.Seq[ssa.Instruction] {
	return func(yield func(ssa.Instruction) bool) {
		for _, o := range reg.Origins {
			for _, f := range m.handlerCode(o) {
				for _, g := range m.reach(f) {
					for _, b := range g.Blocks {
						for _, instr := range b.Instrs {
							if !yield(instr) {
								return
							}
						}
					}
				}
			}
		}
	}
}

// reach returns f and the functions of the package it calls.
func (m *Model) reach(f *ssa.Function) []*ssa.Function {
	callees := m.callees
	seen := map[*ssa.Function]bool{}
	work := []*ssa.Function{f}
	var out []*ssa.Function
	for len(work) > 0 && len(out) < 256 {
		g := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[g] {
			continue
		}
		seen[g] = true
		out = append(out, g)
		work = append(work, callees[g]...)
	}
	return out
}

// chanConsumers: the receivers of a channel.
func (m *Model) chanConsumers(id ChanID) []Consumer {
	if !id.valid() || m.escaped[id] {
		return []Consumer{{What: "channel", Role: Unknown}}
	}
	root := m.find(id)
	var out []Consumer
	if m.callersChannel(root) {
		// an entry's parameter: its callers may receive from it too
		out = append(out, Consumer{What: "channel", Role: Unknown})
	}
	for _, op := range m.ops {
		if op.Kind == Recv && m.find(op.Chan) == root {
			out = append(out, Consumer{Fn: op.Fn, Instr: op.Instr, Pos: op.Pos, What: "receive", Role: m.RoleAt(op.Instr)})
		}
	}
	if len(out) == 0 {
		out = append(out, Consumer{What: "channel", Role: Unknown})
	}
	return out
}

// queueAdd reports whether call adds to a workqueue, and which.
func (m *Model) queueAdd(call *ssa.Call) (ChanID, bool) {
	c := call.Common()
	callee := match.CalleeObject(c)
	if callee == nil || match.PkgPath(callee.Pkg()) != apis.ClientGoWorkqueue || !slices.Contains([]string{"Add", "AddRateLimited", "AddAfter"}, callee.Name()) {
		return ChanID{}, false
	}
	if !c.IsInvoke() {
		return ChanID{}, true
	}
	return m.queueID(c.Value), true
}

func (m *Model) queueID(v ssa.Value) ChanID {
	if l, ok := v.(*ssa.UnOp); ok {
		if fa, ok := l.X.(*ssa.FieldAddr); ok {
			return ChanID{Var: fieldVar(fa)}
		}
		if g, ok := l.X.(*ssa.Global); ok {
			return ChanID{Var: globalVar(g)}
		}
	}
	return ChanID{}
}

// queueConsumers: the functions that Get from a workqueue.
func (m *Model) queueConsumers(q ChanID) []Consumer {
	if !q.valid() {
		return []Consumer{{What: "workqueue", Role: Unknown}}
	}
	if cs, ok := m.queueMemo[q]; ok {
		return cs
	}
	cs := m.queueConsumersOnce(q)
	m.queueMemo[q] = cs
	return cs
}

func (m *Model) queueConsumersOnce(q ChanID) []Consumer {
	var out []Consumer
	for call := range match.Calls(m.Funcs...) {
		if !call.Call.IsInvoke() || call.Call.Method.Name() != "Get" {
			continue
		}
		if m.queueID(call.Call.Value) == q {
			out = append(out, Consumer{Fn: call.Parent(), Instr: call, Pos: call.Pos(), What: "workqueue Get", Role: m.RoleAt(call)})
		}
	}
	if len(out) == 0 {
		out = append(out, Consumer{What: "workqueue", Role: Unknown})
	}
	return out
}

// regsIn returns the registrations made on an informer (as consumers were
// collected, registrations were matched by call).
func (m *Model) regsIn(inf *Informer) []*Registration {
	var out []*Registration
	for _, reg := range m.regs {
		for _, c := range inf.Consumer {
			if c.Pos == reg.Call.Pos() {
				out = append(out, reg)
			}
		}
	}
	return out
}

// objectTypes resolves the object passed to GetInformer to type keys
// (sorted, without repeats). A parameter is resolved once (memoised),
// from every call site; one it reaches again while resolving it, or one
// with a call site we cannot read, is unknown.
func (m *Model) objectTypes(v ssa.Value) []string {
	switch v := v.(type) {
	case *ssa.MakeInterface:
		if k := typeKey(v.X.Type()); k != "" {
			if _, isPtr := v.X.Type().(*types.Pointer); isPtr {
				return []string{k}
			}
		}
	case *ssa.Parameter:
		if ks, ok := m.objTypesMemo[v]; ok {
			return ks
		}
		m.objTypesMemo[v] = nil // in progress: a cycle is unknown
		fn := v.Parent()
		i := slices.Index(fn.Params, v)
		var out []string
		for _, s := range m.callSites(fn) {
			args := s.Common().Args
			if i < 0 || i >= len(args) {
				out = nil
				break
			}
			ks := m.objectTypes(args[i])
			if len(ks) == 0 {
				out = nil // one unknown makes all unknown
				break
			}
			out = append(out, ks...)
		}
		slices.Sort(out)
		out = slices.Compact(out)
		m.objTypesMemo[v] = out
		return out
	}
	return nil
}

// typeConsumers adds the other consumers of a controller-runtime
// informer's type: cached-client reads and builder watches (leader only).
func (m *Model) typeConsumers(inf *Informer) {
	for call := range match.Calls(m.Funcs...) {
		callee := match.CalleeObject(call.Common())
		if callee == nil {
			continue
		}
		pkg := match.PkgPath(callee.Pkg())
		isRead := strings.HasPrefix(pkg, apis.CRClient) && (callee.Name() == "Get" || callee.Name() == "List")
		isWatch := pkg == apis.CRBuilder && slices.Contains([]string{"For", "Owns", "Watches"}, callee.Name())
		if !isRead && !isWatch {
			continue
		}
		role := m.RoleAt(call)
		dflt := dfltNone
		if isWatch {
			// a controller's watches start with the controller,
			// on the leader
			role = m.watchCallRole(call)
			if role == Leader && m.watchCallDefault(call) {
				dflt = dfltWatch
			}
			if m.NoStandbys {
				role = Every
			}
		}
		for _, a := range call.Call.Args {
			for _, k := range m.objectTypes(a) {
				if k == inf.key {
					inf.Consumer = append(inf.Consumer, Consumer{Fn: call.Parent(), Instr: call, Pos: call.Pos(), What: callee.Name(), Role: role, Default: dflt})
				}
			}
		}
	}
}

// IsFactory reports whether the informer comes from a client-go factory.
func (inf *Informer) IsFactory() bool { return inf.key == "" }

// mergeInformers merges the informers that are one shared informer: the
// same resource of the same factory, or the same object type of the
// manager's cache.
func mergeInformers(in []*Informer) []*Informer {
	type key struct {
		factory ssa.Value
		res     string
	}
	byKey := make(map[key]*Informer)
	var out []*Informer
	for _, inf := range in {
		k := key{inf.factory, inf.group + "." + inf.Resource}
		if inf.key != "" {
			k = key{nil, inf.key}
		} else if inf.factory == nil {
			out = append(out, inf)
			continue
		}
		if first, ok := byKey[k]; ok {
			first.Consumer = append(first.Consumer, inf.Consumer...)
			first.Unknown = first.Unknown || inf.Unknown
			if first.Fn != inf.Fn {
				first.others = append(first.others, inf.Fn)
			}
			continue
		}
		byKey[k] = inf
		out = append(out, inf)
	}
	return out
}

// Others returns the other functions that create the same informer.
func (inf *Informer) Others() []*ssa.Function { return inf.others }
