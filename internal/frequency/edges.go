package frequency

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// edges records what fn calls or hands on: static calls of the package's
// functions, interface calls that reach its methods, closures and function
// values (which run where they are made, unless an API calls them back at
// its own frequency).
func (b *builder) edges(fn *ssa.Function) {
	for _, blk := range fn.Blocks {
		for _, instr := range blk.Instrs {
			b.slotted = b.slotted[:0]
			switch in := instr.(type) {
			case ssa.CallInstruction:
				b.callEdges(fn, in)
			case *ssa.Store:
				if f, why := b.storeSlot(in); f != 0 {
					b.funcEdges(fn, in, in.Val, true, f, why)
				}
			case *ssa.ChangeType:
				if f, why := funcTypeSlot(in.Type()); f != 0 {
					b.funcEdges(fn, in, in.X, true, f, why)
				}
			case *ssa.MakeInterface:
				if f, why := funcTypeSlot(in.X.Type()); f != 0 {
					b.funcEdges(fn, in, in.X, true, f, why)
				}
			}
			// function values and closures referenced here run here
			// (at least as often as here), unless an API calls them
			// back at its own frequency; a conversion is followed to
			// where the converted value goes
			switch instr.(type) {
			case *ssa.ChangeType, *ssa.MakeInterface, *ssa.Convert:
				continue
			}
			for _, op := range instr.Operands(nil) {
				if op == nil || *op == nil || slices.Contains(b.slotted, *op) {
					continue
				}
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					if op == &mc.Fn {
						continue // the closure runs where its value goes
					}
					if inner, ok := mc.Fn.(*ssa.Function); ok && len(inner.Blocks) > 0 && len(inner.Blocks[0].Instrs) > 0 {
						// a function captured by a closure (by value, or
						// in a variable the closure shares) runs where
						// that closure calls it
						for _, f := range capturedFuncs(*op) {
							b.funcEdges(inner, inner.Blocks[0].Instrs[0], f, false, 0, "")
						}
						if funcOf(*op) != nil {
							continue
						}
					}
				}
				var also Freq
				if b.handsOn(instr, *op) {
					also = PerCall
				}
				b.funcEdges(fn, instr, *op, false, also, "")
			}
		}
	}
}

// handsOn reports whether instr hands the value v on to code that may
// call it at any time: stores it in a field, a variable of the package, a
// map or a slice, returns it, sends it, or passes it to a function of
// another package or through an interface (which no callback table or
// fact describes). A value called in place, or passed to a function of
// this package, runs where it is.
func (b *builder) handsOn(instr ssa.Instruction, v ssa.Value) bool {
	switch in := instr.(type) {
	case *ssa.Store:
		_, local := in.Addr.(*ssa.Alloc)
		return in.Val == v && !local
	case *ssa.Return, *ssa.Send, *ssa.MapUpdate:
		return true
	case ssa.CallInstruction:
		c := in.Common()
		if c.Value == v {
			return false
		}
		if c.IsInvoke() {
			return true
		}
		if bi, ok := c.Value.(*ssa.Builtin); ok {
			return bi.Name() == "append" // kept in a slice
		}
		if sf := c.StaticCallee(); sf != nil && b.inPkg[origin(sf)] {
			// a helper of this package: handed on if it hands its
			// parameter on (one level)
			for i, a := range c.Args {
				if a == v && i < len(sf.Params) && b.paramHandedOn(sf.Params[i]) {
					return true
				}
			}
			return false
		}
		// a function of another package may keep it and call it at
		// any time (a metric's GaugeFunc, an interceptor, a hook
		// registry), unless it runs it in place (errgroup.Go,
		// time.AfterFunc, sort.Slice)
		if callee := match.CalleeObject(c); callee != nil {
			off := match.ArgOffset(c, callee)
			for _, cb := range apis.InPlaceCallbacks {
				if match.Is(callee, cb.Func) && off+cb.Arg < len(c.Args) && c.Args[off+cb.Arg] == v {
					return false
				}
			}
		}
		return true
	case *ssa.MakeInterface:
		return true // an interface value: whoever gets it may call it
	}
	return false
}

