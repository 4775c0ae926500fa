package unfilteredcache

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/diag"
	"github.com/ctrlvet/ctrlvet/internal/docutil"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
	"github.com/ctrlvet/ctrlvet/internal/guard"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

//go:embed doc.go
var docFile string

const name = "unfilteredcache"

// Analyzer reports caches that hold every Secret or ConfigMap.
var Analyzer = New(ctrlmodel.Analyzer)

// New returns the analyzer on top of model, a ctrlmodel analyzer (made by
// ctrlmodel.New from the settings, shared by all the analyzers of a run).
func New(model *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      name,
		Doc:       docutil.Extract(docFile, name),
		URL:       "https://github.com/ctrlvet/ctrlvet/blob/main/docs/unfilteredcache.md",
		Requires:  []*analysis.Analyzer{model},
		FactTypes: []analysis.Fact{new(usesFact)},
		Run: guard.Run(name, func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[model].(*ctrlmodel.Model))
		}),
	}
}

const corev1 = apis.CoreV1

// Use is one thing that makes the manager's cache hold a type.
type Use struct {
	Kind         string // Secret or ConfigMap
	How          string // "Watches", "For", "a cached client Get", ...
	Pos          string // file:line:col
	Func         string // where
	Predicate    bool   // filtered by a predicate (events only)
	MetadataOnly bool
	Read         bool // a client read (DisableFor applies)
	Every        bool // runs on every replica
	pos          token.Pos
}

// usesFact lists a package's own uses of the manager's cache.
type usesFact struct{ Uses []Use }

func (*usesFact) AFact() {}
func (f *usesFact) String() string {
	var s []string
	for _, u := range f.Uses {
		s = append(s, u.How+" "+u.Kind)
	}
	return "caches(" + strings.Join(s, ", ") + ")"
}

type state struct {
	pass *analysis.Pass
	m    *ctrlmodel.Model
	rep  *diag.Reporter
}

func run(pass *analysis.Pass, m *ctrlmodel.Model) (any, error) {
	if !m.Relevant {
		return nil, nil
	}
	st := &state{pass: pass, m: m, rep: diag.New(pass, name)}
	uses := st.uses()
	if len(uses) > 0 && pass.Pkg.Name() != "main" && factgate.LocalPass(pass) {
		// a main package is imported by nobody; the user's own code
		// only (FactGate)
		pass.ExportPackageFact(&usesFact{Uses: uses})
	}
	st.checkFactories()
	opts := st.options()
	if opts == nil {
		return nil, nil // no manager options here: the options may narrow the cache elsewhere
	}
	all := slices.Clone(uses)
	testOnly := st.testOnly()
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*usesFact); ok && pf.Package != pass.Pkg && !testOnly[pf.Package.Path()] {
			all = append(all, f.Uses...)
		}
	}
	st.report(opts, all)
	return nil, nil
}

// testOnly returns the paths of the packages that only the package's
// test files import (envtest set-up that reads Secrets): not linked into
// the binary whose manager the options build. (Export data lists only
// some of a dependency's imports, so a package a dependency may import
// is not one of them only as far as we can tell; that errs on silence.)
func (st *state) testOnly() map[string]bool {
	own, tests := make(map[string]bool), make(map[string]bool)
	for _, f := range st.pass.Files {
		in := own
		if st.rep.IsTestFile(f.Pos()) {
			in = tests
		}
		for _, spec := range f.Imports {
			if path, err := strconv.Unquote(spec.Path.Value); err == nil {
				in[path] = true
			}
		}
	}
	seen := make(map[string]bool)
	var walk func(p *types.Package)
	walk = func(p *types.Package) {
		if seen[p.Path()] {
			return
		}
		seen[p.Path()] = true
		for _, q := range p.Imports() {
			walk(q)
		}
	}
	for _, p := range st.pass.Pkg.Imports() {
		if own[p.Path()] {
			walk(p)
		}
	}
	out := make(map[string]bool)
	for path := range tests {
		if !seen[path] {
			out[path] = true
		}
	}
	return out
}

