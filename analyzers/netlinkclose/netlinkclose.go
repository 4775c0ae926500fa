package netlinkclose

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/diag"
	"github.com/ctrlvet/ctrlvet/internal/docutil"
	"github.com/ctrlvet/ctrlvet/internal/frequency"
	"github.com/ctrlvet/ctrlvet/internal/guard"
	"github.com/ctrlvet/ctrlvet/internal/lazyssa"
	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

//go:embed doc.go
var docFile string

const name = "netlinkclose"

// Analyzer reports netlink and network-namespace resources that are not
// released on some path. It knows ctrlvet's built-in APIs only; New makes
// one that also knows the APIs of a config.Resources.
var Analyzer = New(nil)

// New returns a netlinkclose analyzer that also treats the constructors
// and release functions of r (read when it runs, so that flags parsed
// after New take effect) as netlink resources. A nil r adds nothing.
func New(r *config.Resources) *analysis.Analyzer {
	return NewOn(r, frequency.Analyzer)
}

// NewOn is New on the frequency stage freq (the one every analyzer of a
// run shares: suite.Frequency), which says what runs once per process.
func NewOn(r *config.Resources, freq *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      name,
		Doc:       docutil.Extract(docFile, name),
		URL:       "https://github.com/ctrlvet/ctrlvet/blob/main/docs/netlinkclose.md",
		Requires:  []*analysis.Analyzer{lazyssa.Analyzer, freq},
		FactTypes: []analysis.Fact{new(constructorFact), new(releaserFact), new(packageFact)},
		Run: guard.Run(name, func(pass *analysis.Pass) (any, error) {
			ext, err := extend(r)
			if err != nil {
				return nil, err
			}
			ext.freq = pass.ResultOf[freq].(*frequency.Result)
			return run(pass, ext)
		}),
	}
}

// extension is what the settings add.
type extension struct {
	ctors   []apis.Func // extra constructors (result 0)
	methods []string    // extra release methods
	funcs   []apis.Func // extra release functions
	freq    *frequency.Result
}

func extend(r *config.Resources) (*extension, error) {
	ext := new(extension)
	if r == nil {
		return ext, nil
	}
	var err error
	if ext.ctors, err = apis.ParseFuncs(r.Constructors); err != nil {
		return nil, fmt.Errorf("netlinkclose.constructors: %w", err)
	}
	if ext.methods, ext.funcs, err = apis.ParseRelease(r.Release); err != nil {
		return nil, fmt.Errorf("netlinkclose.release: %w", err)
	}
	return ext, nil
}

// constructorFact marks a function that returns a fresh netlink resource
// (itself, or inside a wrapper) that the caller must release.
type constructorFact struct {
	Result  int      // result index
	Noun    string   // what the resource is
	Why     string   // why a leak matters
	Release []string // methods that release it
	Base    string   // the library constructor behind it
}

func (*constructorFact) AFact() {}
func (f *constructorFact) String() string {
	return fmt.Sprintf("constructor(%s, result %d, release %s)", f.Noun, f.Result, strings.Join(f.Release, "|"))
}

// releaserFact marks a function that releases the resources passed in the
// listed parameters.
type releaserFact struct{ Params []int }

func (*releaserFact) AFact()           {}
func (f *releaserFact) String() string { return fmt.Sprintf("releases%v", f.Params) }

// packageFact marks a package that exports constructor or releaser facts,
// so that importers know they must look.
type packageFact struct{}

func (*packageFact) AFact()         {}
func (*packageFact) String() string { return "netlinkresources" }

// creation is one call that makes a resource.
type creation struct {
	call    *ssa.Call
	val     ssa.Value // the resource result
	errv    ssa.Value // the error result, if any
	noun    string
	why     string
	release []string
	relFns  []apis.Func
	base    string // how the message names the constructor
	pref    string // release method for the suggested fix
}

type state struct {
	pass     *analysis.Pass
	ext      *extension
	rep      *diag.Reporter
	ctors    map[*ssa.Function]*constructorFact // same-package constructors
	visiting map[*ssa.Function]bool
	callers  map[*ssa.Function][]*ssa.Function // callers calling in a loop
	loops    resource.Loops
	fns      []*ssa.Function
	pkg      *ssa.Package
	injected *[]*ssa.Function           // functions handed to slots, once computed
	slots    map[*ssa.Function][]string // the slots each was handed to
}

