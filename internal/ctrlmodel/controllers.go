package ctrlmodel

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// setting is what a package says about a *bool controller option.
type setting uint8

const (
	unset  setting = iota // not set: controller-runtime's default
	on                    // the constant true
	off                   // the constant false
	unsure                // set from something we cannot resolve
)

// join is what two stores of the same option together say.
func (a setting) join(b setting) setting {
	switch {
	case a == unset:
		return b
	case b == unset || a == b:
		return a
	}
	return unsure
}

// or returns a, or def when a is unset.
func (a setting) or(def setting) setting {
	if a == unset {
		return def
	}
	return a
}

// runsAs is where a part of a controller runs.
type runsAs uint8

const (
	onLeader  runsAs = iota // started by the leader-elected controller
	likeSetup               // started where the controller is built
	notKnown                // an option we cannot resolve
)

// controller is a controller built in this package: with the builder
// (`ctrl.NewControllerManagedBy(mgr)...Complete(r)`) or controller.New.
type controller struct {
	build       ssa.CallInstruction // Complete, Build or controller.New
	reconcilers []string            // type keys of the reconcilers
	watches     []*ssa.Call         // For, Owns, Watches, Watch calls
	watchFns    []*ssa.Function     // handlers, map functions, predicates
	need, warm  setting             // its own options
	// partial: the builder comes from, or goes to, code we do not
	// follow, where options may be set; foreign: some of that code is
	// in, or called from, another package
	partial, foreign bool
}

// mgrOverrides reports whether this package's manager may run its
// controllers other than leader-elected (config.Controller's
// NeedLeaderElection false or unresolved, EnableWarmup true or
// unresolved): the leader-only roles that another package's facts give
// its controllers by default (CtrlDefault) do not hold here.
func (m *Model) mgrOverrides(d dfltKind) bool {
	switch d {
	case dfltNeed: // a reconciler: warm-up does not move it
		return m.mgrNeed == off || m.mgrNeed == unsure
	case dfltWatch:
		return m.mgrNeed == off || m.mgrNeed == unsure || m.mgrWarm == on || m.mgrWarm == unsure
	}
	return false
}

// dfltKind says which of controller-runtime's defaults make code
// leader-only: NeedLeaderElection's (a reconciler), or also
// EnableWarmup's (a watch function, whose sources warm-up starts on
// every replica).
type dfltKind uint8

const (
	dfltNone dfltKind = iota
	dfltNeed
	dfltWatch
)

// reconcileRole is where the controller's reconciler runs: on the leader
// unless NeedLeaderElection is false (its own option, else the
// manager's).
func (m *Model) reconcileRole(c *controller) runsAs {
	need := c.need
	if c.partial && (m.optsStored || c.foreign) {
		need = unsure
	}
	switch need.or(m.mgrNeed).or(on) {
	case on:
		return onLeader
	case off:
		return likeSetup
	}
	return notKnown
}

// watchRole is where the controller's sources, and so its handlers, map
// functions and predicates, run: with the controller, or, with
// EnableWarmup, where it is built (controller-runtime starts the sources
// of a warmed-up controller on every replica).
func (m *Model) watchRole(c *controller) runsAs {
	r := m.reconcileRole(c)
	if r != onLeader {
		return r
	}
	warm := c.warm
	if c.partial && (m.optsStored || c.foreign) {
		warm = unsure
	}
	switch warm.or(m.mgrWarm).or(off) {
	case off:
		return onLeader
	case on:
		return likeSetup
	}
	return notKnown
}

