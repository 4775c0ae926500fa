package unboundedgrowth

import (
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// findReleases records every piece of state the package releases, bounds
// or hands to code we cannot follow, and exports the list as a fact: a
// delete anywhere in the program, on any path, is enough to stay silent.
func (a *checker) findReleases() {
	for _, fn := range a.fns {
		if len(fn.Blocks) > maxBlocks || a.rep.IsTestFile(fn.Pos()) {
			continue // a test's cleanup does not release the program's state
		}
		a.findLazy(fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				a.releaseAt(fn, instr)
			}
		}
	}
	var keys []string
	for k := range a.released {
		if !strings.HasPrefix(k, "local:") {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 && a.local {
		sort.Strings(keys)
		a.pass.ExportPackageFact(&ReleaseFact{States: keys})
	}
}

func (a *checker) release(st state, ok bool, pos token.Pos) {
	if ok && st.Key != "" {
		if _, seen := a.released[st.Key]; !seen {
			a.released[st.Key] = pos
		}
	}
}

func (a *checker) releaseAt(fn *ssa.Function, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Call:
		c := in.Common()
		if b, ok := c.Value.(*ssa.Builtin); ok {
			if (b.Name() == "delete" || b.Name() == "clear") && len(c.Args) > 0 {
				st, _, ok := a.stateOf(c.Args[0], 0)
				a.release(st, ok, in.Pos())
			}
			return
		}
		callee := match.CalleeObject(c)
		if callee == nil {
			return
		}
		switch {
		case match.IsAny(callee, apis.MapReleaseFuncs) && len(c.Args) > 0:
			st, _, ok := a.stateOf(c.Args[0], 0)
			a.release(st, ok, in.Pos())
		case isSyncMap(callee, apis.SyncMapRelease):
			st, _, ok := a.syncMapState(c)
			a.release(st, ok, in.Pos())
		case isVecMethod(callee, apis.MetricVecRelease) || isReleaseOnEmbedded(callee):
			st, _, ok := a.stateOf(stripEmbedded(recvArg(c)), 0)
			a.release(st, ok, in.Pos())
		case slices.Contains(apis.MetricUnregister, callee.Name()) && isPrometheusAPI(callee):
			off := match.ArgOffset(c, callee)
			for _, arg := range c.Args[off:] {
				if mi, ok := arg.(*ssa.MakeInterface); ok {
					arg = mi.X
				}
				st, _, ok := a.stateOf(arg, 0)
				a.release(st, ok, in.Pos())
			}
		}
	case *ssa.Store:
		if a.appendsToSelf(in) || !isContainer(in.Val.Type()) {
			return
		}
		st, r, ok := a.stateOfAddr(in.Addr, 0)
		if !ok || r.kind == rNone && !strings.HasPrefix(st.Key, "local:") {
			return // a field of a new object: its initial value
		}
		if a.lazy[fn][st.Key] || constructorLike(fn) && !a.freq.Of(fn).Repeats() || a.freq.Of(fn).OnlyOnce() {
			return
		}
		if strings.HasPrefix(st.Key, "local:") {
			if _, isMake := in.Val.(*ssa.MakeMap); isMake && in.Addr.Parent() == fn {
				if _, own := in.Addr.(*ssa.Alloc); own {
					return // the variable's first value
				}
			}
			if isNilConst(in.Val) {
				if _, own := in.Addr.(*ssa.Alloc); own {
					return // var x []T
				}
			}
		}
		a.release(st, true, in.Pos())
	case *ssa.BinOp:
		// a size check: len(state) compared with a bound
		switch in.Op {
		case token.GTR, token.GEQ, token.LSS, token.LEQ, token.EQL:
			for _, x := range []ssa.Value{in.X, in.Y} {
				if st, ok := a.lenOf(x); ok {
					a.release(st, true, in.Pos())
				}
			}
		}
	case *ssa.UnOp:
		if in.Op == token.MUL && isContainer(in.Type()) {
			if st, _, ok := a.stateOfAddr(in.X, 0); ok && a.escapes(in, 0) {
				a.release(st, true, in.Pos())
			}
		}
	case *ssa.FieldAddr:
		// a sync.Map or a struct held by value whose address is handed on
		if match.IsNamed(deref(in.Type()), apis.Sync, "Map") {
			if st, _, ok := a.stateOfAddr(in, 0); ok && a.escapes(in, 0) {
				a.release(st, true, in.Pos())
			}
		}
	}
}

// isContainer reports whether values of t can grow: maps, slices,
// sync.Maps and metric vectors.
func isContainer(t types.Type) bool {
	switch types.Unalias(t).Underlying().(type) {
	case *types.Map, *types.Slice:
		return true
	}
	return match.IsNamed(t, apis.Sync, "Map") || isAnyNamed(t, apis.MetricVecTypes)
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// constructorLike reports whether fn builds or sets up an object (where
// assigning a field its first map is not a reset).
func constructorLike(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	n := fn.Name()
	for _, p := range []string{"New", "new", "Setup", "setup", "Init", "init", "Register", "register", "Build", "build"} {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}

// lenOf resolves len(x) of a state.
func (a *checker) lenOf(v ssa.Value) (state, bool) {
	call, ok := v.(*ssa.Call)
	if !ok {
		return state{}, false
	}
	b, ok := call.Common().Value.(*ssa.Builtin)
	if !ok || b.Name() != "len" {
		return state{}, false
	}
	st, _, ok := a.stateOf(call.Common().Args[0], 0)
	return st, ok && st.Key != ""
}

// findLazy records the state fn compares with nil: a store guarded so is
// a lazy first value, not a reset.
func (a *checker) findLazy(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			op, ok := instr.(*ssa.BinOp)
			if !ok || (op.Op != token.EQL && op.Op != token.NEQ) {
				continue
			}
			for _, pair := range [][2]ssa.Value{{op.X, op.Y}, {op.Y, op.X}} {
				if !isNilConst(pair[1]) {
					continue
				}
				if st, _, ok := a.stateOf(pair[0], 0); ok && st.Key != "" {
					if a.lazy[fn] == nil {
						a.lazy[fn] = make(map[string]bool)
					}
					a.lazy[fn][st.Key] = true
				}
			}
		}
	}
}

// escapes reports whether the state's value v is handed to code that may
// release it: passed to a function (other than builtins and the
// container's own methods), returned, or stored elsewhere.
func (a *checker) escapes(v ssa.Value, depth int) bool {
	if depth > 2 || v.Referrers() == nil {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case ssa.CallInstruction:
			c := r.Common()
			if _, ok := c.Value.(*ssa.Builtin); ok {
				continue
			}
			if c.Value == v && !c.IsInvoke() {
				continue // calling a func value
			}
			callee := match.CalleeObject(c)
			if callee != nil && (isPrometheusAPI(callee) || slices.Contains(apis.MetricRegister, callee.Name()) ||
				match.IsNamed(recvType(callee), apis.Sync, "Map")) {
				continue
			}
			if callee != nil && isPrintLike(callee) {
				continue
			}
			if c.IsInvoke() && c.Value == v {
				continue
			}
			return true
		case *ssa.Return:
			return true
		case *ssa.Store:
			if r.Val == v && !a.harmlessVararg(r) {
				return true
			}
		case *ssa.MakeInterface, *ssa.ChangeType:
			if a.escapes(r.(ssa.Value), depth+1) {
				return true
			}
		case *ssa.MakeClosure:
			// captured by a closure: followed there as a free variable
		}
	}
	return false
}

