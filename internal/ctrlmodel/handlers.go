package ctrlmodel

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Registration is an event handler registered on an informer: by a call
// of AddEventHandler, or of a helper that calls it.
type Registration struct {
	Call    ssa.CallInstruction
	Fn      *ssa.Function // the function that makes the call
	Origins []Origin
}

// Origin is what a registered handler is made of: an object whose
// OnAdd/OnUpdate/OnDelete methods run (Type, with the allocation when it
// is in this package), or handler functions (ResourceEventHandlerFuncs).
type Origin struct {
	Type  *types.Named
	Alloc ssa.Value
	Funcs []*ssa.Function
}

// findRegistrations finds the handler registrations of the package, sees
// through helpers and wrappers, and records which code is handler code.
func (m *Model) findRegistrations() {
	m.handlerRegs = make(map[*ssa.Function][]*Registration)
	m.handlerFns = make(map[*ssa.Function]bool)
	m.wrappers = make(map[*ssa.Function]int)
	m.registrars = make(map[*ssa.Function]int)
	m.findWrappers()
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if i, ok := m.registersParam(call.Common()); ok {
					h := call.Common().Args[i]
					if vs := match.Varargs(h); vs != nil {
						// handlers passed to a variadic parameter
						for _, v := range vs {
							m.register(fn, call, v, 0)
						}
						continue
					}
					m.register(fn, call, h, 0)
				}
			}
		}
	}
	for _, reg := range m.regs {
		for _, o := range reg.Origins {
			for _, f := range m.handlerCode(o) {
				m.handlerRegs[f] = append(m.handlerRegs[f], reg)
			}
		}
	}
	// handler code and everything it calls in this package
	var work []*ssa.Function
	for f := range m.handlerRegs {
		work = append(work, f)
	}
	callees := m.callees
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		if m.handlerFns[f] {
			continue
		}
		m.handlerFns[f] = true
		work = append(work, callees[f]...)
	}
}

// registersParam reports whether a call registers an event handler, and
// which argument it is.
func (m *Model) registersParam(c *ssa.CallCommon) (int, bool) {
	callee := match.CalleeObject(c)
	if callee == nil {
		return 0, false
	}
	for _, r := range m.ext.registrars {
		if match.IsAny(callee, r.Funcs) {
			return configuredParam(c, callee, r.Param)
		}
	}
	if slices.Contains(apis.HandlerRegistrationMethods, callee.Name()) &&
		slices.Contains(apis.HandlerRegistrationPackages, match.PkgPath(callee.Pkg())) {
		// invoke mode: Args exclude the receiver; static method calls
		// on a concrete informer include it.
		if c.IsInvoke() {
			return 0, len(c.Args) > 0
		}
		return 1, len(c.Args) > 1
	}
	if sf := c.StaticCallee(); sf != nil && sf.Pkg != nil && sf.Pkg.Pkg == m.Pass.Pkg {
		// same-package helpers are followed from their own
		// registration (register), not here
		return 0, false
	}
	var f RegistrarFact
	if callee.Pkg() != m.Pass.Pkg && m.Pass.ImportObjectFact(callee, &f) {
		i := f.Param
		if c.IsInvoke() {
			i--
		}
		return i, i >= 0 && i < len(c.Args)
	}
	return 0, false
}

// configuredParam returns the argument of a call of a registration
// function from the settings that holds the handler: parameter param, or
// the first that can hold a handler when param is -1 (a handler type
// first, a function only when there is none).
func configuredParam(c *ssa.CallCommon, callee *types.Func, param int) (int, bool) {
	sig := callee.Type().(*types.Signature)
	for _, accept := range []func(types.Type) bool{isHandlerType, isFunc} {
		for i := range sig.Params().Len() {
			if param >= 0 {
				break
			}
			t := sig.Params().At(i).Type()
			if sig.Variadic() && i == sig.Params().Len()-1 {
				t = t.(*types.Slice).Elem()
			}
			if accept(t) {
				param = i
			}
		}
	}
	if param < 0 || param >= sig.Params().Len() {
		return 0, false
	}
	param += match.ArgOffset(c, callee)
	return param, param < len(c.Args)
}