// scanControllers finds the controllers built in this package, their
// reconcilers and watches, and the manager-wide controller options.
func (m *Model) scanControllers() {
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					fa, ok := in.Addr.(*ssa.FieldAddr)
					if !ok || fieldName(fa) != apis.ManagerControllerOpts || !match.IsNamed(fa.X.Type(), apis.ManagerOptions.Pkg, apis.ManagerOptions.Name) {
						continue
					}
					m.mgrNeed = m.mgrNeed.join(m.optField(in.Val, apis.OptNeedLeaderElection, 0))
					m.mgrWarm = m.mgrWarm.join(m.optField(in.Val, apis.OptEnableWarmup, 0))
				case *ssa.FieldAddr:
					// opts.Controller.NeedLeaderElection = ... on an
					// Options variable
					if isManagerControllerField(in.X) {
						switch fieldName(in) {
						case apis.OptNeedLeaderElection:
							m.mgrNeed = m.mgrNeed.join(m.fieldStores(in, 0))
						case apis.OptEnableWarmup:
							m.mgrWarm = m.mgrWarm.join(m.fieldStores(in, 0))
						}
					}
				case *ssa.Call:
					if c := m.builtController(in); c != nil {
						m.controllers = append(m.controllers, c)
					}
					if foreignManagerSetup(in, m.Pass.Pkg) {
						// options or a manager made by another
						// package's code: its controller options
						// are not known here
						m.mgrNeed = m.mgrNeed.join(unsure)
						m.mgrWarm = m.mgrWarm.join(unsure)
					}
				}
			}
		}
	}
}

// isManagerControllerField reports whether v is &opts.Controller of a
// manager.Options.
func isManagerControllerField(v ssa.Value) bool {
	fa, ok := v.(*ssa.FieldAddr)
	return ok && fieldName(fa) == apis.ManagerControllerOpts && match.IsNamed(fa.X.Type(), apis.ManagerOptions.Pkg, apis.ManagerOptions.Name)
}

// builtController returns the controller a call builds, if it is a
// builder's Complete or Build or a controller.New.
func (m *Model) builtController(call *ssa.Call) *controller {
	callee := match.CalleeObject(call.Common())
	if callee == nil {
		return nil
	}
	args := call.Common().Args
	switch {
	case match.PkgPath(callee.Pkg()) == apis.CRBuilder && slices.Contains(apis.BuilderBuilds, callee.Name()) && len(args) == 2 && !call.Common().IsInvoke():
		c := &controller{build: call}
		c.reconcilers = reconcilerKeys(args[1])
		calls, complete, foreign := builderCalls(args[0])
		c.partial = !complete
		c.foreign = foreign
		for _, bc := range calls {
			name := match.CalleeObject(bc.Common()).Name()
			switch {
			case name == apis.BuilderOptions && len(bc.Call.Args) == 2:
				c.need = c.need.join(m.optField(bc.Call.Args[1], apis.OptNeedLeaderElection, 0))
				c.warm = c.warm.join(m.optField(bc.Call.Args[1], apis.OptEnableWarmup, 0))
			case slices.Contains(apis.BuilderWatches, name):
				c.watches = append(c.watches, bc)
				args := bc.Call.Args[1:]
				if slices.Contains(apis.BuilderObjectWatches, name) && len(args) > 0 {
					args = args[1:] // the watched object
				}
				for _, a := range args {
					m.watchFuncs(a, 0, &c.watchFns)
				}
			}
		}
		return c
	case match.IsAny(callee, apis.ControllerNews) && len(args) == 3:
		c := &controller{build: call}
		c.need = m.optField(args[2], apis.OptNeedLeaderElection, 0)
		c.warm = m.optField(args[2], apis.OptEnableWarmup, 0)
		c.reconcilers = m.optReconcilers(args[2], 0)
		for _, r := range refs(call) {
			ex, ok := r.(*ssa.Extract)
			if !ok || ex.Index != 0 {
				continue
			}
			for _, rr := range refs(ex) {
				w, ok := rr.(*ssa.Call)
				if !ok || !w.Call.IsInvoke() || w.Call.Value != ex || w.Call.Method.Name() != apis.ControllerWatch {
					continue
				}
				c.watches = append(c.watches, w)
				for _, a := range w.Call.Args {
					m.watchFuncs(a, 0, &c.watchFns)
				}
			}
		}
		return c
	}
	return nil
}

// reconcilerKeys returns the type of a reconciler argument.
func reconcilerKeys(v ssa.Value) []string {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		if k := typeKey(mi.X.Type()); k != "" {
			return []string{k}
		}
	}
	return nil
}