func run(pass *analysis.Pass, ext *extension) (any, error) {
	if !relevant(pass, ext) {
		return nil, nil
	}
	pkg, fns := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Builder).Build()
	st := &state{
		pass:     pass,
		ext:      ext,
		rep:      diag.New(pass, name),
		ctors:    make(map[*ssa.Function]*constructorFact),
		visiting: make(map[*ssa.Function]bool),
		callers:  make(map[*ssa.Function][]*ssa.Function),
		loops:    make(resource.Loops),
		fns:      fns,
		pkg:      pkg,
	}
	st.loopCallers(fns)
	exported := false
	for _, fn := range fns {
		if f := st.ctor(fn); f != nil {
			if obj, ok := fn.Object().(*types.Func); ok {
				pass.ExportObjectFact(obj, f)
				exported = true
			}
		}
		if params := st.releasedParams(fn); len(params) > 0 {
			if obj, ok := fn.Object().(*types.Func); ok {
				pass.ExportObjectFact(obj, &releaserFact{Params: params})
				exported = true
			}
		}
	}
	if exported {
		pass.ExportPackageFact(new(packageFact))
	}
	for _, fn := range fns {
		st.check(fn)
	}
	return nil, nil
}

// relevant is the cheap check: does the package use a netlink API, or
// import a package whose functions make or release such resources?
func relevant(pass *analysis.Pass, ext *extension) bool {
	if match.ImportsAny(pass.Pkg, apis.Netlink, apis.NetlinkNL, apis.Netns, apis.CNINS, apis.Fsnotify, apis.FsnotifyV1) {
		return true
	}
	if match.ImportsAny(pass.Pkg, apis.GRPC) {
		// a gRPC constructor used here (the gate scans for its name)
		for _, obj := range pass.TypesInfo.Uses {
			if f, ok := obj.(*types.Func); ok && match.PkgPath(f.Pkg()) == apis.GRPC && slices.ContainsFunc(apis.NetlinkConstructors, func(c apis.Constructor) bool { return match.Is(f, c.Func) }) {
				return true
			}
		}
	}
	if len(ext.ctors) > 0 {
		// a constructor from the settings, called here (also as a
		// method of a type from an indirect import)
		for _, obj := range pass.TypesInfo.Uses {
			if f, ok := obj.(*types.Func); ok && match.IsAny(f, ext.ctors) {
				return true
			}
		}
	}
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(packageFact)) {
			return true
		}
	}
	if match.ImportsAny(pass.Pkg, apis.Unix, apis.Syscall) {
		for id, obj := range pass.TypesInfo.Uses {
			if id.Name == "AF_NETLINK" && obj.Pkg() != nil {
				if p := match.PkgPath(obj.Pkg()); p == apis.Unix || p == apis.Syscall {
					return true
				}
			}
		}
	}
	return false
}

func (st *state) policy(c *creation) *resource.Policy {
	var wrapperRelease []string
	var derive func(*types.Signature) (int, bool)
	if c.noun == apis.GRPCConn.Noun {
		// a client made from the connection: its Delete or Stop is
		// a remote call; its streams and accessors hold the
		// connection
		wrapperRelease = apis.GRPCConn.ReleaseMethods
		derive = derives
	}
	return &resource.Policy{
		WrapperRelease: wrapperRelease,
		Derives:        derive,
		ReleaseMethods: appendNew(c.release, st.ext.methods),
		ReleaseFuncs:   append(slices.Clone(c.relFns), st.ext.funcs...),
		Borrowing:      apis.BorrowingPackages,
		ParamReleases:  st.paramReleases,
		Wraps:          st.wraps,
	}
}

// wraps reports whether callee, of another package, takes a gRPC
// connection as its i'th parameter and returns a generated client (a
// NewXClient): a client holding the connection.
func (st *state) wraps(callee *types.Func, i int) bool {
	if callee.Pkg() == st.pass.Pkg || match.PkgPath(callee.Pkg()) == apis.GRPC {
		return false
	}
	sig := callee.Type().(*types.Signature)
	if sig.Results().Len() != 1 || i < 0 || i >= sig.Params().Len() || sig.Variadic() && i >= sig.Params().Len()-1 {
		return false
	}
	p := sig.Params().At(i).Type()
	for _, t := range apis.GRPCConnTypes {
		if match.IsNamed(p, t.Pkg, t.Name) || match.IsPointerTo(p, t.Pkg, t.Name) {
			return generatedClient(sig.Results().At(0).Type())
		}
	}
	return false
}

