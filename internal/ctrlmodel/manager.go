package ctrlmodel

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Manager is what the manager options a package builds say: whether
// leader election is on, and what the manager's cache holds. The model
// reads them once, in scanManagers; the analyzers read the result.
// Options built by test code (a function that takes a *testing.T, or a
// _test.go file) say nothing of the binary's manager and are left out.
type Manager struct {
	// Pos is where the options are built: their literal, or the call
	// given a zero manager.Options.
	Pos      token.Pos
	Election Election
	Cache    CacheOptions
}

// Election is what the options say of leader election.
type Election uint8

// Elections.
const (
	ElectionOff     Election = iota // never set, or set false: no standbys
	ElectionOn                      // set to true
	ElectionDynamic                 // set from a flag or another value, or both ways
)

// CacheOptions is what manager.Options.Cache (cache.Options) and
// manager.Options.Client.Cache (client.CacheOptions) say about what the
// manager's cache keeps. Options made for a cache of the code's own
// (given to cache.New) are not the manager's and are not in it.
type CacheOptions struct {
	// Filtered are the object types of ByObject entries with a label
	// or field selector or a transform.
	Filtered []types.Type
	// AllFiltered: a default label or field selector or transform
	// narrows every type.
	AllFiltered bool
	// Namespaced: DefaultNamespaces is set.
	Namespaced bool
	// DisableFor are the object types whose client reads bypass the
	// cache; DisableAll: a DisableFor list we cannot read (any type may
	// be in it).
	DisableFor []types.Type
	DisableAll bool
}

// Manager returns the manager options the package builds, or nil when
// it builds none (its controllers' manager is built elsewhere).
func (m *Model) Manager() *Manager { return m.manager }

// CacheSource says which cache a client or cache value reads.
type CacheSource uint8

// Cache sources.
const (
	ManagerCache CacheSource = iota // the manager's, or we cannot tell
	OwnCache                        // one the code builds with cache.New: not the manager's
	NoCache                         // mgr.GetAPIReader() or a client from client.New: reads go to the API server
)

// CacheOf says which cache v, a client, reader or cache, reads. A
// parameter reads what every call in the package passes for it. When
// unsure it answers ManagerCache, which is what a controller's client
// and mgr.GetCache() are.
func (m *Model) CacheOf(v ssa.Value) CacheSource {
	return m.cacheOf(v, 0)
}

func (m *Model) cacheOf(v ssa.Value, depth int) CacheSource {
	if depth > 4 {
		return ManagerCache
	}
	for range 8 {
		switch x := v.(type) {
		case *ssa.Parameter:
			args, ok := m.ArgsOf(x)
			if !ok {
				return ManagerCache
			}
			var src CacheSource
			for i, a := range args {
				s := m.cacheOf(a, depth+1)
				if s == ManagerCache || (i > 0 && s != src) {
					return ManagerCache
				}
				src = s
			}
			return src
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		case *ssa.Extract:
			v = x.Tuple
			continue
		case *ssa.Call:
			callee := match.CalleeObject(x.Common())
			if callee == nil {
				return ManagerCache
			}
			pkg := match.PkgPath(callee.Pkg())
			switch {
			case callee.Name() == "GetAPIReader" && strings.HasPrefix(pkg, apis.CRRoot):
				return NoCache
			case strings.HasPrefix(pkg, apis.CRClient) && (callee.Name() == "New" || callee.Name() == "NewWithWatch"):
				return NoCache
			case slices.Contains(apis.InformerCachePackages, pkg) && callee.Name() == "New" && !m.newCacheHook:
				return OwnCache
			}
		case *ssa.UnOp:
			// a field that only ever holds one kind of cache
			if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
				return m.fieldCache(fa, depth)
			}
		}
		return ManagerCache
	}
	return ManagerCache
}

// fieldCache says which cache a struct field holds: what every store into
// it in the package holds, when they agree (ManagerCache when none).
func (m *Model) fieldCache(fa *ssa.FieldAddr, depth int) CacheSource {
	f := fieldVar(fa)
	if f == nil || depth > 2 {
		return ManagerCache
	}
	src, stores := ManagerCache, 0
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				sa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok || fieldVar(sa) != f {
					continue
				}
				s := m.cacheOf(st.Val, depth+2)
				if s == ManagerCache || (stores > 0 && s != src) {
					return ManagerCache
				}
				src, stores = s, stores+1
			}
		}
	}
	return src
}