// isBuilderMethod reports whether call calls a method of the builder.
func isBuilderMethod(call *ssa.Call) bool {
	callee := match.CalleeObject(call.Common())
	return callee != nil && !call.Common().IsInvoke() && match.PkgPath(callee.Pkg()) == apis.CRBuilder &&
		callee.Signature().Recv() != nil && len(call.Common().Args) > 0
}

// isBuilderStart reports whether v begins a builder chain.
func isBuilderStart(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	if callee := match.CalleeObject(call.Common()); callee != nil {
		return match.IsAny(callee, apis.BuilderStarts)
	}
	// ctrl.NewControllerManagedBy, a variable holding the constructor
	load, ok := call.Call.Value.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	return ok && isStartVar(g)
}

func isStartVar(g *ssa.Global) bool {
	for _, f := range apis.BuilderStarts {
		if g.Name() == f.Name && g.Pkg != nil && match.PkgPath(g.Pkg.Pkg) == f.Pkg {
			return true
		}
	}
	return false
}

// builderCalls returns the builder method calls of the builder whose
// value v is handed to Complete or Build: back along the chain to its
// start, then forward to every method called on it. complete is false
// when the builder comes from, or goes to, code we do not follow.
func builderCalls(v ssa.Value) (calls []*ssa.Call, complete, foreign bool) {
	complete = true
	// outside: code of another package, or called from one, sees the
	// builder there and may set its options
	outside := func(fn *ssa.Function, call *ssa.CallCommon) bool {
		if call != nil {
			callee := call.StaticCallee()
			return callee == nil || callee.Pkg != fn.Pkg
		}
		return ast.IsExported(fn.Name())
	}
	seen := make(map[ssa.Value]bool)
	var back func(v ssa.Value)
	var starts []ssa.Value
	back = func(v ssa.Value) {
		if seen[v] {
			return
		}
		if len(seen) > 64 {
			complete = false
			return
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Phi:
			for _, e := range v.Edges {
				back(e)
			}
			return
		case *ssa.Call:
			if isBuilderStart(v) {
				starts = append(starts, v)
				return
			}
			if isBuilderMethod(v) {
				back(v.Call.Args[0])
				return
			}
			foreign = foreign || outside(v.Parent(), v.Common())
		case *ssa.Parameter:
			foreign = foreign || outside(v.Parent(), nil)
		default:
			foreign = true
		}
		complete = false
	}
	back(v)
	// forward: every method called on the builder's values
	fwd := make(map[ssa.Value]bool)
	work := starts
	for len(work) > 0 && len(fwd) < 256 {
		v := work[len(work)-1]
		work = work[:len(work)-1]
		if fwd[v] {
			continue
		}
		fwd[v] = true
		for _, r := range refs(v) {
			switch r := r.(type) {
			case *ssa.Call:
				if !isBuilderMethod(r) || r.Call.Args[0] != v {
					complete = false
					foreign = foreign || outside(r.Parent(), r.Common())
					continue
				}
				calls = append(calls, r)
				if !slices.Contains(apis.BuilderBuilds, match.CalleeObject(r.Common()).Name()) {
					work = append(work, r)
				}
			case *ssa.Phi:
				work = append(work, r)
			case *ssa.DebugRef:
			default:
				complete = false
			}
		}
	}
	return calls, complete, foreign
}

// optField returns what a controller.Options or config.Controller value
// sets field to: a composite literal, a variable whose fields are
// stored, or the result of a function of this package.
func (m *Model) optField(v ssa.Value, field string, depth int) setting {
	if depth > maxResolveDepth {
		return unsure
	}
	switch v := v.(type) {
	case *ssa.Const:
		return unset // the zero value
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			return m.allocField(a, field, depth)
		}
	case *ssa.Phi:
		s := unset
		for _, e := range v.Edges {
			s = s.join(m.optField(e, field, depth+1))
		}
		return s
	case *ssa.Call:
		fn := v.Call.StaticCallee()
		if fn == nil || fn.Pkg == nil || fn.Pkg.Pkg != m.Pass.Pkg || len(fn.Blocks) == 0 {
			return unsure
		}
		s, any := unset, false
		for _, b := range fn.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
				any = true
				s = s.join(m.optField(ret.Results[0], field, depth+1))
			}
		}
		if !any {
			return unsure
		}
		return s
	}
	return unsure
}