// generatedClient reports whether t is a generated gRPC client interface:
// every method takes a context first and grpc.CallOptions last.
func generatedClient(t types.Type) bool {
	it, ok := t.Underlying().(*types.Interface)
	if !ok || it.NumMethods() == 0 {
		return false
	}
	for m := range it.Methods() {
		sig := m.Type().(*types.Signature)
		n := sig.Params().Len()
		if n < 2 || !sig.Variadic() || !match.IsNamed(sig.Params().At(0).Type(), "context", "Context") {
			return false
		}
		last, ok := sig.Params().At(n - 1).Type().(*types.Slice)
		if !ok || !match.IsNamed(last.Elem(), apis.GRPC, "CallOption") {
			return false
		}
	}
	return true
}

// derives returns the index of the result of sig, a method of a wrapper
// of a gRPC connection, that holds the connection: the connection itself
// (an accessor, `c.Conn()`), or a gRPC client stream (it has RecvMsg and
// CloseSend), which a streaming RPC opens on the client's connection and
// which is a wrapper. -1 if none.
func derives(sig *types.Signature) (int, bool) {
	for i := range sig.Results().Len() {
		t := sig.Results().At(i).Type()
		if match.IsPointerTo(t, apis.GRPC, "ClientConn") {
			return i, false
		}
		if hasMethod(t, "RecvMsg") && hasMethod(t, "CloseSend") {
			return i, true
		}
	}
	return -1, false
}

func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

func (st *state) paramReleases(callee *types.Func, i int) bool {
	var f releaserFact
	if callee.Pkg() == st.pass.Pkg {
		return false // same package: the engine looks into the body
	}
	if st.pass.ImportObjectFact(callee, &f) {
		return slices.Contains(f.Params, i)
	}
	return false
}

// creations lists the calls in fn that make a netlink resource.
func (st *state) creations(fn *ssa.Function) []*creation {
	var out []*creation
	for call := range match.Calls(fn) {
		if c := st.creationOf(call); c != nil {
			out = append(out, c)
		}
	}
	return out
}

func (st *state) creationOf(call *ssa.Call) *creation {
	common := call.Common()
	callee := match.CalleeObject(common)
	if callee == nil {
		return st.injectedCreation(call)
	}
	if c := st.libraryCreation(call, callee); c != nil {
		return c
	}
	if match.IsAny(callee, apis.SocketFuncs) && len(common.Args) > 0 {
		if d, ok := resource.IntConst(common.Args[0]); ok && d == apis.AFNetlink {
			k := apis.RawNetlinkFD
			// name the Close of the socket's own package first
			rel := slices.Clone(k.ReleaseFuncs)
			slices.SortStableFunc(rel, func(a, b apis.Func) int {
				if a.Pkg == match.PkgPath(callee.Pkg()) {
					return -1
				}
				if b.Pkg == match.PkgPath(callee.Pkg()) {
					return 1
				}
				return 0
			})
			return st.newCreation(call, 0, k.Noun, k.Why, nil, rel, shortName(callee), "")
		}
		return nil
	}
	return st.projectCreation(call, callee, common.StaticCallee())
}

// projectCreation is a call of a function of the project that returns a
// fresh resource: of this package (sf, looked into), or of another one
// (its constructorFact).
func (st *state) projectCreation(call *ssa.Call, callee *types.Func, sf *ssa.Function) *creation {
	var f *constructorFact
	if sf != nil && !call.Common().IsInvoke() && sf.Pkg != nil && sf.Pkg.Pkg == st.pass.Pkg {
		f = st.ctor(sf)
	} else if callee.Pkg() != nil && callee.Pkg() != st.pass.Pkg {
		var imported constructorFact
		if st.pass.ImportObjectFact(callee, &imported) {
			f = &imported
		}
	}
	if f == nil {
		return nil
	}
	return st.newCreation(call, f.Result, f.Noun, f.Why, f.Release, nil, shortName(callee), preferred(f.Release))
}