// harmlessVararg reports whether s stores a value into the variadic
// arguments of calls that only register or print it.
func (a *checker) harmlessVararg(s *ssa.Store) bool {
	ia, ok := s.Addr.(*ssa.IndexAddr)
	if !ok {
		return false
	}
	arr, ok := ia.X.(*ssa.Alloc)
	if !ok || arr.Referrers() == nil {
		return false
	}
	calls := 0
	for _, r := range *arr.Referrers() {
		sl, ok := r.(*ssa.Slice)
		if !ok || sl.Referrers() == nil {
			continue
		}
		for _, rr := range *sl.Referrers() {
			call, ok := rr.(ssa.CallInstruction)
			if !ok {
				return false
			}
			callee := match.CalleeObject(call.Common())
			if callee == nil || !slices.Contains(apis.MetricRegister, callee.Name()) && !isPrintLike(callee) {
				return false
			}
			calls++
		}
	}
	return calls > 0
}

func recvType(f *types.Func) types.Type {
	if sig, ok := f.Type().(*types.Signature); ok && sig.Recv() != nil {
		return sig.Recv().Type()
	}
	return types.Typ[types.Invalid]
}

// isPrintLike reports whether f only reads its arguments to print them.
func isPrintLike(f *types.Func) bool {
	return slices.Contains(apis.PrintPackages, match.PkgPath(f.Pkg()))
}