// objectKind returns "Secret" or "ConfigMap" for an object argument
// (&corev1.Secret{}, &corev1.ConfigMapList{}), and whether it is
// metadata-only.
func objectKind(v ssa.Value) (kind string, meta bool) {
	t := v.Type()
	if mi, ok := v.(*ssa.MakeInterface); ok {
		t = mi.X.Type()
	}
	for _, k := range []string{"Secret", "ConfigMap"} {
		if match.IsPointerTo(t, corev1, k) || match.IsPointerTo(t, corev1, k+"List") {
			return k, false
		}
	}
	if match.IsPointerTo(t, apis.MetaV1, "PartialObjectMetadata") {
		return "", true
	}
	return "", false
}

// uses finds what in this package makes the cache hold Secrets or
// ConfigMaps.
func (st *state) uses() []Use {
	var out []Use
	for call := range match.Calls(st.m.Funcs...) {
		if u, ok := st.useOf(call.Parent(), call); ok {
			out = append(out, u)
		}
	}
	return out
}

func (st *state) useOf(fn *ssa.Function, call *ssa.Call) (Use, bool) {
	if st.rep.IsTestFile(call.Pos()) || testSupport(fn) {
		return Use{}, false // envtest managers and fake clients
	}
	c := call.Common()
	callee := match.CalleeObject(c)
	if callee == nil {
		return Use{}, false
	}
	pkg := match.PkgPath(callee.Pkg())
	args := c.Args
	var obj ssa.Value
	u := Use{How: callee.Name(), Func: ctrlmodel.FuncName(fn), pos: call.Pos(), Pos: st.posString(call.Pos())}
	switch {
	case pkg == apis.CRBuilder && slices.Contains([]string{"For", "Owns", "Watches", "WatchesMetadata"}, callee.Name()):
		if len(args) < 2 {
			return Use{}, false
		}
		obj = args[1]
		for _, o := range match.Varargs(args[len(args)-1]) {
			switch {
			case isGlobal(o, apis.CRBuilder, "OnlyMetadata"):
				u.MetadataOnly = true
			case match.IsNamed(o.Type(), apis.CRBuilder, "Predicates") || isPredicatesValue(o):
				u.Predicate = true
			}
		}
		if callee.Name() == "WatchesMetadata" {
			u.MetadataOnly = true
		}
		u.Predicate = u.Predicate || builderHasEventFilter(args[0])
	case pkg == apis.CRSource && (callee.Name() == "Kind" || callee.Name() == "TypedKind"):
		if len(args) < 2 {
			return Use{}, false
		}
		obj = args[1]
		u.How = "source.Kind"
		u.Predicate = len(args) > 3 && len(match.Varargs(args[len(args)-1])) > 0
	case slices.Contains(apis.InformerCachePackages, pkg) && callee.Name() == "GetInformer":
		if len(args) < 2 {
			return Use{}, false
		}
		obj = args[1]
		if !c.IsInvoke() && len(args) > 2 {
			obj = args[2]
		}
		u.Every = st.m.RoleAt(call)&ctrlmodel.Every != 0
	case strings.HasPrefix(pkg, apis.CRClient) && (callee.Name() == "Get" || callee.Name() == "List"):
		if !c.IsInvoke() || uncachedClient(st.m, c.Value, 0) || match.IsNamed(c.Value.Type(), apis.CRClient, "Reader") {
			// a client.Reader is most often mgr.GetAPIReader(): we
			// cannot tell, so stay silent
			return Use{}, false
		}
		for _, a := range args {
			if k, _ := objectKind(a); k != "" {
				obj = a
			}
		}
		u.How = "a cached client " + callee.Name()
		u.Read = true
		u.Every = st.m.RoleAt(call)&ctrlmodel.Every != 0
	default:
		return Use{}, false
	}
	if obj == nil {
		return Use{}, false
	}
	kind, meta := objectKind(obj)
	if meta {
		return Use{}, false
	}
	if kind == "" {
		return Use{}, false
	}
	u.Kind = kind
	return u, true
}