// injectedCreation is a call of a function value held in a field, a
// package variable or a parameter (a constructor injected so that tests
// can replace it: `newWatcher func() (*fsnotify.Watcher, error)`), in a
// package whose code outside tests hands a constructor of the same
// signature to such a slot: the call makes what that constructor makes.
func (st *state) injectedCreation(call *ssa.Call) *creation {
	common := call.Common()
	if common.IsInvoke() {
		return nil
	}
	slot := slotName(common.Value, 0)
	if slot == "" {
		return nil
	}
	// the values handed to this slot first: the message names the right
	// one
	vals := slices.Clone(st.injectedValues())
	slices.SortStableFunc(vals, func(a, b *ssa.Function) int {
		return compareBool(slices.Contains(st.slots[b], slot), slices.Contains(st.slots[a], slot))
	})
	for _, f := range vals {
		if !types.Identical(f.Signature, common.Signature()) {
			continue
		}
		var c *creation
		if callee, ok := f.Object().(*types.Func); ok {
			if c = st.libraryCreation(call, callee); c == nil {
				c = st.projectCreation(call, callee, f)
			}
		} else if f.Pkg != nil && f.Pkg.Pkg == st.pass.Pkg {
			// a function literal of the package
			if fact := st.ctor(f); fact != nil {
				c = st.newCreation(call, fact.Result, fact.Noun, fact.Why, fact.Release, nil, "a function literal", preferred(fact.Release))
			}
		}
		if c != nil {
			c.base = fmt.Sprintf("%s (set to %s)", slot, c.base)
			return c
		}
	}
	return nil
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// preferred is the release method a message and a fix name.
func preferred(release []string) string {
	if slices.Contains(release, "Close") {
		return "Close"
	}
	if len(release) > 0 {
		return release[0]
	}
	return ""
}

// slotName names where a called function value comes from: a field, a
// package variable or a parameter, or a merge of such slots and functions
// (`if mk == nil { mk = fsnotify.NewWatcher }`); "" for anything else.
func slotName(v ssa.Value, depth int) string {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Name()
	case *ssa.Field:
		return fieldName(v.X.Type(), v.Field)
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return ""
		}
		switch a := v.X.(type) {
		case *ssa.Global:
			return a.Name()
		case *ssa.FieldAddr:
			return fieldName(a.X.Type(), a.Field)
		}
	case *ssa.Phi:
		if depth > 2 {
			return ""
		}
		name := ""
		for _, e := range v.Edges {
			if _, ok := e.(*ssa.Function); ok {
				continue
			}
			n := slotName(e, depth+1)
			if n == "" {
				return ""
			}
			if name == "" {
				name = n
			}
		}
		return name
	}
	return ""
}

func fieldName(t types.Type, i int) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if st, ok := t.Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i).Name()
	}
	return ""
}

// injectedValues lists the functions that the package's code outside
// tests hands to a slot as values: stored in a field or a package
// variable (package initialisers included), passed to a function of the
// package, or merged into a function value. A function handed to another
// package (sync.OnceValues(fsnotify.NewWatcher)) is not one. Whether a
// value is a constructor is asked per call, when its signature matches.
func (st *state) injectedValues() []*ssa.Function {
	if st.injected != nil {
		return *st.injected
	}
	var out []*ssa.Function
	st.slots = make(map[*ssa.Function][]string)
	add := func(v ssa.Value, slot string) {
		f, ok := v.(*ssa.Function)
		if !ok {
			return
		}
		if _, seen := st.slots[f]; !seen {
			out = append(out, f)
		}
		st.slots[f] = append(st.slots[f], slot)
	}
	fns := st.fns
	if init := st.pkg.Func("init"); init != nil {
		// the package initialiser (no position of its own) and the
		// function literals of its variables' initialisers
		fns = append(slices.Clip(fns), init)
		for i := len(fns) - 1; i < len(fns); i++ {
			fns = append(fns, fns[i].AnonFuncs...)
		}
	}
	for _, fn := range fns {
		if st.rep.IsTestFile(fn.Pos()) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if pos := instr.Pos(); pos.IsValid() && st.rep.IsTestFile(pos) {
					continue // an initialiser of a test file's variable
				}
				switch instr := instr.(type) {
				case *ssa.Store:
					switch a := instr.Addr.(type) {
					case *ssa.FieldAddr:
						add(instr.Val, fieldName(a.X.Type(), a.Field))
					case *ssa.Global:
						add(instr.Val, a.Name())
					}
				case *ssa.Phi:
					for _, e := range instr.Edges {
						add(e, slotName(instr, 0))
					}
				case ssa.CallInstruction:
					c := instr.Common()
					if sf := c.StaticCallee(); sf != nil && !c.IsInvoke() && sf.Pkg != nil && sf.Pkg.Pkg == st.pass.Pkg {
						for i, a := range c.Args {
							name := ""
							if i < len(sf.Params) {
								name = sf.Params[i].Name()
							}
							add(a, name)
						}
					}
				}
			}
		}
	}
	st.injected = &out
	return out
}

