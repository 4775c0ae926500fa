// Package frequency is the stage of ctrlvet's model that says how often
// code runs: once (main, init, constructors only they call), per call (as
// often as callers we cannot see), per informer event, per reconcile, per
// workqueue item, per iteration of a long-running loop, per tick, per
// retry, per request or connection, per configuration reload.
//
// It is a helper analyzer that reports nothing. Its result is read only:
// analyzers ask Of(fn), At(instr) and Why(fn). Roots are found from the
// APIs of internal/apis (event handler methods and handler func structs,
// Reconcile methods, wait.Until and tickers, wait.Poll and backoff.Retry,
// http.Handler, webhooks, gRPC services, accept loops, file watches and
// provider messages) and from the settings' reload entry points; the
// frequencies flow down the package's call graph.
//
// Across packages, a function that calls a parameter (a function, or a
// method of an interface value) at a recurring frequency exports a
// ParamFact ("my parameter f is called per tick inside me"): an importer
// that passes a function there completes the answer, as printf's wrapper
// facts do.
package frequency

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/guard"
	"github.com/ctrlvet/ctrlvet/internal/lazyssa"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Analyzer computes frequencies from ctrlvet's built-in APIs.
var Analyzer = New(nil)

// New returns the frequency analyzer that also treats the reload entry
// points of s as running per configuration reload (read when it runs). A
// nil s adds nothing. The analyzers of one run share one frequency
// analyzer.
func New(s *config.Frequency) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "frequency",
		Doc:        "compute how often each function runs: once, per event, per reconcile, per tick, per request, per reload (reports nothing)",
		Requires:   []*analysis.Analyzer{lazyssa.Analyzer},
		FactTypes:  []analysis.Fact{new(ParamFact)},
		ResultType: reflect.TypeFor[*Result](),
		Run: guard.Run("frequency", func(pass *analysis.Pass) (any, error) {
			var reload []apis.Func
			if s != nil {
				var err error
				if reload, err = apis.ParseFuncs(s.ReloadEntryPoints); err != nil {
					return nil, fmt.Errorf("frequency.reload-entry-points: %w", err)
				}
			}
			return run(pass, reload)
		}),
	}
}

// ParamFact says, for an exported function, which of its parameters it
// calls (or whose methods it calls) at a recurring frequency, counted per
// call of the function.
type ParamFact struct {
	Params []ParamFreq
}

// ParamFreq is one entry of a ParamFact: parameter Param (from 0, the
// receiver not counted), called itself (Method == "") or through its
// method Method, runs at Freq, for the reason Why.
type ParamFreq struct {
	Param  int
	Method string
	Freq   Freq
	Why    string
}

// AFact marks ParamFact as a fact.
func (*ParamFact) AFact() {}

func (f *ParamFact) String() string {
	var parts []string
	for _, p := range f.Params {
		m := ""
		if p.Method != "" {
			m = "." + p.Method
		}
		parts = append(parts, fmt.Sprintf("param %d%s %s", p.Param, m, p.Freq))
	}
	return "calls(" + strings.Join(parts, "; ") + ")"
}

// Result is the frequency of the functions of one package.
type Result struct {
	entry map[*ssa.Function]bool
	freq  map[*ssa.Function]Freq
	why   map[*ssa.Function]string
	block map[*ssa.BasicBlock]loopFreq
}

type loopFreq struct {
	f   Freq
	why string
}

// Of returns how often fn runs (0 for a function of another package).
func (r *Result) Of(fn *ssa.Function) Freq {
	if r == nil {
		return 0
	}
	return r.freq[origin(fn)]
}

// Entry reports whether fn is called back by the world rather than by the
// package's own code: an event handler, a reconciler, a request handler,
// a function handed to wait.Until or registered as a handler, a reload
// entry point. What such a function captures, and its receiver, live as
// long as its registration.
func (r *Result) Entry(fn *ssa.Function) bool {
	return r != nil && r.entry[origin(fn)]
}