// capturedFuncs returns the functions a closure binding holds: the
// function itself, or those stored into the variable it shares.
func capturedFuncs(v ssa.Value) []ssa.Value {
	if funcOf(v) != nil {
		return []ssa.Value{v}
	}
	a, ok := v.(*ssa.Alloc)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for _, r := range refs(a) {
		if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(a) && funcOf(st.Val) != nil {
			out = append(out, st.Val)
		}
	}
	return out
}

// paramHandedOn reports whether the function parameter p is handed on by
// its function: stored, appended, returned, sent, or passed to an
// interface method.
func (b *builder) paramHandedOn(p *ssa.Parameter) bool {
	if _, ok := p.Type().Underlying().(*types.Signature); !ok {
		return false
	}
	for _, r := range refs(p) {
		switch u := r.(type) {
		case *ssa.Store:
			if !localRoot(u.Addr) {
				return true
			}
		case *ssa.Return, *ssa.Send, *ssa.MapUpdate, *ssa.MakeInterface:
			return true
		case ssa.CallInstruction:
			c := u.Common()
			if c.Value == ssa.Value(p) {
				continue
			}
			if bi, ok := c.Value.(*ssa.Builtin); ok && bi.Name() == "append" || c.IsInvoke() {
				return true
			}
		}
	}
	return false
}

func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

// funcEdges adds an edge from the site to the package's function behind v
// (a function, a closure, a bound method).
func (b *builder) funcEdges(fn *ssa.Function, site ssa.Instruction, v ssa.Value, slot bool, extra Freq, why string) {
	if slot {
		b.slotted = append(b.slotted, v)
	}
	var callee *ssa.Function
	switch v := v.(type) {
	case *ssa.Function:
		callee = v
	case *ssa.MakeClosure:
		callee, _ = v.Fn.(*ssa.Function)
	case *ssa.ChangeType:
		if f, _ := funcTypeSlot(v.Type()); f != 0 {
			return // a conversion with a frequency of its own (a slot)
		}
		b.funcEdges(fn, site, v.X, slot, extra, why)
		return
	case *ssa.Call:
		// a function that returns a closure (r.setStatus()): the
		// closures it returns
		if sf := v.Common().StaticCallee(); slot && sf != nil && b.inPkg[origin(sf)] {
			for _, r := range returnedFuncs(origin(sf)) {
				b.funcEdges(fn, site, r, slot, extra, why)
			}
		}
		return
	case *ssa.MakeInterface:
		if slot {
			b.typeEdges(fn, site, v.X.Type(), "", extra, why)
			return
		}
		b.funcEdges(fn, site, v.X, slot, extra, why)
		return
	}
	if callee == nil {
		return
	}
	callee = origin(callee)
	if callee.Synthetic != "" && callee.Object() != nil {
		// a bound method or wrapper: the declared method
		if decl, ok := b.declared(callee.Object()); ok {
			callee = decl
		}
	}
	if !b.inPkg[callee] {
		return
	}
	b.out[fn] = append(b.out[fn], edge{site: site, callee: callee, slot: slot, extra: extra, why: why})
}

// returnedFuncs returns the functions and closures fn returns as its
// only result.
func returnedFuncs(fn *ssa.Function) []ssa.Value {
	if fn.Signature.Results().Len() != 1 {
		return nil
	}
	var out []ssa.Value
	for _, blk := range fn.Blocks {
		if ret, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
			switch r := ret.Results[0].(type) {
			case *ssa.MakeClosure, *ssa.Function:
				out = append(out, r)
			case *ssa.ChangeType:
				out = append(out, r.X)
			}
		}
	}
	return out
}