// libraryCreation is a call of a library constructor: one of the table's
// or of the settings'.
func (st *state) libraryCreation(call *ssa.Call, callee *types.Func) *creation {
	for _, k := range apis.NetlinkConstructors {
		if match.Is(callee, k.Func) {
			return st.newCreation(call, k.Result, k.Kind.Noun, k.Kind.Why, k.Kind.ReleaseMethods, nil,
				shortName(callee), k.Kind.Preferred)
		}
	}
	if match.IsAny(callee, st.ext.ctors) {
		return st.configured(call, callee)
	}
	return nil
}

// configured is a call of a constructor added in the settings: its first
// result is released by Close or by the settings' release entries.
func (st *state) configured(call *ssa.Call, callee *types.Func) *creation {
	sig := callee.Type().(*types.Signature)
	if sig.Results().Len() == 0 {
		return nil
	}
	t := sig.Results().At(0).Type()
	noun := types.TypeString(t, func(p *types.Package) string { return p.Name() })
	release := appendNew([]string{"Close"}, st.ext.methods)
	pref := ""
	for _, m := range release {
		if slices.Contains(resource.ReleaseMethodsOf(t, []string{m}), m) {
			pref = m
			break
		}
	}
	// release functions: those of the settings that take this type
	// first (the message names the first), then the others; for a raw
	// descriptor, unix.Close and syscall.Close too
	var fits, others []apis.Func
	for _, f := range st.ext.funcs {
		if st.takes(f, t) {
			fits = append(fits, f)
		} else {
			others = append(others, f)
		}
	}
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
		fits = append(fits, apis.RawNetlinkFD.ReleaseFuncs...)
	}
	return st.newCreation(call, 0, noun, shortName(callee)+" is a resource constructor in ctrlvet's settings",
		release, append(fits, others...), shortName(callee), pref)
}

// takes reports whether the function or method f, looked up in this
// package or its imports, takes a value of type t as its first parameter.
func (st *state) takes(f apis.Func, t types.Type) bool {
	for _, p := range append([]*types.Package{st.pass.Pkg}, st.pass.Pkg.Imports()...) {
		if match.PkgPath(p) != f.Pkg {
			continue
		}
		var obj types.Object
		if f.Recv == "" {
			obj = p.Scope().Lookup(f.Name)
		} else if tn, ok := p.Scope().Lookup(f.Recv).(*types.TypeName); ok {
			obj, _, _ = types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, p, f.Name)
		}
		fn, ok := obj.(*types.Func)
		if !ok {
			return false
		}
		sig := fn.Type().(*types.Signature)
		return sig.Params().Len() > 0 && types.AssignableTo(t, sig.Params().At(0).Type())
	}
	return false
}