// isHandlerType reports whether a parameter of type t takes an informer
// event handler: client-go's handler types, or a type with
// OnAdd/OnUpdate/OnDelete methods.
func isHandlerType(t types.Type) bool {
	if isHandlerInterface(t) || isHandlerFuncs(t) {
		return true
	}
	for _, tt := range []types.Type{t, types.NewPointer(t)} {
		ms := types.NewMethodSet(tt)
		for i := range ms.Len() {
			if slices.Contains(apis.HandlerMethods, ms.At(i).Obj().Name()) {
				return true
			}
		}
	}
	return false
}

func isFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// register records a registration of handler h by the call in fn; a
// handler that is a parameter of fn makes fn a registration helper, and
// its callers register their arguments.
func (m *Model) register(fn *ssa.Function, call ssa.CallInstruction, h ssa.Value, depth int) {
	origins, params := m.origins(h, 0)
	if len(origins) > 0 {
		m.regs = append(m.regs, &Registration{Call: call, Fn: fn, Origins: origins})
	}
	if depth > maxResolveDepth {
		return
	}
	for _, p := range params {
		if _, done := m.registrars[fn]; done {
			continue
		}
		m.registrars[fn] = p
		for _, site := range m.callSites(fn) {
			if p < len(site.Common().Args) {
				m.register(site.Parent(), site, site.Common().Args[p], depth+1)
			}
		}
	}
}

// callSites returns the static calls of fn in this package, but its own
// recursive ones.
func (m *Model) callSites(fn *ssa.Function) []ssa.CallInstruction {
	sites := m.calls.Sites(fn)
	for i, c := range sites {
		if c.Parent() == fn {
			out := slices.Clone(sites[:i])
			for _, c := range sites[i+1:] {
				if c.Parent() != fn {
					out = append(out, c)
				}
			}
			return out
		}
	}
	return sites
}

// origins resolves a handler value to what it is made of, and to the
// parameters of its function it comes from.
func (m *Model) origins(v ssa.Value, depth int) ([]Origin, []int) {
	// memoised: phis of phis would otherwise be walked once per path
	if r, ok := m.originsMemo[v]; ok {
		return r.origins, r.params
	}
	m.originsMemo[v] = originsResult{} // in progress
	o, p := m.originsOnce(v, depth)
	m.originsMemo[v] = originsResult{o, p}
	return o, p
}

type originsResult struct {
	origins []Origin
	params  []int
}

func (m *Model) originsOnce(v ssa.Value, depth int) (out []Origin, params []int) {
	if depth > maxResolveDepth {
		return nil, nil
	}
	add := func(o []Origin, p []int) {
		out = append(out, o...)
		params = append(params, p...)
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		add(m.origins(v.X, depth+1))
	case *ssa.ChangeInterface:
		add(m.origins(v.X, depth+1))
	case *ssa.ChangeType:
		add(m.origins(v.X, depth+1))
	case *ssa.TypeAssert:
		if !v.CommaOk {
			add(m.origins(v.X, depth+1))
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			add(m.origins(e, depth+1))
		}
	case *ssa.Parameter:
		if i := slices.Index(v.Parent().Params, v); i >= 0 {
			params = append(params, i)
		}
	case *ssa.Function, *ssa.MakeClosure:
		// a handler function (a registration function from the settings)
		if f := funcOf(v); f != nil {
			out = append(out, Origin{Funcs: []*ssa.Function{f}})
		}
	case *ssa.Alloc:
		add(m.allocOrigins(v, v.Type().(*types.Pointer).Elem(), depth))
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok {
			if _, isStruct := a.Type().(*types.Pointer).Elem().Underlying().(*types.Struct); isStruct {
				// a struct value built in place
				add(m.allocOrigins(a, a.Type().(*types.Pointer).Elem(), depth))
				break
			}
			// a local variable: what was stored in it
			for _, r := range refs(a) {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(a) {
					add(m.origins(st.Val, depth+1))
				}
			}
		}
	case *ssa.Call:
		c := v.Common()
		if sf := c.StaticCallee(); sf != nil && sf.Pkg != nil && sf.Pkg.Pkg == m.Pass.Pkg {
			if i, ok := m.wrappers[sf]; ok && i < len(c.Args) {
				add(m.origins(c.Args[i], depth+1))
			}
			break
		}
		if callee := match.CalleeObject(c); callee != nil && callee.Pkg() != m.Pass.Pkg {
			var f WrapperFact
			if m.Pass.ImportObjectFact(callee, &f) && f.Param < len(c.Args) {
				add(m.origins(c.Args[f.Param], depth+1))
			}
		}
	}
	return out, params
}