// scanManager reads the manager options of the package's non-test code,
// and of its package variables' initial values
// (`var cacheOpts = cache.Options{...}`).
func (m *Model) scanManager() {
	funcs := m.Funcs
	if m.varInit != nil {
		funcs = append(slices.Clip(funcs), m.varInit)
	}
	var mg *Manager
	for _, fn := range funcs {
		if TestSupport(fn) || m.inTestFile(fn.Pos()) {
			continue // a manager for a test (envtest set-up)
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if fn == m.varInit {
					// a package variable's options are the manager's
					// when the package hands them to a call (NewManager)
					if st, ok := instr.(*ssa.Store); ok && mg == nil && !m.testVarInit(st) {
						if g := optionsGlobal(st.Addr); g != nil && m.loadedAsArg(g) {
							mg = &Manager{Pos: st.Pos()}
						}
					}
					continue
				}
				switch in := instr.(type) {
				case *ssa.Alloc:
					if mg == nil && isManagerOptions(in.Type()) && !m.inTestFile(in.Pos()) {
						mg = &Manager{Pos: in.Pos()}
					}
				case *ssa.Call:
					// ctrl.NewManager(cfg, ctrl.Options{}): a zero value
					for _, a := range in.Call.Args {
						if c, ok := a.(*ssa.Const); ok && mg == nil && isManagerOptions(c.Type()) && !m.inTestFile(in.Pos()) {
							mg = &Manager{Pos: in.Pos()}
						}
					}
				case *ssa.Store:
					// options kept in a struct the package builds
					// (cfg.Manager.LeaderElection = ...); a helper's
					// *Options parameter is not one
					fa, ok := in.Addr.(*ssa.FieldAddr)
					if !ok || !isManagerOptions(fa.X.Type()) || m.inTestFile(in.Pos()) {
						continue
					}
					if fieldName(fa) == "NewCache" {
						m.newCacheHook = true // the manager's cache is what the hook builds
					}
					if inner, ok := fa.X.(*ssa.FieldAddr); ok && mg == nil {
						if _, param := inner.X.(*ssa.Parameter); !param {
							mg = &Manager{Pos: in.Pos()}
						}
					}
				}
			}
		}
	}
	if mg == nil {
		return
	}
	m.manager = mg
	sawElection := false
	c := &mg.Cache
	for _, fn := range funcs {
		if TestSupport(fn) || m.inTestFile(fn.Pos()) {
			continue // a test's options say nothing of the binary's manager
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if fn == m.varInit && m.testVarInit(instr) {
					continue // a test file's package variable
				}
				switch in := instr.(type) {
				case *ssa.FieldAddr:
					// &opts.LeaderElection handed to a flag: set at run time
					if isManagerOptions(in.X.Type()) && fieldName(in) == "LeaderElection" {
						for _, r := range refs(in) {
							if _, isStore := r.(*ssa.Store); !isStore {
								mg.Election = ElectionDynamic
							}
						}
					}
				case *ssa.Store:
					fa, ok := in.Addr.(*ssa.FieldAddr)
					if !ok {
						continue
					}
					field := fieldName(fa)
					switch {
					case isManagerOptions(fa.X.Type()) && field == "LeaderElection":
						if k, ok := in.Val.(*ssa.Const); ok && k.Value != nil && k.Value.Kind() == constant.Bool {
							if constant.BoolVal(k.Value) {
								if !sawElection || mg.Election == ElectionOn {
									mg.Election = ElectionOn
								} else {
									mg.Election = ElectionDynamic
								}
							} else if mg.Election == ElectionOn {
								mg.Election = ElectionDynamic
							}
						} else {
							mg.Election = ElectionDynamic
						}
						sawElection = true
					case isCacheOptions(fa.X.Type()) && !m.ownCacheOptions(fa.X, 0):
						switch field {
						case "DefaultLabelSelector", "DefaultFieldSelector":
							if !isNilConst(in.Val) {
								c.AllFiltered = true
							}
						case "DefaultTransform":
							if !isNilConst(in.Val) && !stripsManagedFieldsOnly(in.Val) {
								c.AllFiltered = true
							}
						case "DefaultNamespaces":
							c.Namespaced = true
						}
					case match.IsNamed(fa.X.Type(), apis.CRClient, "CacheOptions") && field == "DisableFor":
						elems, ok := m.listElems(in.Val, 0)
						for _, v := range elems {
							if _, concrete := v.(*ssa.MakeInterface); !concrete {
								ok = false // an object whose type we cannot see
							}
						}
						if !ok {
							c.DisableAll = true // a list we cannot read: any type may be in it
						}
						for _, v := range elems {
							if mi, isIface := v.(*ssa.MakeInterface); isIface {
								c.DisableFor = append(c.DisableFor, mi.X.Type())
							}
						}
					}
				case *ssa.MapUpdate:
					if !isByObjectMap(in.Map.Type()) || m.ownByObject(in.Map) {
						continue
					}
					mi, ok := in.Key.(*ssa.MakeInterface)
					if !ok {
						continue
					}
					if selector, _ := byObjectFields(in.Value); selector {
						c.Filtered = append(c.Filtered, mi.X.Type())
					}
				}
			}
		}
	}
}