func appendNew(dst, src []string) []string {
	out := slices.Clip(dst)
	for _, x := range src {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func (st *state) newCreation(call *ssa.Call, result int, noun, why string, release []string, relFns []apis.Func, base, pref string) *creation {
	c := &creation{call: call, noun: noun, why: why, release: release, relFns: relFns, base: base, pref: pref}
	val, errv, ok := resource.Results(call, result)
	if !ok {
		return nil
	}
	c.val, c.errv = val, errv
	if c.val == nil {
		// the resource result is discarded: nothing can release it
		c.val = call
	}
	return c
}

// ctor reports whether fn (of this package) returns a fresh resource the
// caller must release, and how.
func (st *state) ctor(fn *ssa.Function) *constructorFact {
	if f, ok := st.ctors[fn]; ok {
		return f
	}
	if st.visiting[fn] || fn.Signature.Results().Len() == 0 {
		return nil
	}
	st.visiting[fn] = true
	defer func() { st.visiting[fn] = false }()
	var fact *constructorFact
	for _, c := range st.creations(fn) {
		if c.val == ssa.Value(c.call) && isTupleType(c.call.Type()) {
			continue
		}
		pol := st.policy(c)
		res := resource.Track(pol, fn, c.call, c.val, c.errv)
		if res.Unknown || res.Escaped {
			continue
		}
		names := resource.ReleaseNames
		if pol.WrapperRelease != nil {
			names = pol.WrapperRelease
		}
		for idx, typ := range res.Returned {
			release := c.release
			if res.Wrapped || !sameRelease(typ, c) {
				release = resource.ReleaseMethodsOf(typ, names)
				if len(release) == 0 {
					continue
				}
			}
			fact = &constructorFact{Result: idx, Noun: c.noun, Why: c.why, Release: release, Base: c.base}
			break
		}
		if fact != nil {
			break
		}
	}
	st.ctors[fn] = fact
	return fact
}

// sameRelease reports whether the returned type is released the way the
// resource itself is (the resource returned as it is).
func sameRelease(typ types.Type, c *creation) bool {
	if len(c.relFns) > 0 {
		return true // a raw fd returned as an int
	}
	for _, m := range c.release {
		if !slices.Contains(resource.ReleaseMethodsOf(typ, c.release), m) {
			return false
		}
	}
	return true
}

// releasedParams lists the parameters of fn that fn releases.
func (st *state) releasedParams(fn *ssa.Function) []int {
	var out []int
	for i, p := range fn.Params {
		methods := releaseMethodsFor(p.Type())
		if len(methods) == 0 {
			continue
		}
		pol := &resource.Policy{ReleaseMethods: methods, Borrowing: apis.BorrowingPackages, ParamReleases: st.paramReleases}
		if resource.ParamReleased(pol, fn, i) {
			out = append(out, i)
		}
	}
	return out
}

// releaseMethodsFor returns how a parameter of type t would be released,
// if t is a netlink resource type or a wrapper with a release method.
func releaseMethodsFor(t types.Type) []string {
	switch {
	case match.IsPointerTo(t, apis.Netlink, "Handle"):
		return apis.NetlinkHandle.ReleaseMethods
	case match.IsNamed(t, apis.Netns, "NsHandle"):
		return apis.NetnsHandle.ReleaseMethods
	case match.IsPointerTo(t, apis.NetlinkNL, "NetlinkSocket"):
		return apis.NetlinkSocket.ReleaseMethods
	case match.IsNamed(t, apis.CNINS, "NetNS"):
		return apis.CNINetNS.ReleaseMethods
	case match.IsPointerTo(t, apis.Fsnotify, "Watcher"), match.IsPointerTo(t, apis.FsnotifyV1, "Watcher"):
		return apis.InotifyWatcher.ReleaseMethods
	case match.IsPointerTo(t, apis.GRPC, "ClientConn"):
		return apis.GRPCConn.ReleaseMethods
	}
	return nil
}

// check reports the resources made in fn that leak on some path.
func (st *state) check(fn *ssa.Function) {
	if fn.Synthetic != "" || st.rep.IsTestFile(fn.Pos()) {
		return
	}
	for _, c := range st.creations(fn) {
		st.checkCreation(fn, c)
	}
	st.checkSubscriptions(fn)
}

func (st *state) checkCreation(fn *ssa.Function, c *creation) {
	res := resource.Track(st.policy(c), fn, c.call, c.val, c.errv)
	if res.Unknown || (len(res.Leaks) == 0 && !res.LoopLeak) {
		return
	}
	if !res.LoopLeak && st.ext.freq.At(c.call).OnlyOnce() {
		// made once for the life of the process
		return
	}
	pos := c.call.Pos()
	if !pos.IsValid() {
		return
	}
	fset := st.pass.Fset
	how := "call " + strings.Join(c.release, " or ")
	if len(c.relFns) > 0 {
		f := c.relFns[0]
		how = "call " + f.Pkg[strings.LastIndex(f.Pkg, "/")+1:] + "." + f.Name
	}
	if c.pref != "" {
		how = "call " + c.pref
	}
	var what string
	switch {
	case res.LoopLeak && len(res.Leaks) == 0:
		what = fmt.Sprintf("%s from %s is made again on every loop iteration while the previous one is still open (%s on each iteration)", c.noun, c.base, how)
	case res.Never():
		what = fmt.Sprintf("%s from %s is never released: it leaks on every return (%s)", c.noun, c.base, how)
	default:
		where := "reaches the end of " + match.FuncName(fn)
		for _, r := range res.Leaks {
			if r.Pos().IsValid() {
				where = fmt.Sprintf("returns at line %d", fset.Position(r.Pos()).Line)
				break
			}
		}
		what = fmt.Sprintf("%s from %s is not released on the path that %s (%s)", c.noun, c.base, where, how)
	}
	if loop := st.loopNote(fn, res); loop != "" {
		what += "; " + loop
	}
	start, end := diag.CallRange(st.pass, pos)
	d := analysis.Diagnostic{
		Pos:     start,
		End:     end,
		Message: what + "; " + c.why,
	}
	for _, r := range res.Leaks {
		if r.Pos().IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: r.Pos(), Message: "returns here without releasing the " + c.noun})
		} else if syn := fn.Syntax(); syn != nil && syn.End().IsValid() {
			// the implicit return: the closing brace
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: syn.End() - 1, Message: "reaches the end without releasing the " + c.noun})
		}
	}
	diag.SortRelated(d.Related)
	if res.Never() && !res.LoopLeak && !st.loops.In(c.call.Block()) && c.pref != "" {
		if fix, ok := st.deferFix(c); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	st.rep.Report(d)
}