// allocOrigins resolves an object of type t allocated at a.
func (m *Model) allocOrigins(a ssa.Value, t types.Type, depth int) ([]Origin, []int) {
	n := namedOf(t)
	if n == nil {
		return nil, nil
	}
	obj := n.Obj()
	switch {
	case match.IsNamed(t, apis.FilteringHandler.Pkg, apis.FilteringHandler.Name):
		var out []Origin
		var params []int
		for _, st := range fieldStores(a) {
			if name := fieldVar(st.Addr).Name(); name == "Handler" {
				o, p := m.origins(st.Val, depth+1)
				out, params = append(out, o...), append(params, p...)
			}
		}
		return out, params
	case isHandlerFuncs(t):
		var fns []*ssa.Function
		for _, st := range fieldStores(a) {
			if f := funcOf(st.Val); f != nil {
				fns = append(fns, f)
			}
		}
		return []Origin{{Type: n, Alloc: a, Funcs: fns}}, nil
	}
	_ = obj
	return []Origin{{Type: n, Alloc: a}}, nil
}

func isHandlerFuncs(t types.Type) bool {
	for _, f := range apis.HandlerFuncStructs {
		if match.IsNamed(t, f.Pkg, f.Name) {
			return true
		}
	}
	return false
}

// fieldStores returns the stores into fields of the object at a.
func fieldStores(a ssa.Value) []*ssa.Store {
	var out []*ssa.Store
	for _, r := range refs(a) {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != a {
			continue
		}
		for _, rr := range refs(fa) {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == ssa.Value(fa) {
				out = append(out, st)
			}
		}
	}
	return out
}

func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

// handlerCode returns the functions of this package that run as the
// handler an origin describes.
func (m *Model) handlerCode(o Origin) []*ssa.Function {
	if len(o.Funcs) > 0 {
		return o.Funcs
	}
	if o.Type == nil || o.Type.Obj().Pkg() != m.Pass.Pkg {
		return nil
	}
	var out []*ssa.Function
	prog := m.Funcs[0].Prog
	for _, t := range []types.Type{o.Type, types.NewPointer(o.Type)} {
		ms := prog.MethodSets.MethodSet(t)
		for i := range ms.Len() {
			sel := ms.At(i)
			if slices.Contains(apis.HandlerMethods, sel.Obj().Name()) {
				if f := prog.MethodValue(sel); f != nil && !slices.Contains(out, f) {
					out = append(out, f)
				}
			}
		}
	}
	return out
}

// findWrappers finds the functions of this package that return a handler
// wrapping a handler parameter (the parameter is stored into a field of
// the object they return).
func (m *Model) findWrappers() {
	for _, fn := range m.Funcs {
		if fn.Parent() != nil {
			continue
		}
		for i, p := range fn.Params {
			if !isHandlerInterface(p.Type()) {
				continue
			}
			if m.wrapsParam(fn, p) {
				m.wrappers[fn] = i
				break
			}
		}
	}
}

func isHandlerInterface(t types.Type) bool {
	return match.IsNamed(t, apis.ClientGoCache, "ResourceEventHandler")
}

// wrapsParam reports whether fn stores p into a field of an object it
// returns.
func (m *Model) wrapsParam(fn *ssa.Function, p *ssa.Parameter) bool {
	for _, r := range refs(p) {
		st, ok := r.(*ssa.Store)
		if !ok || st.Val != ssa.Value(p) {
			continue
		}
		fa, ok := st.Addr.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		if returned(fn, fa.X, 0) {
			return true
		}
	}
	return false
}

// returned reports whether v reaches a return of fn.
func returned(fn *ssa.Function, v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	for _, r := range refs(v) {
		switch u := r.(type) {
		case *ssa.Return:
			return true
		case *ssa.MakeInterface:
			if returned(fn, u, depth+1) {
				return true
			}
		case *ssa.Phi:
			if returned(fn, u, depth+1) {
				return true
			}
		}
	}
	return false
}

// RegistrationRole is where a registered handler runs: where its
// registration runs.
func (m *Model) RegistrationRole(reg *Registration) Role { return m.roleAt(reg) }

// RegistrationsOf returns the registrations whose handler is the object
// made at alloc.
func (m *Model) RegistrationsOf(alloc ssa.Value) []*Registration {
	var out []*Registration
	for _, reg := range m.regs {
		for _, o := range reg.Origins {
			if o.Alloc == alloc {
				out = append(out, reg)
				break
			}
		}
	}
	return out
}