// At returns how often instr runs: its function's frequency and that of
// the long-running loops around it.
func (r *Result) At(instr ssa.Instruction) Freq {
	if r == nil || instr.Block() == nil {
		return 0
	}
	return r.freq[origin(instr.Parent())] | r.block[instr.Block()].f
}

// Why says why fn runs at its recurring frequency ("OnAdd is an informer
// event handler"), or "".
func (r *Result) Why(fn *ssa.Function) string {
	if r == nil {
		return ""
	}
	return r.why[origin(fn)]
}

// WhyAt says why instr runs at its recurring frequency: the reason of the
// frequency that messages name (At(instr).Main()): its loop's when the
// loop brings it (a loop over a workqueue's items in a worker that
// wait.Until runs per tick runs per queue item), else its function's.
func (r *Result) WhyAt(instr ssa.Instruction) string {
	if r == nil || instr.Block() == nil {
		return ""
	}
	l := r.block[instr.Block()]
	fn := r.Of(instr.Parent())
	if main := r.At(instr).Main(); l.f.Repeats() && (!fn.Repeats() || l.f&main != 0 && fn&main == 0) {
		return l.why
	}
	return r.Why(instr.Parent())
}

func origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// builder holds the work of one run.
type builder struct {
	pass   *analysis.Pass
	res    *Result
	fns    []*ssa.Function
	inPkg  map[*ssa.Function]bool
	reload []apis.Func
	// edges from a function: the call (or reference) site and what the
	// callee gets there on top of the site's frequency.
	out map[*ssa.Function][]edge
	// methods of the package by name, for interface calls
	methods map[string][]*ssa.Function
	// grpcTypes are types registered as gRPC services
	grpcTypes map[*types.TypeName]bool
	params    map[*ssa.Function][]ParamFreq
	slotted   []ssa.Value // values of the current instruction passed to a callback slot
}

type edge struct {
	site   ssa.Instruction
	callee *ssa.Function
	// slot: the callee is called back by an API at extra (not at the
	// site's own frequency, except what of it recurs)
	slot  bool
	extra Freq
	why   string
	// exact: the callee runs at extra, whatever the site's frequency
	// (the function of a package-level sync.Once runs once)
	exact bool
}

func run(pass *analysis.Pass, reload []apis.Func) (any, error) {
	_, fns := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Builder).Build()
	b := &builder{
		pass:      pass,
		res:       &Result{entry: make(map[*ssa.Function]bool), freq: make(map[*ssa.Function]Freq), why: make(map[*ssa.Function]string), block: make(map[*ssa.BasicBlock]loopFreq)},
		fns:       fns,
		inPkg:     make(map[*ssa.Function]bool),
		reload:    reload,
		out:       make(map[*ssa.Function][]edge),
		methods:   make(map[string][]*ssa.Function),
		grpcTypes: make(map[*types.TypeName]bool),
		params:    make(map[*ssa.Function][]ParamFreq),
	}
	for _, fn := range fns {
		b.inPkg[fn] = true
		if fn.Signature.Recv() != nil {
			b.methods[fn.Name()] = append(b.methods[fn.Name()], fn)
		}
	}
	for _, fn := range fns {
		if len(fn.Blocks) <= maxBlocks && !b.inTest(fn) {
			b.loops(fn)
		}
	}
	b.findGRPC()
	b.paramFreqs()
	for _, fn := range fns {
		if !b.inTest(fn) {
			b.edges(fn)
		}
	}
	b.propagate()
	b.exportFacts()
	return b.res, nil
}