// loopNote says when the leak repeats: the resource is made in a loop, or
// the function is called in a loop by another function of the package.
func (st *state) loopNote(fn *ssa.Function, res *resource.Result) string {
	if res.LoopLeak {
		return "it is made in a loop, so one leaks per iteration"
	}
	if callers := st.callers[fn]; len(callers) > 0 {
		return fmt.Sprintf("%s runs in a loop in %s, so one leaks per call", match.FuncName(fn), match.FuncName(callers[0]))
	}
	return ""
}

// loopCallers records, for each function, the functions of the package
// that call it from inside a loop.
func (st *state) loopCallers(fns []*ssa.Function) {
	for _, caller := range fns {
		for _, b := range caller.Blocks {
			inLoop := -1
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				callee := call.Common().StaticCallee()
				if callee == nil || callee.Pkg == nil || callee.Pkg.Pkg != st.pass.Pkg {
					continue
				}
				if inLoop < 0 {
					inLoop = 0
					if st.loops.In(b) {
						inLoop = 1
					}
				}
				if inLoop == 1 && !slices.Contains(st.callers[callee], caller) {
					st.callers[callee] = append(st.callers[callee], caller)
				}
			}
		}
	}
}

// deferFix offers `defer x.Close()` after `x, err := ctor(...)` and its
// `if err != nil { ... }`, when the syntax has exactly that shape.
func (st *state) deferFix(c *creation) (analysis.SuggestedFix, bool) {
	pos := c.call.Pos()
	var file *ast.File
	for _, f := range st.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			file = f
			break
		}
	}
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	path, _ := astutil.PathEnclosingInterval(file, pos, pos)
	var assign *ast.AssignStmt
	var block *ast.BlockStmt
	for i, n := range path {
		if a, ok := n.(*ast.AssignStmt); ok && i+1 < len(path) {
			assign = a
			block, _ = path[i+1].(*ast.BlockStmt)
			break
		}
		if _, ok := n.(ast.Stmt); ok {
			return analysis.SuggestedFix{}, false
		}
	}
	if assign == nil || block == nil || len(assign.Rhs) != 1 || !inner(assign.Rhs[0], pos) {
		return analysis.SuggestedFix{}, false
	}
	tuple, _ := c.call.Type().(*types.Tuple)
	idx := 0
	if tuple != nil {
		if v, ok := c.val.(*ssa.Extract); ok {
			idx = v.Index
		}
	}
	if idx >= len(assign.Lhs) {
		return analysis.SuggestedFix{}, false
	}
	id, ok := assign.Lhs[idx].(*ast.Ident)
	if !ok || id.Name == "_" {
		return analysis.SuggestedFix{}, false
	}
	at := -1
	for i, s := range block.List {
		if s == assign {
			at = i
		}
	}
	if at < 0 {
		return analysis.SuggestedFix{}, false
	}
	after := ast.Stmt(assign)
	if c.errv != nil {
		if at+1 >= len(block.List) {
			return analysis.SuggestedFix{}, false
		}
		ifs, ok := block.List[at+1].(*ast.IfStmt)
		if !ok || ifs.Init != nil || !terminates(ifs.Body) || ifs.Else != nil || !isErrCheck(ifs.Cond, assign, idx) {
			return analysis.SuggestedFix{}, false
		}
		after = ifs
	}
	text := fmt.Sprintf("\n%sdefer %s.%s()", indent(st.pass.Fset, file, assign.Pos()), id.Name, c.pref)
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Release the %s with defer %s.%s()", c.noun, id.Name, c.pref),
		TextEdits: []analysis.TextEdit{{Pos: after.End(), End: after.End(), NewText: []byte(text)}},
	}, true
}