// declared returns the package's function declared for obj.
func (b *builder) declared(obj types.Object) (*ssa.Function, bool) {
	for _, f := range b.methods[obj.Name()] {
		if f.Object() == obj {
			return f, true
		}
	}
	for _, f := range b.fns {
		if f.Object() == obj {
			return f, true
		}
	}
	return nil, false
}

// typeEdges adds an edge to the package's methods of t (all of them, or
// the one called method) at extra.
func (b *builder) typeEdges(fn *ssa.Function, site ssa.Instruction, t types.Type, method string, extra Freq, why string) {
	n := namedOf(t)
	if n == nil {
		return
	}
	ms := types.NewMethodSet(types.NewPointer(n))
	for i := range ms.Len() {
		obj := ms.At(i).Obj()
		if method != "" && obj.Name() != method {
			continue
		}
		if decl, ok := b.declared(obj); ok {
			b.out[fn] = append(b.out[fn], edge{site: site, callee: decl, slot: true, extra: extra, why: why})
		}
	}
}

func (b *builder) callEdges(fn *ssa.Function, call ssa.CallInstruction) {
	common := call.Common()
	if common.IsInvoke() {
		// an interface call: the package's methods of that name whose
		// type implements the interface
		iface, _ := common.Value.Type().Underlying().(*types.Interface)
		n := 0
		for _, m := range b.methods[common.Method.Name()] {
			recv := m.Signature.Recv().Type()
			if iface != nil && (types.Implements(recv, iface) || types.Implements(types.NewPointer(deref(recv)), iface)) {
				b.out[fn] = append(b.out[fn], edge{site: call, callee: m})
				if n++; n >= maxImpls {
					break
				}
			}
		}
	}
	callee := match.CalleeObject(common)
	if callee == nil {
		return
	}
	off := match.ArgOffset(common, callee)
	args := common.Args
	// callbacks of the APIs
	for _, tab := range []struct {
		cbs []apis.Callback
		f   Freq
		why string
	}{
		{apis.TickCallbacks, PerTick, "calls it once per period"},
		{apis.RetryCallbacks, PerRetry, "calls it once per attempt"},
		{apis.EventCallbacks, PerEvent, "calls it per informer event"},
		{apis.RequestCallbacks, PerRequest, "calls it per HTTP request"},
	} {
		for _, cb := range tab.cbs {
			if match.Is(callee, cb.Func) && off+cb.Arg < len(args) {
				b.funcEdges(fn, call, args[off+cb.Arg], true, tab.f, describe(callee)+" "+tab.why)
			}
		}
	}
	// the function of a package-level sync.Once runs once per process
	if match.Is(callee, apis.OnceDo) && len(args) == 2 && packageLevel(args[0]) {
		b.slotted = append(b.slotted, args[1])
		if f := funcOf(args[1]); f != nil && b.inPkg[f] {
			b.out[fn] = append(b.out[fn], edge{site: call, callee: f, slot: true, extra: Once, exact: true})
		}
	}
	// informer handler registrations: the handler's methods run per event
	if match.IsAny(callee, registrationFuncs) && off < len(args) {
		b.funcEdges(fn, call, args[off], true, PerEvent, "registered with "+callee.Name()+" as an informer event handler")
	}
	// a function of this package or of an import that calls its
	// parameters back at a recurring frequency
	for _, p := range b.paramsOf(common, callee) {
		if off+p.Param >= len(args) {
			continue
		}
		a := args[off+p.Param]
		if p.Method != "" {
			if mi, ok := a.(*ssa.MakeInterface); ok {
				b.typeEdges(fn, call, mi.X.Type(), p.Method, p.Freq, p.Why)
			}
			continue
		}
		b.funcEdges(fn, call, a, true, p.Freq, p.Why)
	}
}

// registrationFuncs are client-go's and controller-runtime's
// AddEventHandler methods (made once: they are asked at every call site).
var registrationFuncs = registrations()