// inTest reports whether fn is declared in a _test.go file: how often a
// test's loops and calls run says nothing of the process (a test looping
// over its cases until a queue drains does not make the constructor it
// calls run per queue item).
func (b *builder) inTest(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if !fn.Pos().IsValid() {
		return false
	}
	f := b.pass.Fset.File(fn.Pos())
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// Bounds on the work per package.
const (
	maxBlocks  = 5000 // functions with more blocks get no loop frequencies
	maxRounds  = 8    // rounds of the parameter summaries' fixpoint
	maxImpls   = 32   // in-package methods an interface call may reach
	maxWhyLen  = 160
	paramDepth = 4 // closures followed from a parameter
)

// root returns the frequency fn has by itself, and why.
func (b *builder) root(fn *ssa.Function) (Freq, string) {
	if fn.Parent() != nil {
		return 0, ""
	}
	name := fn.Name()
	if fn.Signature.Recv() == nil {
		if name == "init" || strings.HasPrefix(name, "init#") || (name == "main" && fn.Pkg.Pkg.Name() == "main") {
			return Once, ""
		}
		if obj, ok := fn.Object().(*types.Func); ok && match.IsAny(obj, b.reload) {
			return PerReload, name + " is a reload entry point in ctrlvet's settings"
		}
		return 0, ""
	}
	obj, _ := fn.Object().(*types.Func)
	recv := fn.Signature.Recv().Type()
	if obj != nil && match.IsAny(obj, b.reload) {
		return PerReload, recvName(recv) + "." + name + " is a reload entry point in ctrlvet's settings"
	}
	switch {
	case isEventMethod(fn):
		return PerEvent, recvName(recv) + "." + name + " handles informer events"
	case isReconcile(fn):
		return PerReconcile, recvName(recv) + ".Reconcile runs per reconcile"
	case isServeHTTP(fn):
		return PerRequest, recvName(recv) + ".ServeHTTP serves HTTP requests"
	case isWebhookMethod(fn):
		return PerRequest, recvName(recv) + "." + name + " serves admission requests"
	case b.isGRPCMethod(fn):
		return PerRequest, recvName(recv) + "." + name + " serves gRPC calls"
	}
	return 0, ""
}

func recvName(t types.Type) string {
	if n := match.RecvName(t); n != "" {
		return n
	}
	return types.TypeString(t, func(*types.Package) string { return "" })
}

// isEventMethod reports whether fn is OnAdd/OnUpdate/OnDelete of a
// client-go handler (its type has all three), or Create/Update/Delete/
// Generic taking a controller-runtime event.
func isEventMethod(fn *ssa.Function) bool {
	name := fn.Name()
	if !slices.Contains(apis.EventMethods, name) {
		return false
	}
	params := fn.Signature.Params()
	if strings.HasPrefix(name, "On") {
		ms := types.NewMethodSet(types.NewPointer(deref(fn.Signature.Recv().Type())))
		for _, m := range []string{"OnAdd", "OnUpdate", "OnDelete"} {
			if ms.Lookup(nil, m) == nil && ms.Lookup(fn.Pkg.Pkg, m) == nil {
				return false
			}
		}
		return params.Len() >= 1
	}
	for i := range params.Len() {
		if n := namedOf(params.At(i).Type()); n != nil && n.Obj().Pkg() != nil && match.PkgPath(n.Obj().Pkg()) == apis.CREvent {
			return true
		}
	}
	return false
}

func isReconcile(fn *ssa.Function) bool {
	res := fn.Signature.Results()
	return fn.Name() == "Reconcile" && res.Len() == 2 && match.IsNamed(res.At(0).Type(), apis.CRReconcile, "Result")
}

func isServeHTTP(fn *ssa.Function) bool {
	p := fn.Signature.Params()
	return fn.Name() == "ServeHTTP" && p.Len() == 2 && match.IsNamed(p.At(0).Type(), apis.NetHTTP, "ResponseWriter")
}

func isWebhookMethod(fn *ssa.Function) bool {
	if !slices.Contains(apis.WebhookMethods, fn.Name()) {
		return false
	}
	sig := fn.Signature
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := range tup.Len() {
			if n := namedOf(tup.At(i).Type()); n != nil && n.Obj().Pkg() != nil && match.PkgPath(n.Obj().Pkg()) == apis.CRAdmission {
				return true
			}
		}
	}
	return false
}