// isErrCheck reports whether cond is `err != nil` for the error that the
// assignment's last left-hand side receives.
func isErrCheck(cond ast.Expr, assign *ast.AssignStmt, resIdx int) bool {
	last := len(assign.Lhs) - 1
	if last == resIdx {
		return false
	}
	errID, ok := assign.Lhs[last].(*ast.Ident)
	if !ok {
		return false
	}
	be, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || be.Op != token.NEQ {
		return false
	}
	x, okx := ast.Unparen(be.X).(*ast.Ident)
	y, oky := ast.Unparen(be.Y).(*ast.Ident)
	return okx && oky && x.Name == errID.Name && y.Name == "nil"
}

func inner(e ast.Expr, pos token.Pos) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && call.Lparen == pos
}

// terminates reports whether a block ends with return, panic or a
// control transfer out of it.
func terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "panic" {
				return true
			}
		}
	}
	return false
}

func indent(fset *token.FileSet, file *ast.File, pos token.Pos) string {
	col := fset.Position(pos).Column
	return strings.Repeat("\t", max(col-1, 0))
}

func isTupleType(t types.Type) bool {
	_, ok := t.(*types.Tuple)
	return ok
}

// shortName is how messages name a callee: pkg.Func or Type.Method.
func shortName(f *types.Func) string {
	sig, _ := f.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		if r := match.RecvName(sig.Recv().Type()); r != "" {
			return r + "." + f.Name()
		}
		return f.Name()
	}
	if f.Pkg() != nil {
		return f.Pkg().Name() + "." + f.Name()
	}
	return f.Name()
}

// checkSubscriptions reports netlink.*Subscribe* calls made per call or
// per loop iteration whose done channel is never closed.
func (st *state) checkSubscriptions(fn *ssa.Function) {
	if st.ext.freq.Of(fn).OnlyOnce() {
		return
	}
	for call := range match.Calls(fn) {
		callee := match.CalleeObject(call.Common())
		if callee == nil || match.PkgPath(callee.Pkg()) != apis.Netlink {
			continue
		}
		for _, sf := range apis.NetlinkSubscribeFuncs {
			if callee.Name() != sf.Name || sf.DoneParam >= len(call.Common().Args) {
				continue
			}
			st.checkDone(fn, call, callee, call.Common().Args[sf.DoneParam])
		}
	}
}

func (st *state) checkDone(fn *ssa.Function, call *ssa.Call, callee *types.Func, done ssa.Value) {
	for {
		ct, ok := done.(*ssa.ChangeType)
		if !ok {
			break
		}
		done = ct.X
	}
	const why = "each subscription keeps a goroutine and a netlink socket until its done channel is closed"
	switch d := done.(type) {
	case *ssa.Const:
		if d.IsNil() && st.loops.In(call.Block()) {
			start, end := diag.CallRange(st.pass, call.Pos())
			st.rep.Report(analysis.Diagnostic{
				Pos: start,
				End: end,
				Message: fmt.Sprintf("netlink.%s with a nil done channel runs on every loop iteration and never stops; %s",
					callee.Name(), why),
			})
		}
	case *ssa.MakeChan:
		pol := &resource.Policy{ReleaseBuiltinClose: true, Borrowing: []string{apis.Netlink}}
		res := resource.Track(pol, fn, d, d, nil)
		if res.Unknown || !res.Never() {
			return
		}
		start, end := diag.CallRange(st.pass, call.Pos())
		rd := analysis.Diagnostic{
			Pos: start,
			End: end,
			Message: fmt.Sprintf("netlink.%s subscription is never stopped: its done channel is never closed, so every call of %s leaves one behind; %s",
				callee.Name(), match.FuncName(fn), why),
			Related: []analysis.RelatedInformation{{Pos: d.Pos(), Message: "done channel made here"}},
		}
		st.rep.Report(rd)
	}
}