// allocField returns what the stores into an options variable set field
// to.
func (m *Model) allocField(a *ssa.Alloc, field string, depth int) setting {
	s := unset
	for _, r := range refs(a) {
		switch r := r.(type) {
		case *ssa.FieldAddr:
			if fieldName(r) == field {
				s = s.join(m.fieldStores(r, depth))
			}
		case *ssa.Store:
			if r.Addr != ssa.Value(a) {
				return unsure
			}
			s = s.join(m.optField(r.Val, field, depth+1))
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			// its address is handed on: set elsewhere
			return unsure
		}
	}
	return s
}

// fieldStores returns what the stores through a field's address set it
// to.
func (m *Model) fieldStores(fa *ssa.FieldAddr, depth int) setting {
	s := unset
	for _, r := range refs(fa) {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != ssa.Value(fa) {
				return unsure
			}
			s = s.join(m.boolPtr(r.Val, depth+1))
		case *ssa.UnOp, *ssa.DebugRef:
		default:
			return unsure
		}
	}
	return s
}

// boolPtr returns what a *bool value points to: ptr.To(false), &f of a
// local variable holding constants, or nil (unset).
func (m *Model) boolPtr(v ssa.Value, depth int) setting {
	if depth > maxResolveDepth {
		return unsure
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return unset
		}
	case *ssa.Call:
		callee := match.CalleeObject(v.Common())
		if callee != nil && match.IsAny(callee, apis.BoolPtrs) && len(v.Call.Args) == 1 {
			return constBool(v.Call.Args[0])
		}
	case *ssa.Phi:
		s := unset
		for _, e := range v.Edges {
			s = s.join(m.boolPtr(e, depth+1))
		}
		return s
	case *ssa.Alloc:
		// &f: what f holds, when only constants are stored in it and
		// its address goes nowhere else
		s, stored := unset, false
		for _, r := range refs(v) {
			switch r := r.(type) {
			case *ssa.Store:
				if r.Addr != ssa.Value(v) {
					// &f itself stored: it must be the option
					// store we come from
					continue
				}
				stored = true
				s = s.join(constBool(r.Val))
			case *ssa.UnOp, *ssa.DebugRef:
			default:
				return unsure
			}
		}
		if !stored {
			return off // the zero value
		}
		return s
	}
	return unsure
}

// constBool returns the setting of a constant bool.
func constBool(v ssa.Value) setting {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Bool {
		return unsure
	}
	if constant.BoolVal(c.Value) {
		return on
	}
	return off
}

// optReconcilers returns the reconciler types stored in the Reconciler
// field of controller.Options.
func (m *Model) optReconcilers(v ssa.Value, depth int) []string {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	a, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []string
	for _, r := range refs(a) {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fieldName(fa) != apis.OptReconciler {
			continue
		}
		for _, rr := range refs(fa) {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ssa.Value(fa) {
				out = append(out, reconcilerKeys(st.Val)...)
			}
		}
	}
	return out
}