// uncachedClient reports whether a client value comes from
// mgr.GetAPIReader() or client.New: reads that bypass the cache. A
// parameter is uncached when every call in the package passes an
// uncached client (a helper that takes a client.Client, always given
// client.New(...)).
func uncachedClient(m *ctrlmodel.Model, v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	for range 4 {
		switch x := v.(type) {
		case *ssa.Parameter:
			args, ok := m.ArgsOf(x)
			if !ok {
				return false
			}
			for _, a := range args {
				if !uncachedClient(m, a, depth+1) {
					return false
				}
			}
			return true
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.Call:
			callee := match.CalleeObject(x.Common())
			if callee == nil {
				return false
			}
			return callee.Name() == "GetAPIReader" ||
				(strings.HasPrefix(match.PkgPath(callee.Pkg()), apis.CRClient) && (callee.Name() == "New" || callee.Name() == "NewWithWatch"))
		case *ssa.Extract:
			v = x.Tuple
			continue
		}
		return false
	}
	return false
}

// varargs returns the values passed in a variadic slice argument.
func isPredicatesValue(v ssa.Value) bool {
	mi, ok := v.(*ssa.MakeInterface)
	return ok && match.IsNamed(mi.X.Type(), apis.CRBuilder, "Predicates")
}

func isGlobal(v ssa.Value, pkg, name string) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	l, ok := v.(*ssa.UnOp)
	if !ok || l.Op != token.MUL {
		return false
	}
	g, ok := l.X.(*ssa.Global)
	return ok && g.Name() == name && g.Pkg != nil && match.PkgPath(g.Pkg.Pkg) == pkg
}

// builderHasEventFilter reports whether the builder chain before this
// call has WithEventFilter.
func builderHasEventFilter(v ssa.Value) bool {
	for range 16 {
		call, ok := v.(*ssa.Call)
		if !ok {
			return false
		}
		callee := match.CalleeObject(call.Common())
		if callee == nil || match.PkgPath(callee.Pkg()) != apis.CRBuilder || len(call.Common().Args) == 0 {
			return false
		}
		if callee.Name() == "WithEventFilter" {
			return true
		}
		v = call.Common().Args[0]
	}
	return false
}

func refsOf(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

func (st *state) posString(p token.Pos) string {
	if !p.IsValid() {
		return ""
	}
	pos := st.pass.Fset.Position(p)
	file := pos.Filename
	if i := strings.LastIndex(file, "/"); i >= 0 {
		file = file[i+1:]
	}
	return fmt.Sprintf("%s:%d", file, pos.Line)
}

// opts is what the package's manager options say about the cache.
type opts struct {
	pos         token.Pos
	filtered    map[string]bool // by type: ByObject selector or transform
	allFiltered bool            // DefaultLabelSelector, DefaultFieldSelector, DefaultTransform
	namespaced  bool            // DefaultNamespaces or ByObject namespaces
	disableFor  map[string]bool
	disableAll  bool   // DisableFor is a list we cannot read
	election    string // "on", "off", "dynamic"
}

// options finds the manager options the package builds.
func (st *state) options() *opts {
	var o *opts
	for _, fn := range st.m.Funcs {
		if testSupport(fn) {
			continue // a manager for a test (envtest set-up that takes a *testing.T)
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Alloc:
					if match.IsNamed(in.Type(), apis.ManagerOptions.Pkg, apis.ManagerOptions.Name) && o == nil && !st.rep.IsTestFile(in.Pos()) {
						o = &opts{pos: in.Pos(), filtered: map[string]bool{}, disableFor: map[string]bool{}, election: "off"}
					}
				case *ssa.Call:
					// ctrl.NewManager(cfg, ctrl.Options{}): a zero value
					for _, a := range in.Call.Args {
						if c, ok := a.(*ssa.Const); ok && o == nil && !st.rep.IsTestFile(in.Pos()) &&
							match.IsNamed(c.Type(), apis.ManagerOptions.Pkg, apis.ManagerOptions.Name) {
							o = &opts{pos: in.Pos(), filtered: map[string]bool{}, disableFor: map[string]bool{}, election: "off"}
						}
					}
				}
			}
		}
	}
	if o == nil {
		return nil
	}
	sawElection := false
	for _, fn := range st.m.Funcs {
		if testSupport(fn) {
			continue // a test's options say nothing of the binary's manager
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.FieldAddr:
					if match.IsNamed(in.X.Type(), apis.ManagerOptions.Pkg, apis.ManagerOptions.Name) && fieldName(in) == "LeaderElection" {
						for _, r := range refsOf(in) {
							if _, isStore := r.(*ssa.Store); !isStore {
								o.election = "dynamic" // set by a flag
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
					case match.IsNamed(fa.X.Type(), apis.ManagerOptions.Pkg, apis.ManagerOptions.Name) && field == "LeaderElection":
						if c, ok := in.Val.(*ssa.Const); ok && c.Value != nil {
							if c.Value.ExactString() == "true" {
								if !sawElection || o.election == "on" {
									o.election = "on"
								} else {
									o.election = "dynamic"
								}
							}
						} else {
							o.election = "dynamic"
						}
						sawElection = true
					case isCacheOptions(fa.X.Type()):
						switch field {
						case "DefaultLabelSelector", "DefaultFieldSelector":
							if !isNil(in.Val) {
								o.allFiltered = true
							}
						case "DefaultTransform":
							if !isNil(in.Val) && !stripsManagedFieldsOnly(in.Val) {
								o.allFiltered = true
							}
						case "DefaultNamespaces":
							o.namespaced = true
						}
					case match.IsNamed(fa.X.Type(), apis.CRClient, "CacheOptions") && field == "DisableFor":
						elems, ok := st.listElems(in.Val, 0)
						for _, v := range elems {
							if _, concrete := v.(*ssa.MakeInterface); !concrete {
								ok = false // an object whose type we cannot see
							}
						}
						if !ok {
							// a list we cannot read: any kind may be in it
							o.disableAll = true
						}
						for _, v := range elems {
							if k, _ := objectKind(v); k != "" {
								o.disableFor[k] = true
							}
						}
					}
				case *ssa.MapUpdate:
					if !isByObjectMap(in.Map.Type()) {
						continue
					}
					k, _ := objectKind(in.Key)
					if k == "" {
						continue
					}
					label, _ := byObjectFields(in.Value)
					if label {
						o.filtered[k] = true
					}
				}
			}
		}
	}
	return o
}