// registrations makes registrationFuncs.
func registrations() []apis.Func {
	var out []apis.Func
	for _, p := range apis.HandlerRegistrationPackages {
		for _, m := range apis.HandlerRegistrationMethods {
			for _, recv := range []string{"SharedInformer", "SharedIndexInformer", "Informer"} {
				out = append(out, apis.Func{Pkg: p, Recv: recv, Name: m})
			}
		}
	}
	return out
}

// paramsOf returns what the callee does with its parameters: from this
// package's summaries or from a fact.
func (b *builder) paramsOf(common *ssa.CallCommon, callee *types.Func) []ParamFreq {
	if sf := common.StaticCallee(); sf != nil && b.inPkg[origin(sf)] {
		return b.params[origin(sf)]
	}
	if callee.Pkg() == nil || callee.Pkg() == b.pass.Pkg {
		return nil
	}
	var f ParamFact
	if b.pass.ImportObjectFact(callee, &f) {
		return f.Params
	}
	return nil
}

// storeSlot returns the frequency of a function stored into a field of
// an event handler or predicate funcs struct, or of a CLI command (once).
func (b *builder) storeSlot(s *ssa.Store) (Freq, string) {
	fa, ok := s.Addr.(*ssa.FieldAddr)
	if !ok {
		return 0, ""
	}
	st := deref(fa.X.Type())
	for _, f := range apis.EventFuncStructs {
		if s, ok := st.Underlying().(*types.Struct); ok && match.IsNamed(st, f.Pkg, f.Name) && fa.Field < s.NumFields() {
			return PerEvent, "the " + s.Field(fa.Field).Name() + " of a " + f.Name + " runs per informer event"
		}
	}
	for _, f := range apis.CommandStructs {
		if s, ok := st.Underlying().(*types.Struct); ok && match.IsNamed(st, f.Pkg, f.Name) && fa.Field < s.NumFields() && isFuncType(s.Field(fa.Field).Type()) {
			return Once, ""
		}
	}
	return 0, ""
}

// funcTypeSlot returns the frequency of a function converted to t
// (http.HandlerFunc, reconcile.Func).
func funcTypeSlot(t types.Type) (Freq, string) {
	for _, f := range apis.RequestFuncTypes {
		if match.IsNamed(t, f.Pkg, f.Name) {
			return PerRequest, "an http.HandlerFunc serves HTTP requests"
		}
	}
	for _, f := range apis.ReconcileFuncTypes {
		if match.IsNamed(t, f.Pkg, f.Name) {
			return PerReconcile, "a reconcile.Func runs per reconcile"
		}
	}
	for _, f := range apis.OnceFuncTypes {
		if match.IsNamed(t, f.Pkg, f.Name) {
			return Once, ""
		}
	}
	return 0, ""
}

// describe names a callee for reasons: wait.Until, backoff.Retry.
func describe(f *types.Func) string {
	pkg := ""
	if f.Pkg() != nil {
		pkg = f.Pkg().Name() + "."
	}
	if recv := f.Type().(*types.Signature).Recv(); recv != nil {
		if r := match.RecvName(recv.Type()); r != "" {
			return pkg + r + "." + f.Name()
		}
	}
	return pkg + f.Name()
}

// packageLevel reports whether the address v is a package variable or a
// field of one.
func packageLevel(v ssa.Value) bool {
	for range 8 {
		switch x := v.(type) {
		case *ssa.Global:
			return true
		case *ssa.FieldAddr:
			v = x.X
		default:
			return false
		}
	}
	return false
}

// funcOf returns the package function behind a function value: a
// function, a closure.
func funcOf(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.Function:
		return origin(v)
	case *ssa.MakeClosure:
		if f, ok := v.Fn.(*ssa.Function); ok {
			return origin(f)
		}
	}
	return nil
}

func isFuncType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// localRoot reports whether the address v is in a variable of its
// function that does not escape it (a field of a local struct).
func localRoot(v ssa.Value) bool {
	for range 8 {
		switch x := v.(type) {
		case *ssa.Alloc:
			return !x.Heap
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.IndexAddr:
			v = x.X
		default:
			return false
		}
	}
	return false
}