// watchFuncs collects the functions of this package that a watch
// argument runs per event: map functions, handler and predicate
// functions (handler.Funcs{...}, predicate.NewPredicateFuncs(f),
// builder.WithPredicates(...)), and the event methods of handler and
// predicate types of this package.
func (m *Model) watchFuncs(v ssa.Value, depth int, out *[]*ssa.Function) {
	if depth > maxResolveDepth {
		return
	}
	add := func(f *ssa.Function) {
		if f != nil && f.Pkg != nil && f.Pkg.Pkg == m.Pass.Pkg && !slices.Contains(*out, f) {
			*out = append(*out, f)
		}
	}
	if vs := match.Varargs(v); vs != nil {
		for _, x := range vs {
			m.watchFuncs(x, depth+1, out)
		}
		return
	}
	switch v := v.(type) {
	case *ssa.Function, *ssa.MakeClosure:
		add(funcOf(v))
	case *ssa.ChangeType:
		m.watchFuncs(v.X, depth+1, out)
	case *ssa.ChangeInterface:
		m.watchFuncs(v.X, depth+1, out)
	case *ssa.MakeInterface:
		key := typeKey(v.X.Type())
		for _, f := range m.Funcs {
			if recv := f.Signature.Recv(); recv != nil && f.Parent() == nil && slices.Contains(apis.HandlerCodeMethods, f.Name()) && typeKey(recv.Type()) == key && takesEvent(f.Signature) {
				add(f)
			}
		}
		m.watchFuncs(v.X, depth+1, out)
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			m.watchFuncs(a, depth+1, out)
		}
	case *ssa.Alloc:
		// a composite literal of the watch APIs: handler.Funcs{CreateFunc:
		// f}; a type of this package is a handler through its methods
		n := namedOf(v.Type())
		if n == nil || n.Obj().Pkg() == nil || !slices.Contains(apis.WatchPackages, match.PkgPath(n.Obj().Pkg())) {
			return
		}
		for _, r := range refs(v) {
			fa, ok := r.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			for _, rr := range refs(fa) {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == ssa.Value(fa) {
					m.watchFuncs(st.Val, depth+1, out)
				}
			}
		}
	case *ssa.Call:
		callee := match.CalleeObject(v.Common())
		if callee == nil || !slices.Contains(apis.WatchPackages, match.PkgPath(callee.Pkg())) {
			return
		}
		for _, a := range v.Call.Args {
			m.watchFuncs(a, depth+1, out)
		}
	}
}

// takesEvent reports whether a handler or predicate method takes one of
// controller-runtime's events: Create(ctx, event.CreateEvent, queue).
func takesEvent(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if n := namedOf(v.Type()); n != nil && n.Obj().Pkg() != nil && match.PkgPath(n.Obj().Pkg()) == apis.CREvent {
			return true
		}
	}
	return false
}

// controllerSlots gives the watch functions of leader-elected
// controllers their role (the leader), and those of controllers whose
// options we cannot resolve none: the code that builds the controller is
// not where they run. It marks them as slots.
func (m *Model) controllerSlots(slots map[*ssa.Function]bool) {
	for _, c := range m.controllers {
		r := m.watchRole(c)
		if r == likeSetup {
			continue
		}
		for _, f := range c.watchFns {
			slots[f] = true
			if r == notKnown {
				m.base[f] |= Unknown
				continue
			}
			m.base[f] |= Leader
			if c.need == unset && m.mgrNeed == unset && c.warm == unset && m.mgrWarm == unset {
				m.ctrlDefault[f] = dfltWatch
			}
			if _, ok := m.gates[f]; !ok {
				m.gates[f] = Gate{Pos: c.build.Pos(), What: "a controller's watches start with the controller, on the leader only"}
			}
		}
	}
}

// controllerEdges gives the reconcilers their role: the leader for a
// leader-elected controller, else where the controller is built (an
// edge from that function); and the watch functions of controllers
// that start their sources where they are built (NeedLeaderElection
// false, or EnableWarmup) an edge from there too.
func (m *Model) controllerEdges(slots map[*ssa.Function]bool) {
	for _, c := range m.controllers {
		setup := c.build.Parent()
		kind := plainCall
		wait, gated := m.electedBefore(c.build)
		if gated {
			kind = afterElected
		}
		link := func(f *ssa.Function) {
			if slots[f] {
				// also a watch of a leader-elected controller
				m.base[f] |= Unknown
				return
			}
			m.addEdge(setup, f, slots, kind)
			if gated {
				m.electedGate(f, wait)
			}
		}
		role := m.reconcileRole(c)
		if m.watchRole(c) == likeSetup {
			why := m.everyGate(c, role)
			for _, f := range c.watchFns {
				link(f)
				m.everyWatch = append(m.everyWatch, f)
				m.everyGates[f] = why
			}
		}
		for _, key := range c.reconcilers {
			for _, f := range m.Funcs {
				recv := f.Signature.Recv()
				if recv == nil || f.Parent() != nil || f.Name() != "Reconcile" || typeKey(recv.Type()) != key {
					continue
				}
				switch role {
				case onLeader:
					m.base[f] |= Leader
					if c.need == unset && m.mgrNeed == unset && m.ctrlDefault[f] == dfltNone {
						m.ctrlDefault[f] = dfltNeed
					}
					if _, ok := m.gates[f]; !ok {
						m.gates[f] = Gate{What: "reconcilers run in controllers, which start on the leader only"}
					}
				case likeSetup:
					link(f)
					m.perRequestRoots = append(m.perRequestRoots, f)
					m.everyGates[f] = m.everyGate(c, role)
				default:
					m.base[f] |= Unknown
				}
			}
		}
	}
}