// optionsGlobal returns the package variable of manager options that a
// store writes (the whole value, or a field of it), or nil.
func optionsGlobal(addr ssa.Value) *ssa.Global {
	if fa, ok := addr.(*ssa.FieldAddr); ok && isManagerOptions(fa.X.Type()) {
		addr = fa.X
	}
	if g, ok := addr.(*ssa.Global); ok && isManagerOptions(g.Type()) {
		return g
	}
	return nil
}

// loadedAsArg reports whether a package variable's value is handed to a
// call by the package's code (to NewManager, or a helper): options a
// library only exports are not its manager's.
func (m *Model) loadedAsArg(g *ssa.Global) bool {
	for _, fn := range m.Funcs {
		for call := range match.Calls(fn) {
			for _, a := range call.Call.Args {
				if u, ok := a.(*ssa.UnOp); ok && u.Op == token.MUL && u.X == ssa.Value(g) {
					return true
				}
			}
		}
	}
	return false
}

// testVarInit reports whether an instruction of the package initializer
// initialises a variable declared in a _test.go file.
func (m *Model) testVarInit(instr ssa.Instruction) bool {
	if m.inTestFile(instr.Pos()) {
		return true
	}
	var v ssa.Value
	switch in := instr.(type) {
	case *ssa.Store:
		v = in.Addr
	case *ssa.MapUpdate:
		v = in.Map
	default:
		return false
	}
	for range 8 {
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
			continue
		case *ssa.Global:
			return m.inTestFile(x.Pos())
		case *ssa.MakeMap:
			return m.inTestFile(x.Pos())
		}
		break
	}
	return false
}

// ownCacheOptions reports whether addr, the address of a cache.Options,
// is a local whose value only goes to cache.New: the options of a cache
// of the code's own, not of the manager's.
func (m *Model) ownCacheOptions(addr ssa.Value, depth int) bool {
	a, ok := addr.(*ssa.Alloc)
	if !ok || depth > 2 || !isCacheOptions(a.Type()) || m.newCacheHook {
		return false
	}
	given := false
	for _, r := range refs(a) {
		switch r := r.(type) {
		case *ssa.FieldAddr, *ssa.DebugRef:
		case *ssa.Store:
			if r.Addr != ssa.Value(a) {
				return false
			}
			// the variable set from a literal: the literal's own temporary
		case *ssa.UnOp: // a load of the options: where does it go?
			for _, rr := range refs(r) {
				if s, ok := rr.(*ssa.Store); ok && s.Val == ssa.Value(r) {
					// copied into a variable: where that goes
					if !m.ownCacheOptions(s.Addr, depth+1) {
						return false
					}
					given = true
					continue
				}
				call, ok := rr.(*ssa.Call)
				if !ok {
					if _, dbg := rr.(*ssa.DebugRef); dbg {
						continue
					}
					return false
				}
				callee := match.CalleeObject(call.Common())
				if callee == nil || callee.Name() != "New" || !slices.Contains(apis.InformerCachePackages, match.PkgPath(callee.Pkg())) {
					return false
				}
				given = true
			}
		default:
			return false
		}
	}
	return given
}

// ownByObject reports whether a ByObject map goes only into the
// options of a cache of the code's own.
func (m *Model) ownByObject(mp ssa.Value) bool {
	// opts.ByObject[k] = v: the map loaded from the options' field
	if l, ok := mp.(*ssa.UnOp); ok && l.Op == token.MUL {
		if fa, ok := l.X.(*ssa.FieldAddr); ok {
			return m.ownCacheOptions(fa.X, 0)
		}
	}
	own := false
	for _, r := range refs(mp) {
		switch r := r.(type) {
		case *ssa.MapUpdate, *ssa.DebugRef:
		case *ssa.Store:
			fa, ok := r.Addr.(*ssa.FieldAddr)
			if !ok || !m.ownCacheOptions(fa.X, 0) {
				return false
			}
			own = true
		default:
			return false
		}
	}
	return own
}