func (b *builder) isGRPCMethod(fn *ssa.Function) bool {
	n := namedOf(fn.Signature.Recv().Type())
	return n != nil && b.grpcTypes[n.Obj()] && token.IsExported(fn.Name())
}

// findGRPC records the types passed as the service of a generated
// Register<Service>Server(s *grpc.Server, srv <Service>Server).
func (b *builder) findGRPC() {
	for call := range match.Calls(b.fns...) {
		callee := match.CalleeObject(call.Common())
		if callee == nil || !strings.HasPrefix(callee.Name(), "Register") || !strings.HasSuffix(callee.Name(), "Server") {
			continue
		}
		sig := callee.Type().(*types.Signature)
		if sig.Params().Len() != 2 || !isAnyNamed(sig.Params().At(0).Type(), apis.GRPCServerTypes) {
			continue
		}
		args := call.Common().Args
		if mi, ok := args[len(args)-1].(*ssa.MakeInterface); ok {
			if n := namedOf(mi.X.Type()); n != nil {
				b.grpcTypes[n.Obj()] = true
			}
		}
	}
}

func isAnyNamed(t types.Type, fs []apis.Func) bool {
	for _, f := range fs {
		if match.IsNamed(t, f.Pkg, f.Name) {
			return true
		}
	}
	return false
}

func deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func namedOf(t types.Type) *types.Named {
	n, _ := types.Unalias(deref(t)).(*types.Named)
	return n
}

// external reports whether callers we cannot see may call fn: an
// exported function or method of a library, or any method (interfaces).
func external(fn *ssa.Function) bool {
	if fn.Parent() != nil {
		return false
	}
	if fn.Signature.Recv() != nil {
		return true
	}
	return fn.Pkg.Pkg.Name() != "main" && token.IsExported(fn.Name())
}

// propagate computes each function's frequency: its own (root, external
// callers) and what flows from its callers, to a fixpoint (frequencies
// only grow, and there are few bits, so it ends).
func (b *builder) propagate() {
	res := b.res
	work := make([]*ssa.Function, 0, len(b.fns))
	for _, fn := range b.fns {
		f, why := b.root(fn)
		if f.Repeats() {
			res.entry[fn] = true
		}
		if external(fn) && f == 0 {
			f |= PerCall
		}
		res.freq[fn] |= f
		if why != "" {
			res.why[fn] = why
		}
		work = append(work, fn)
	}
	queued := make(map[*ssa.Function]bool, len(work))
	for _, fn := range work {
		queued[fn] = true
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		queued[fn] = false
		for _, e := range b.out[fn] {
			at := res.At(e.site)
			add := at
			why := res.WhyAt(e.site)
			switch {
			case e.exact:
				add = e.extra
			case e.slot && e.extra != 0:
				add = e.extra | at&Recurring
				if e.extra.Repeats() || why == "" {
					why = e.why
				}
			case !e.slot && e.extra != 0:
				add = at | e.extra // handed on: also as often as callers we cannot see
			default:
				if l := res.block[e.site.Block()]; l.f.Repeats() && !res.freq[fn].Repeats() {
					why = l.why
				}
			}
			if e.slot && add.Repeats() && !res.entry[e.callee] {
				// called back by an API or a library: what it is
				// given comes from there
				res.entry[e.callee] = true
			}
			old := res.freq[e.callee]
			if old|add == old {
				continue
			}
			res.freq[e.callee] = old | add
			if res.why[e.callee] == "" && add.Repeats() && why != "" {
				res.why[e.callee] = why
			}
			if !queued[e.callee] {
				queued[e.callee] = true
				work = append(work, e.callee)
			}
		}
	}
}