// markControllerCode records, with what they call, the watch functions
// that run where their controller is built as handler code (they run
// per event, on the informer's goroutine), and the reconcilers that do
// as per-request code.
func (m *Model) markControllerCode() {
	callees := m.callees
	mark := func(roots []*ssa.Function, set map[*ssa.Function]bool) {
		work := slices.Clone(roots)
		for len(work) > 0 {
			f := work[len(work)-1]
			work = work[:len(work)-1]
			if set[f] {
				continue
			}
			set[f] = true
			work = append(work, callees[f]...)
		}
	}
	mark(m.everyWatch, m.handlerFns)
	m.perRequest = make(map[*ssa.Function]bool)
	mark(m.perRequestRoots, m.perRequest)
}

// PerRequest reports whether fn is a reconciler that runs where its
// controller is built (not only on the leader), or code it calls: it
// runs once per reconcile request, over and over.
func (m *Model) PerRequest(fn *ssa.Function) bool { return m.perRequest[fn] }

// watchCallRole is the role of a controller's watch (a builder's For,
// Owns or Watches call, a controller's Watch) as a consumer of its
// informer: where the controller starts its sources.
func (m *Model) watchCallRole(call *ssa.Call) Role {
	for _, c := range m.controllers {
		if !slices.Contains(c.watches, call) {
			continue
		}
		switch m.watchRole(c) {
		case onLeader:
			return Leader
		case likeSetup:
			return m.RoleAt(c.build)
		}
		return Unknown
	}
	return Leader
}

// watchCallDefault reports whether the controller of a watch call is
// leader-elected by controller-runtime's defaults only: neither it nor
// this package's manager sets its options (a call outside any controller
// we see is taken as leader-only by default too).
func (m *Model) watchCallDefault(call *ssa.Call) bool {
	for _, c := range m.controllers {
		if slices.Contains(c.watches, call) {
			return c.need == unset && m.mgrNeed == unset && c.warm == unset && m.mgrWarm == unset
		}
	}
	return true
}

// EveryGateOf returns why fn, or a function that reaches it, runs on
// every replica as part of a controller: the controller's options
// (NeedLeaderElection false, EnableWarmup), at the call that builds it.
func (m *Model) EveryGateOf(fn *ssa.Function) (Gate, bool) {
	return m.gateAlongCallers(fn, m.everyGates)
}

// everyGate says why a controller's code runs where it is built.
func (m *Model) everyGate(c *controller, role runsAs) Gate {
	whose := "its options"
	if role == onLeader {
		if c.warm == unset {
			whose = "the manager's controller options"
		}
		return Gate{Pos: c.build.Pos(), What: "the controller is built here and " + whose + " set EnableWarmup: its watches start on every replica, before the election"}
	}
	if c.need == unset {
		whose = "the manager's controller options"
	}
	return Gate{Pos: c.build.Pos(), What: "the controller is built here and " + whose + " set NeedLeaderElection to false: it runs on every replica"}
}

// foreignManagerSetup reports whether call, to a function of another
// package (not controller-runtime's), returns manager.Options or a
// manager.Manager: a project's helper that builds them, with controller
// options we cannot see.
func foreignManagerSetup(call *ssa.Call, pkg *types.Package) bool {
	callee := match.CalleeObject(call.Common())
	if callee == nil || callee.Pkg() == nil || callee.Pkg() == pkg || strings.HasPrefix(match.PkgPath(callee.Pkg()), apis.CRRoot) {
		return false
	}
	res := callee.Type().(*types.Signature).Results()
	for i := range res.Len() {
		t := res.At(i).Type()
		if match.IsNamed(t, apis.ManagerOptions.Pkg, apis.ManagerOptions.Name) || match.IsNamed(t, apis.CRManager, "Manager") {
			return true
		}
	}
	return false
}