func isPrometheusAPI(f *types.Func) bool {
	p := match.PkgPath(f.Pkg())
	return p == apis.Prometheus || p == apis.Promauto || strings.HasPrefix(p, apis.Prometheus+"/")
}

// isReleaseOnEmbedded reports whether f is a release method of the
// vector type that metric vectors embed.
func isReleaseOnEmbedded(f *types.Func) bool {
	return isPrometheusAPI(f) && slices.Contains(apis.MetricVecRelease, f.Name())
}

// stripEmbedded returns the vector whose embedded MetricVec v is.
func stripEmbedded(v ssa.Value) ssa.Value {
	for range 3 {
		switch x := v.(type) {
		case *ssa.UnOp:
			if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && embeddedProm(fa.X.Type(), fa.Field) {
				v = fa.X
				continue
			}
		case *ssa.Field:
			if embeddedProm(x.X.Type(), x.Field) {
				v = x.X
				continue
			}
		}
		return v
	}
	return v
}

func embeddedProm(t types.Type, i int) bool {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || match.PkgPath(n.Obj().Pkg()) != apis.Prometheus {
		return false
	}
	s, ok := n.Underlying().(*types.Struct)
	return ok && i < s.NumFields() && s.Field(i).Embedded()
}

// deletePath returns the package's first delete handler or NotFound
// branch: where a release would belong.
func (a *checker) deletePath() (token.Pos, string) {
	if a.delDone {
		return a.delPos, a.delWhat
	}
	a.delDone = true
	best := token.NoPos
	what := ""
	consider := func(p token.Pos, w string) {
		if p.IsValid() && !a.rep.IsTestFile(p) && (!best.IsValid() || p < best) {
			best, what = p, w
		}
	}
	for _, fn := range a.fns {
		if fn.Parent() == nil && fn.Signature.Recv() != nil && (fn.Name() == "OnDelete" || fn.Name() == "Delete") && a.freq.Entry(fn) {
			consider(fn.Pos(), "the delete handler "+rootName(fn))
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
						st := deref(fa.X.Type())
						for _, f := range apis.EventFuncStructs {
							if s, ok := st.Underlying().(*types.Struct); ok && match.IsNamed(st, f.Pkg, f.Name) && fa.Field < s.NumFields() && s.Field(fa.Field).Name() == "DeleteFunc" {
								consider(in.Val.Pos(), "the delete handler")
							}
						}
					}
				case *ssa.Call:
					if callee := match.CalleeObject(in.Common()); callee != nil && match.IsAny(callee, apis.NotFoundChecks) {
						consider(in.Pos(), "the object's NotFound branch")
					}
				}
			}
		}
	}
	a.delPos, a.delWhat = best, what
	return best, what
}