// inTestFile reports whether pos is in a _test.go file.
func (m *Model) inTestFile(pos token.Pos) bool {
	return pos.IsValid() && strings.HasSuffix(m.Pass.Fset.Position(pos).Filename, "_test.go")
}

// TestSupport reports whether fn, or the function it is nested in,
// takes a *testing.T, B or F or a testing.TB: it runs only under go
// test.
func TestSupport(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	for _, p := range fn.Params {
		t := p.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		for _, name := range apis.TestingTypes {
			if match.IsNamed(t, apis.Testing, name) {
				return true
			}
		}
	}
	return false
}

func isManagerOptions(t types.Type) bool {
	return match.IsNamed(t, apis.ManagerOptions.Pkg, apis.ManagerOptions.Name)
}

func isNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

func isCacheOptions(t types.Type) bool {
	return match.IsNamed(t, apis.CRCache, "Options") || match.IsNamed(t, apis.CRCacheAPI, "Options")
}

func isByObjectMap(t types.Type) bool {
	mt, ok := t.Underlying().(*types.Map)
	if !ok {
		return false
	}
	return match.IsNamed(mt.Elem(), apis.CRCache, "ByObject") || match.IsNamed(mt.Elem(), apis.CRCacheAPI, "ByObject")
}

// byObjectFields reads a ByObject value: does it set a label or field
// selector or a transform, or namespaces?
func byObjectFields(v ssa.Value) (selector, namespaces bool) {
	l, ok := v.(*ssa.UnOp)
	if !ok || l.Op != token.MUL {
		return true, false // not built in place: assume it narrows (stay silent)
	}
	a, ok := l.X.(*ssa.Alloc)
	if !ok {
		return true, false
	}
	for _, r := range refs(a) {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, rr := range refs(fa) {
			s, ok := rr.(*ssa.Store)
			if !ok || isNilConst(s.Val) {
				continue
			}
			switch fieldName(fa) {
			case "Label", "Field", "Transform":
				selector = true
			case "Namespaces":
				namespaces = true
			}
		}
	}
	return selector, namespaces
}

// stripsManagedFieldsOnly reports whether a transform is
// cache.TransformStripManagedFields(), which keeps each object's data.
func stripsManagedFieldsOnly(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	callee := match.CalleeObject(call.Common())
	return callee != nil && callee.Name() == "TransformStripManagedFields" && slices.Contains(apis.InformerCachePackages, match.PkgPath(callee.Pkg()))
}

// listElems returns the elements a []client.Object may hold: those of a
// literal, of appends to it (under any branch: a kind a feature gate may
// add counts), of a package variable's stores; false when some part is
// built in a way we do not follow.
func (m *Model) listElems(v ssa.Value, depth int) ([]ssa.Value, bool) {
	if depth > 6 {
		return nil, false
	}
	switch x := v.(type) {
	case *ssa.Const:
		return nil, x.IsNil()
	case *ssa.Slice:
		if _, local := x.X.(*ssa.Alloc); !local {
			return nil, false // a slice of something else: we cannot list it
		}
		return match.Varargs(x), true
	case *ssa.Phi:
		var out []ssa.Value
		for _, e := range x.Edges {
			es, ok := m.listElems(e, depth+1)
			if !ok {
				return nil, false
			}
			out = append(out, es...)
		}
		return out, true
	case *ssa.Call:
		bi, ok := x.Call.Value.(*ssa.Builtin)
		if !ok || bi.Name() != "append" || len(x.Call.Args) != 2 {
			return nil, false
		}
		out, ok := m.listElems(x.Call.Args[0], depth+1)
		if !ok {
			return nil, false
		}
		more, ok := m.listElems(x.Call.Args[1], depth+1)
		return append(out, more...), ok
	case *ssa.UnOp:
		g, ok := x.X.(*ssa.Global)
		if !ok || x.Op != token.MUL || g.Pkg == nil || g.Pkg.Pkg != m.Pass.Pkg {
			return nil, false
		}
		var out []ssa.Value
		stores := 0
		funcs := m.Funcs // literals and methods too
		if init := g.Pkg.Func("init"); init != nil {
			funcs = append(slices.Clip(funcs), init) // the variable's initialiser
		}
		for _, f := range funcs {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					if s, ok := instr.(*ssa.Store); ok && s.Addr == ssa.Value(g) {
						es, ok := m.listElems(s.Val, depth+1)
						if !ok {
							return nil, false
						}
						out = append(out, es...)
						stores++
					}
				}
			}
		}
		return out, stores > 0
	}
	return nil, false
}