// testSupport reports whether fn, or the function it is nested in, takes
// a *testing.T, B or F or a testing.TB: it runs only under go test.
func testSupport(fn *ssa.Function) bool {
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

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

func fieldName(fa *ssa.FieldAddr) string {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	s, ok := p.Elem().Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	return s.Field(fa.Field).Name()
}

func isCacheOptions(t types.Type) bool {
	return match.IsNamed(t, apis.CRCache, "Options") || match.IsNamed(t, apis.CRCacheAPI, "Options")
}

func isByObjectMap(t types.Type) bool {
	m, ok := t.Underlying().(*types.Map)
	if !ok {
		return false
	}
	return match.IsNamed(m.Elem(), apis.CRCache, "ByObject") || match.IsNamed(m.Elem(), apis.CRCacheAPI, "ByObject")
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
	for _, r := range refsOf(a) {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, rr := range refsOf(fa) {
			s, ok := rr.(*ssa.Store)
			if !ok || isNil(s.Val) {
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

// sliceElems returns the values stored into a slice literal.
func sliceElems(v ssa.Value) []ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	return match.Varargs(sl)
}

// listElems returns the elements a []client.Object may hold: those of a
// literal, of appends to it (under any branch: a kind a feature gate may
// add counts), of a package variable's stores; false when some part is
// built in a way we do not follow.
func (st *state) listElems(v ssa.Value, depth int) ([]ssa.Value, bool) {
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
		return sliceElems(x), true
	case *ssa.Phi:
		var out []ssa.Value
		for _, e := range x.Edges {
			es, ok := st.listElems(e, depth+1)
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
		out, ok := st.listElems(x.Call.Args[0], depth+1)
		if !ok {
			return nil, false
		}
		more, ok := st.listElems(x.Call.Args[1], depth+1)
		return append(out, more...), ok
	case *ssa.UnOp:
		g, ok := x.X.(*ssa.Global)
		if !ok || x.Op != token.MUL || g.Pkg == nil || g.Pkg.Pkg != st.pass.Pkg {
			return nil, false
		}
		var out []ssa.Value
		stores := 0
		funcs := st.m.Funcs // literals and methods too
		if init := g.Pkg.Func("init"); init != nil {
			funcs = append(slices.Clip(funcs), init) // the variable's initialiser
		}
		for _, f := range funcs {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					if s, ok := instr.(*ssa.Store); ok && s.Addr == ssa.Value(g) {
						es, ok := st.listElems(s.Val, depth+1)
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

// report reports the types the cache holds in full.
func (st *state) report(o *opts, uses []Use) {
	if o.allFiltered {
		return
	}
	byKind := make(map[string][]Use)
	for _, u := range uses {
		if u.MetadataOnly || o.filtered[u.Kind] || (u.Read && (o.disableAll || o.disableFor[u.Kind])) {
			continue
		}
		byKind[u.Kind] = append(byKind[u.Kind], u)
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		us := byKind[k]
		// watches first: they are what the fix is about
		sort.Slice(us, func(i, j int) bool {
			if us[i].Read != us[j].Read {
				return !us[i].Read
			}
			return posLess(us[i].Pos, us[j].Pos)
		})
		first := us[0]
		where := "on the leader"
		every := false
		for _, u := range us {
			every = every || u.Every
		}
		switch {
		case o.election == "off":
			where = "on every replica (leader election is off)"
		case every:
			where = "on every replica (it is started from code that runs on every replica)"
		case o.election == "dynamic":
			where = "on the leader, and on every replica when leader election is off"
		}
		pred := ""
		for _, u := range us {
			if u.Predicate {
				pred = "; its predicate filters events, not what the informer stores"
				break
			}
		}
		ns := ""
		if o.namespaced {
			ns = "; DefaultNamespaces scopes it to namespaces, but Helm keeps its release Secrets in the application namespaces, so that is not enough"
			if k != "Secret" {
				ns = "; DefaultNamespaces scopes it to namespaces, which still hold every " + k + " of the applications there"
			}
		}
		msg := fmt.Sprintf("the manager's cache holds every %s it can see, in full, %s: %s of %s in %s (%s)%s%s; "+
			"limit it with cache.Options.ByObject and a label or field selector or a transform, a metadata-only watch, or client.CacheOptions.DisableFor for reads",
			k, where, first.How, k, first.Func, first.Pos, pred, ns)
		d := analysis.Diagnostic{Pos: o.pos, Message: msg}
		for _, u := range us {
			if u.pos.IsValid() {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: u.pos, Message: fmt.Sprintf("%s of %s here", u.How, k)})
			}
		}
		st.rep.Report(d)
	}
}

// checkFactories reports client-go Secrets and ConfigMaps informers from
// factories with no selector.
func (st *state) checkFactories() {
	for call := range match.Calls(st.m.Funcs...) {
		callee := match.CalleeObject(call.Common())
		if callee == nil {
			continue
		}
		pkg := match.PkgPath(callee.Pkg())
		kind := ""
		var namespaced, filtered bool
		switch {
		case pkg == apis.ClientGoCoreV1Infs && (callee.Name() == "Secrets" || callee.Name() == "ConfigMaps") && call.Call.IsInvoke():
			kind = strings.TrimSuffix(callee.Name(), "s")
			filtered, namespaced = factoryFilter(call.Call.Value)
		case pkg == apis.ClientGoCoreV1Infs && (callee.Name() == "NewSecretInformer" || callee.Name() == "NewConfigMapInformer"):
			kind = strings.TrimPrefix(strings.TrimSuffix(callee.Name(), "Informer"), "New")
			namespaced = nsArg(call.Call.Args, 1)
		case pkg == apis.ClientGoCoreV1Infs && (callee.Name() == "NewFilteredSecretInformer" || callee.Name() == "NewFilteredConfigMapInformer"):
			kind = strings.TrimPrefix(strings.TrimSuffix(callee.Name(), "Informer"), "NewFiltered")
			args := call.Call.Args
			filtered = len(args) > 0 && !isNil(args[len(args)-1])
			namespaced = nsArg(args, 1)
		}
		if kind == "" || filtered || (call.Call.IsInvoke() && !usedForInformer(call)) {
			continue
		}
		ns := ""
		if namespaced {
			ns = "; it is scoped to a namespace, but Helm keeps its release Secrets in the application namespaces"
		}
		start, end := diag.CallRange(st.pass, call.Pos())
		st.rep.Report(analysis.Diagnostic{
			Pos: start, End: end,
			Message: fmt.Sprintf("this informer holds every %s it can see, in full%s; set a label or field selector with informers.WithTweakListOptions (or NewFiltered%sInformer)",
				kind, ns, kind),
		})
	}
}

// nsArg reports whether argument i is a namespace other than "" (all).
func nsArg(args []ssa.Value, i int) bool {
	if i >= len(args) {
		return false
	}
	c, ok := args[i].(*ssa.Const)
	return !ok || c.Value == nil || c.Value.ExactString() != `""`
}

// factoryFilter walks factory.Core().V1() back to the factory constructor
// and reports whether it sets a selector, or a namespace.
func factoryFilter(v ssa.Value) (filtered, namespaced bool) {
	for range 8 {
		call, ok := v.(*ssa.Call)
		if !ok {
			return true, false // a factory we cannot see: stay silent
		}
		callee := match.CalleeObject(call.Common())
		if callee == nil {
			return true, false
		}
		if call.Call.IsInvoke() {
			v = call.Call.Value
			continue
		}
		if match.PkgPath(callee.Pkg()) != apis.ClientGoInformers {
			return true, false
		}
		args := call.Call.Args
		switch callee.Name() {
		case "NewSharedInformerFactory":
			return false, false
		case "NewFilteredSharedInformerFactory":
			return len(args) > 3 && !isNil(args[3]), nsArg(args, 2)
		case "NewSharedInformerFactoryWithOptions":
			last := args[len(args)-1]
			if _, isNil := last.(*ssa.Const); !isNil {
				if _, isSlice := last.(*ssa.Slice); !isSlice {
					return true, false // options built elsewhere: we cannot read them
				}
			}
			for _, o := range match.Varargs(last) {
				oc, ok := o.(*ssa.Call)
				if !ok {
					return true, false
				}
				oname := match.CalleeObject(oc.Common())
				switch {
				case oname == nil || match.PkgPath(oname.Pkg()) != apis.ClientGoInformers:
					// an option of the project's own: we cannot read it
					return true, false
				case len(oc.Call.Args) == 0:
					return true, false
				case oname.Name() == "WithTweakListOptions":
					filtered = filtered || tweakSetsSelector(oc.Call.Args[0])
				case oname.Name() == "WithNamespace":
					namespaced = namespaced || nsArg(oc.Call.Args, 0)
				case oname.Name() == "WithTransform":
					filtered = true
				}
			}
			return filtered, namespaced
		}
		return true, false
	}
	return true, false
}

// tweakSetsSelector reports whether a tweak function sets LabelSelector
// or FieldSelector (or is not a literal we can read: assume it does).
func tweakSetsSelector(v ssa.Value) bool {
	if ct, ok := v.(*ssa.ChangeType); ok {
		v = ct.X
	}
	var fn *ssa.Function
	switch f := v.(type) {
	case *ssa.Function:
		fn = f
	case *ssa.MakeClosure:
		fn, _ = f.Fn.(*ssa.Function)
	}
	if fn == nil {
		return true
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			s, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			if fa, ok := s.Addr.(*ssa.FieldAddr); ok {
				if n := fieldName(fa); n == "LabelSelector" || n == "FieldSelector" {
					return true
				}
			}
		}
	}
	return false
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
	return callee != nil && callee.Name() == "TransformStripManagedFields"
}

// posLess orders "file:line" strings by file, then line.
func posLess(a, b string) bool {
	fa, la := splitPos(a)
	fb, lb := splitPos(b)
	if fa != fb {
		return fa < fb
	}
	return la < lb
}

func splitPos(p string) (string, int) {
	i := strings.LastIndex(p, ":")
	if i < 0 {
		return p, 0
	}
	n := 0
	for _, c := range p[i+1:] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return p[:i], n
}

// usedForInformer reports whether a typed accessor's result is asked for
// its informer or lister (which is what makes the factory create it).
func usedForInformer(call *ssa.Call) bool {
	for _, r := range refsOf(call) {
		c, ok := r.(*ssa.Call)
		if !ok || !c.Call.IsInvoke() || c.Call.Value != ssa.Value(call) {
			if _, ok := r.(*ssa.DebugRef); ok {
				continue
			}
			return true // handed on: assume it is used
		}
		switch c.Call.Method.Name() {
		case "Informer", "Lister":
			return true
		}
	}
	return false
}
