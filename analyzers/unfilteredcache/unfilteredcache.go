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
	mg := m.Manager()
	if mg == nil {
		return nil, nil // no manager options here: the options may narrow the cache elsewhere
	}
	all := slices.Clone(uses)
	testOnly := st.testOnly()
	for _, pf := range pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*usesFact); ok && pf.Package != pass.Pkg && !testOnly[pf.Package.Path()] {
			all = append(all, f.Uses...)
		}
	}
	st.report(mg, all)
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
	return typeKind(t)
}

// kindSet returns the kinds of object types.
func kindSet(ts []types.Type) map[string]bool {
	out := make(map[string]bool)
	for _, t := range ts {
		if k, _ := typeKind(t); k != "" {
			out[k] = true
		}
	}
	return out
}

// typeKind returns "Secret" or "ConfigMap" for *corev1.Secret,
// *corev1.ConfigMapList and the like, and whether t is metadata-only.
func typeKind(t types.Type) (kind string, meta bool) {
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
	if st.rep.IsTestFile(call.Pos()) || ctrlmodel.TestSupport(fn) {
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
		recv := c.Value
		if !c.IsInvoke() && len(args) > 2 {
			obj, recv = args[2], args[0]
		}
		if st.m.CacheOf(recv) != ctrlmodel.ManagerCache {
			return Use{}, false // a cache of the code's own (cache.New), with its own options
		}
		u.Every = st.m.RoleAt(call)&ctrlmodel.Every != 0
	case strings.HasPrefix(pkg, apis.CRClient) && (callee.Name() == "Get" || callee.Name() == "List"):
		if !c.IsInvoke() || st.m.CacheOf(c.Value) != ctrlmodel.ManagerCache || match.IsNamed(c.Value.Type(), apis.CRClient, "Reader") {
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

// report reports the types the cache holds in full.
func (st *state) report(mg *ctrlmodel.Manager, uses []Use) {
	o := &mg.Cache
	if o.AllFiltered {
		return
	}
	filtered, disabled := kindSet(o.Filtered), kindSet(o.DisableFor)
	byKind := make(map[string][]Use)
	for _, u := range uses {
		if u.MetadataOnly || filtered[u.Kind] || (u.Read && (o.DisableAll || disabled[u.Kind])) {
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
		case mg.Election == ctrlmodel.ElectionOff:
			where = "on every replica (leader election is off)"
		case every:
			where = "on every replica (it is started from code that runs on every replica)"
		case mg.Election == ctrlmodel.ElectionDynamic:
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
		if o.Namespaced {
			ns = "; DefaultNamespaces scopes it to namespaces, but Helm keeps its release Secrets in the application namespaces, so that is not enough"
			if k != "Secret" {
				ns = "; DefaultNamespaces scopes it to namespaces, which still hold every " + k + " of the applications there"
			}
		}
		msg := fmt.Sprintf("the manager's cache holds every %s it can see, in full, %s: %s of %s in %s (%s)%s%s; "+
			"limit it with cache.Options.ByObject and a label or field selector or a transform, a metadata-only watch, or client.CacheOptions.DisableFor for reads",
			k, where, first.How, k, first.Func, first.Pos, pred, ns)
		d := analysis.Diagnostic{Pos: mg.Pos, Message: msg}
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
			filtered, namespaced = st.factoryFilter(call.Call.Value)
		case pkg == apis.ClientGoCoreV1Infs:
			var ok bool
			kind, filtered, ok = informerFunc(callee.Name(), call.Call.Args)
			if !ok {
				continue
			}
			namespaced = st.nsArg(call.Call.Args, 1)
		}
		if kind == "" || filtered || namespaced || (call.Call.IsInvoke() && !usedForInformer(call)) || st.rep.IsTestFile(call.Pos()) {
			// namespaced: scoped to one namespace on purpose (most often
			// the operator's own; KEDA's fix for caching every Secret); in
			// a test file: the test's informer, on a fake clientset most
			// often, holds what the test put there
			continue
		}
		start, end := diag.CallRange(st.pass, call.Pos())
		st.rep.Report(analysis.Diagnostic{
			Pos: start, End: end,
			Message: fmt.Sprintf("this informer holds every %s in the cluster, in full; set a label or field selector with informers.WithTweakListOptions (or NewFiltered%sInformer), or scope it to a namespace",
				kind, kind),
		})
	}
}

// informerFunc reads a call of one of client-go's informer functions of
// core/v1, New[Typed][Filtered]{Secret,ConfigMap}Informer[WithOptions]:
// the kind, and whether a tweak of the list options is given.
func informerFunc(name string, args []ssa.Value) (kind string, filtered, ok bool) {
	rest, ok := strings.CutPrefix(name, "New")
	if !ok {
		return "", false, false
	}
	rest = strings.TrimPrefix(rest, "Typed")
	withTweak := strings.HasPrefix(rest, "Filtered")
	rest = strings.TrimPrefix(rest, "Filtered")
	withOptions := strings.HasSuffix(rest, "InformerWithOptions")
	rest = strings.TrimSuffix(strings.TrimSuffix(rest, "WithOptions"), "Informer")
	if rest != "Secret" && rest != "ConfigMap" || len(args) < 2 || withTweak && withOptions {
		return "", false, false
	}
	last := args[len(args)-1]
	switch {
	case withTweak:
		filtered = !isNil(last)
	case withOptions:
		filtered = optionsTweak(last)
	}
	return rest, filtered, true
}

// optionsTweak reports whether an InformerOptions value sets
// TweakListOptions (or is not a literal we can read: assume it does).
func optionsTweak(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok {
		return !c.IsNil() && c.Value != nil // the zero value: no tweak
	}
	l, ok := v.(*ssa.UnOp)
	if !ok || l.Op != token.MUL {
		return true
	}
	a, ok := l.X.(*ssa.Alloc)
	if !ok {
		return true
	}
	for _, r := range refsOf(a) {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fieldName(fa) != "TweakListOptions" {
			continue
		}
		for _, rr := range refsOf(fa) {
			if st, ok := rr.(*ssa.Store); ok && !isNil(st.Val) {
				return true
			}
		}
	}
	return false
}

// nsArg reports whether argument i is a namespace that cannot be ""
// (all namespaces): a constant other than "", or a value we cannot follow
// (a parameter, another package's function, such as KEDA's
// GetClusterObjectNamespace). An environment variable, a package
// variable that may hold "" and a string flag whose default is "" may be
// all namespaces.
func (st *state) nsArg(args []ssa.Value, i int) bool {
	if i >= len(args) {
		return false
	}
	return !st.mayBeAll(args[i], 0)
}

func (st *state) mayBeAll(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch x := v.(type) {
	case *ssa.Const:
		return x.Value == nil || x.Value.ExactString() == `""`
	case *ssa.Extract:
		return st.mayBeAll(x.Tuple, depth+1)
	case *ssa.Phi:
		// every way in may be "": one that is not is most often the
		// default applied when the others are empty (if ns == "" { ns =
		// "default" }), which we cannot tell apart
		for _, e := range x.Edges {
			if !st.mayBeAll(e, depth+1) {
				return false
			}
		}
		return len(x.Edges) > 0
	case *ssa.Call:
		callee := match.CalleeObject(x.Common())
		return callee != nil && match.IsAny(callee, apis.EnvLookups)
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return false
		}
		switch p := x.X.(type) {
		case *ssa.Global:
			return st.globalMayBeEmpty(p, depth)
		case *ssa.Call: // *flag.String("namespace", "", ...)
			return st.flagDefaultEmpty(p, depth)
		case *ssa.UnOp: // *ns, with var ns = flag.String(...)
			g, ok := p.X.(*ssa.Global)
			if !ok || p.Op != token.MUL || g.Pkg == nil || g.Pkg.Pkg != st.pass.Pkg {
				return false
			}
			if init := g.Pkg.Func("init"); init != nil {
				for _, b := range init.Blocks {
					for _, instr := range b.Instrs {
						if s, ok := instr.(*ssa.Store); ok && s.Addr == ssa.Value(g) {
							if c, ok := s.Val.(*ssa.Call); ok && st.flagDefaultEmpty(c, depth) {
								return true
							}
						}
					}
				}
			}
		}
	}
	return false
}

// flagDefaultEmpty reports whether c is flag.String (or pflag's) with a
// default that may be "".
func (st *state) flagDefaultEmpty(c *ssa.Call, depth int) bool {
	callee := match.CalleeObject(c.Common())
	return callee != nil && callee.Name() == "String" && match.IsAny(callee, apis.FlagStrings) && len(c.Call.Args) > 1 &&
		st.mayBeAll(c.Call.Args[1], depth+1)
}

// globalMayBeEmpty reports whether a package variable may hold "": it is
// never set in sight (its zero value), or some store may be "", or a
// flag fills it with a default of "".
func (st *state) globalMayBeEmpty(g *ssa.Global, depth int) bool {
	if g.Pkg == nil || g.Pkg.Pkg != st.pass.Pkg {
		return false // another package's variable: we cannot see its stores
	}
	funcs := st.m.Funcs
	if init := g.Pkg.Func("init"); init != nil {
		funcs = append(slices.Clip(funcs), init)
	}
	// its address taken by code we do not read (a FlagSet's StringVar,
	// envconfig, viper): it may hold anything
	var ops []*ssa.Value
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					if in.Val != ssa.Value(g) {
						continue
					}
				case *ssa.UnOp:
					continue
				case *ssa.Call:
					if callee := match.CalleeObject(in.Common()); callee != nil && match.IsAny(callee, apis.FlagStrings) {
						continue
					}
				case *ssa.DebugRef:
					continue
				}
				for _, op := range instr.Operands(ops[:0]) {
					if *op == ssa.Value(g) {
						return false
					}
				}
			}
		}
	}
	stores := 0
	for _, f := range funcs {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					if in.Addr == ssa.Value(g) {
						stores++
						if st.mayBeAll(in.Val, depth+1) {
							return true
						}
					}
				case *ssa.Call:
					callee := match.CalleeObject(in.Common())
					if callee == nil || !match.IsAny(callee, apis.FlagStrings) {
						continue
					}
					args := in.Call.Args
					if len(args) > 2 && args[0] == ssa.Value(g) {
						stores++
						if st.mayBeAll(args[2], depth+1) {
							return true
						}
					}
				}
			}
		}
	}
	return stores == 0
}

// factoryFilter finds the constructor of the factory that v (a factory,
// or its Core().V1()) comes from, through the model (variables, closures,
// struct fields), and reports whether it sets a selector, or a namespace.
func (st *state) factoryFilter(v ssa.Value) (filtered, namespaced bool) {
	call := st.m.FactoryOf(v)
	if call == nil {
		return true, false // a factory we cannot see: stay silent
	}
	callee := match.CalleeObject(call.Common())
	if callee == nil || match.PkgPath(callee.Pkg()) != apis.ClientGoInformers {
		return true, false
	}
	args := call.Call.Args
	switch callee.Name() {
	case "NewSharedInformerFactory":
		return false, false
	case "NewFilteredSharedInformerFactory":
		return len(args) > 3 && !isNil(args[3]), st.nsArg(args, 2)
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
				namespaced = namespaced || st.nsArg(oc.Call.Args, 0)
			case oname.Name() == "WithTransform":
				filtered = true
			}
		}
		return filtered, namespaced
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
		case "Informer", "Lister", "TypedInformer":
			return true
		}
	}
	return false
}
