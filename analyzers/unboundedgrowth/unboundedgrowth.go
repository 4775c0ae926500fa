package unboundedgrowth

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/diag"
	"github.com/ctrlvet/ctrlvet/internal/docutil"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
	"github.com/ctrlvet/ctrlvet/internal/frequency"
	"github.com/ctrlvet/ctrlvet/internal/guard"
	"github.com/ctrlvet/ctrlvet/internal/lazyssa"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

//go:embed doc.go
var docFile string

const name = "unboundedgrowth"

// Analyzer reports long-lived state grown on recurring code and never
// released, on the built-in frequency stage.
var Analyzer = New(frequency.Analyzer)

// New returns the analyzer on the frequency stage freq (the one every
// analyzer of a run shares).
func New(freq *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      name,
		Doc:       docutil.Extract(docFile, name),
		URL:       "https://github.com/ctrlvet/ctrlvet/blob/main/docs/unboundedgrowth.md",
		Requires:  []*analysis.Analyzer{lazyssa.Analyzer, freq},
		FactTypes: []analysis.Fact{new(GrowFact), new(ReleaseFact), new(ClosedResultFact)},
		Run: guard.Run(name, func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[freq].(*frequency.Result))
		}),
	}
}

// kind is what grows.
type kind uint8

const (
	kMap kind = iota
	kSyncMap
	kSlice
	kMetric
)

var nouns = []string{"map", "sync.Map", "slice", "metric vector"}

// growth is one way a function grows a piece of state.
type growth struct {
	Kind  kind
	State state
	Root  root
	Key   class
	// Via names the function of another package that grows it, or "".
	Via string
	// site is the instruction in this function (the growth, or the call
	// that leads to it); orig is where it grows, when in this package.
	site ssa.Instruction
	orig token.Pos
}

// GrowFact summarises what an exported function grows that its caller
// decides about: state held by its parameters, or keyed by them.
type GrowFact struct {
	Growths []FactGrowth
}

// FactGrowth is one growth of a GrowFact.
type FactGrowth struct {
	Kind      uint8
	StateKey  string
	StateName string
	RootKind  uint8 // rGlobal, rParam or rOwn
	RootIdx   int
	KeyDyn    bool
	KeyParams uint64
	Via       string
}

// AFact marks GrowFact as a fact.
func (*GrowFact) AFact() {}

func (f *GrowFact) String() string {
	var parts []string
	for _, g := range f.Growths {
		parts = append(parts, g.StateName)
	}
	return "grows(" + strings.Join(parts, ", ") + ")"
}

// ClosedResultFact marks an exported function whose result is a value
// of a closed set whatever its arguments (an object's kind): a key or
// label made by it does not grow with the objects seen.
type ClosedResultFact struct{}

// AFact marks ClosedResultFact as a fact.
func (*ClosedResultFact) AFact() {}

func (*ClosedResultFact) String() string { return "closed" }

// ReleaseFact lists the state a package releases (deletes from, trims,
// resets, bounds, or hands to code we cannot follow).
type ReleaseFact struct {
	States []string
}

// AFact marks ReleaseFact as a fact.
func (*ReleaseFact) AFact() {}

func (f *ReleaseFact) String() string { return "releases(" + strings.Join(f.States, ", ") + ")" }

type checker struct {
	pass       *analysis.Pass
	freq       *frequency.Result
	fns        []*ssa.Function
	inPkg      map[*ssa.Function]bool
	keyMemo    map[ssa.Value]class
	sums       map[*ssa.Function][]growth
	visiting   map[*ssa.Function]bool
	released   map[string]token.Pos // state key -> where (NoPos: another package)
	lazy       map[*ssa.Function]map[string]bool
	closedMemo map[ssa.Value]bool       // closedValue, memoised
	closedAt   map[resultAt]bool        // closedResultAt, memoised
	fixed      map[any]bool             // fixedContainer, memoised
	sites      map[*ssa.Function][]site // in-package calls of a function, made on demand
	valued     map[*ssa.Function]bool   // functions used as values
	takenMemo  map[ssa.Value]bool       // takenOrConstant, memoised

	// local: the package is the user's own code, where summaries are
	// made (FactGate)
	local bool

	rep     *diag.Reporter
	delDone bool
	delPos  token.Pos
	delWhat string
}

func run(pass *analysis.Pass, freq *frequency.Result) (any, error) {
	_, fns := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Builder).Build()
	a := &checker{
		pass:       pass,
		freq:       freq,
		fns:        fns,
		inPkg:      make(map[*ssa.Function]bool),
		keyMemo:    make(map[ssa.Value]class),
		takenMemo:  make(map[ssa.Value]bool),
		sums:       make(map[*ssa.Function][]growth),
		visiting:   make(map[*ssa.Function]bool),
		released:   make(map[string]token.Pos),
		lazy:       make(map[*ssa.Function]map[string]bool),
		closedMemo: make(map[ssa.Value]bool),
		closedAt:   make(map[resultAt]bool),
		fixed:      make(map[any]bool),
	}
	for _, fn := range fns {
		a.inPkg[fn] = true
	}
	a.rep = diag.New(pass, name)
	a.local = factgate.LocalPass(pass)
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return nil, nil // a generated test main
	}
	a.findReleases()
	a.exportFacts()
	a.report()
	a.reportLiving()
	a.reportUnforgotten()
	a.reportHandlerAdds()
	return nil, nil
}

// summary returns what fn grows: directly, and through the functions it
// calls (this package's, and others' through facts), with the state's
// holder and the key translated into fn's terms.
func (a *checker) summary(fn *ssa.Function) []growth {
	if s, ok := a.sums[fn]; ok {
		return s
	}
	if a.visiting[fn] || len(fn.Blocks) > maxBlocks {
		return nil
	}
	a.visiting[fn] = true
	defer func() { a.visiting[fn] = false }()
	var out []growth
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			out = append(out, a.direct(instr)...)
			if call, ok := instr.(ssa.CallInstruction); ok && len(out) < maxGrowths {
				out = append(out, a.through(call)...)
			}
		}
	}
	a.sums[fn] = out
	return out
}

// Bounds on the work.
const (
	maxBlocks  = 5000
	maxGrowths = 64
)

// direct returns the growth instr makes itself.
func (a *checker) direct(instr ssa.Instruction) []growth {
	switch in := instr.(type) {
	case *ssa.MapUpdate:
		if existingEntry(in) {
			return nil // an entry some other code added, updated in place
		}
		if st, r, ok := a.stateOf(in.Map, 0); ok {
			key := a.keyClass(in.Key, 0)
			if a.allowListed(in, in.Key, in.Map) {
				key = class{} // one of a list's: as many keys as the list has
			}
			return []growth{{Kind: kMap, State: st, Root: r, Key: key, site: in, orig: in.Pos()}}
		}
	case *ssa.Store:
		if a.appendsToSelf(in) {
			if st, r, ok := a.stateOfAddr(in.Addr, 0); ok {
				return []growth{{Kind: kSlice, State: st, Root: r, Key: class{dyn: true}, site: in, orig: in.Pos()}}
			}
		}
	case *ssa.Call:
		c := in.Common()
		callee := match.CalleeObject(c)
		if callee == nil {
			return nil
		}
		if isSyncMap(callee, apis.SyncMapGrow) {
			if st, r, ok := a.syncMapState(c); ok && len(c.Args) >= 2 {
				return []growth{{Kind: kSyncMap, State: st, Root: r, Key: a.keyClass(c.Args[1], 0), site: in, orig: in.Pos()}}
			}
		}
		if isVecMethod(callee, apis.MetricVecGrow) {
			recv := recvArg(c)
			if st, r, ok := a.stateOf(recv, 0); ok {
				key := a.labelClass(c, callee)
				key = key.or(a.curriedLabels(recv))
				return []growth{{Kind: kMetric, State: st, Root: r, Key: key, site: in, orig: in.Pos()}}
			}
		}
	}
	return nil
}

// existingEntry reports whether u writes an entry that is known to be
// there: a decrement of its own value (m[k]--, m[k] -= n: a count of
// something added before), or a write under a check that finds the key
// (if m[k] {...} of a map of bools, if _, ok := m[k]; ok {...}).
func existingEntry(u *ssa.MapUpdate) bool {
	if sub, ok := u.Value.(*ssa.BinOp); ok && sub.Op == token.SUB {
		if l, ok := sub.X.(*ssa.Lookup); ok && sameEntry(l, u) {
			return true
		}
	}
	for child := u.Block(); child != nil; child = child.Idom() {
		d := child.Idom()
		if d == nil || len(d.Succs) != 2 || d.Succs[0] != child || len(d.Succs[0].Preds) != 1 {
			continue
		}
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		switch c := iff.Cond.(type) {
		case *ssa.Lookup:
			// if m[k]: true only for a key that is there
			if !c.CommaOk && sameEntry(c, u) {
				return true
			}
		case *ssa.Extract:
			// if _, ok := m[k]; ok
			if l, ok := c.Tuple.(*ssa.Lookup); ok && c.Index == 1 && sameEntry(l, u) {
				return true
			}
		}
	}
	return false
}

// sameEntry reports whether l looks up the entry u writes: the same map
// (or the same field loaded again) and the same key.
func sameEntry(l *ssa.Lookup, u *ssa.MapUpdate) bool {
	return sameValue(l.X, u.Map) && sameValue(l.Index, u.Key)
}

// appendsToSelf reports whether s stores append(x, ...) back into x.
func (a *checker) appendsToSelf(s *ssa.Store) bool {
	call, ok := s.Val.(*ssa.Call)
	if !ok {
		return false
	}
	if b, ok := call.Common().Value.(*ssa.Builtin); !ok || b.Name() != "append" {
		return false
	}
	load, ok := call.Common().Args[0].(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	return sameAddr(load.X, s.Addr)
}

// sameAddr reports whether x and y are the same field of the same base,
// or the same variable.
func sameAddr(x, y ssa.Value) bool {
	if x == y {
		return true
	}
	fx, ok1 := x.(*ssa.FieldAddr)
	fy, ok2 := y.(*ssa.FieldAddr)
	if !ok1 || !ok2 || fx.Field != fy.Field {
		return false
	}
	return sameValue(fx.X, fy.X)
}

func sameValue(x, y ssa.Value) bool {
	if x == y {
		return true
	}
	lx, ok1 := x.(*ssa.UnOp)
	ly, ok2 := y.(*ssa.UnOp)
	if ok1 && ok2 && lx.Op == token.MUL && ly.Op == token.MUL {
		return sameAddr(lx.X, ly.X)
	}
	fx, ok1 := x.(*ssa.FieldAddr)
	fy, ok2 := y.(*ssa.FieldAddr)
	if ok1 && ok2 {
		return sameAddr(fx, fy)
	}
	return false
}

func isSyncMap(f *types.Func, names []string) bool {
	sig := f.Type().(*types.Signature)
	return sig.Recv() != nil && slices.Contains(names, f.Name()) && match.IsNamed(sig.Recv().Type(), apis.Sync, "Map")
}

// syncMapState resolves the receiver of a sync.Map method.
func (a *checker) syncMapState(c *ssa.CallCommon) (state, root, bool) {
	recv := recvArg(c)
	if st, r, ok := a.stateOfAddr(recv, 0); ok {
		return st, r, true
	}
	return a.stateOf(recv, 0)
}

// labelClass classifies the label values of WithLabelValues (variadic)
// or With (a prometheus.Labels literal).
func (a *checker) labelClass(c *ssa.CallCommon, callee *types.Func) class {
	off := match.ArgOffset(c, callee)
	var out class
	for _, arg := range c.Args[off:] {
		if vs := match.Varargs(arg); vs != nil {
			for _, v := range vs {
				out = out.or(a.keyClass(v, 0))
			}
			continue
		}
		out = out.or(a.labelsMap(arg))
	}
	return out
}

// labelsMap classifies the values put into a prometheus.Labels literal.
func (a *checker) labelsMap(v ssa.Value) class {
	if ct, ok := v.(*ssa.ChangeType); ok {
		v = ct.X
	}
	mm, ok := v.(*ssa.MakeMap)
	if !ok {
		return a.keyClass(v, 0)
	}
	var out class
	for _, r := range *mm.Referrers() {
		if u, ok := r.(*ssa.MapUpdate); ok && u.Map == ssa.Value(mm) {
			out = out.or(a.keyClass(u.Value, 0))
		}
	}
	return out
}

// curriedLabels classifies the labels fixed by CurryWith on the way to
// the vector.
func (a *checker) curriedLabels(v ssa.Value) class {
	call, ok := v.(*ssa.Call)
	if !ok {
		if e, ok := v.(*ssa.Extract); ok {
			call, ok = e.Tuple.(*ssa.Call)
			if !ok {
				return class{}
			}
		} else {
			return class{}
		}
	}
	callee := match.CalleeObject(call.Common())
	if callee == nil || !isVecMethod(callee, apis.MetricVecCurry) {
		return class{}
	}
	return a.labelClass(call.Common(), callee).or(a.curriedLabels(recvArg(call.Common())))
}

// through returns the growth a call leads to, in the caller's terms.
func (a *checker) through(call ssa.CallInstruction) []growth {
	c := call.Common()
	if c.IsInvoke() {
		return nil
	}
	var callee []growth
	via := ""
	local := false
	var localFn *ssa.Function
	if sf := c.StaticCallee(); sf != nil && a.inPkg[origin(sf)] {
		localFn = origin(sf)
		callee = a.summary(localFn)
		local = true
	} else if obj := match.CalleeObject(c); obj != nil && obj.Pkg() != nil && obj.Pkg() != a.pass.Pkg {
		var f GrowFact
		if !a.pass.ImportObjectFact(obj, &f) {
			return nil
		}
		for _, g := range f.Growths {
			callee = append(callee, growth{
				Kind: kind(g.Kind), State: state{Key: g.StateKey, Name: g.StateName},
				Root: root{rootKind(g.RootKind), g.RootIdx}, Key: class{g.KeyDyn, g.KeyParams}, Via: g.Via,
			})
		}
		via = funcName(obj)
	}
	var out []growth
	for _, g := range callee {
		ng := g
		ng.site = call
		if g.Via == "" && via != "" {
			ng.Via = via
		}
		switch {
		case via != "":
			ng.orig = token.NoPos
		case local && !g.orig.IsValid():
			ng.orig = g.site.Pos()
		}
		if local && ng.Via == "" {
			ng.Via = rootName(localFn)
		}
		switch g.Root.kind {
		case rGlobal:
		case rParam, rOwn:
			if g.Root.idx < 0 || g.Root.idx >= len(c.Args) {
				continue
			}
			arg := c.Args[g.Root.idx]
			if g.Root.kind == rOwn {
				st, r, ok := a.stateOf(arg, 0)
				if !ok || st.Key == "" && r.kind != rOwn {
					continue
				}
				if st.Key != "" {
					ng.State = st
				}
				ng.Root = r
			} else {
				ng.Root = a.rootOfPtr(arg, 0)
				if ng.Root.kind == rNone {
					ng.Root = a.rootOfValue(arg, 0)
				}
				if ng.Root.kind == rNone {
					continue // a local object: not long-lived
				}
			}
		default:
			continue
		}
		ng.Key = class{dyn: g.Key.dyn}
		for i := range 64 {
			if g.Key.params&(1<<i) != 0 && i < len(c.Args) {
				ng.Key = ng.Key.or(a.keyClass(c.Args[i], 0))
			}
		}
		out = append(out, ng)
	}
	return out
}

func origin(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		return o
	}
	return fn
}

// funcName names a function for messages: Tracker.Track, metrics.Record.
func funcName(f *types.Func) string {
	sig := f.Type().(*types.Signature)
	if sig.Recv() != nil {
		if r := match.RecvName(sig.Recv().Type()); r != "" {
			return r + "." + f.Name()
		}
	}
	if f.Pkg() != nil {
		return f.Pkg().Name() + "." + f.Name()
	}
	return f.Name()
}

// exportFacts exports the growth summaries of exported functions whose
// callers decide: what they grow is held by a parameter, or keyed by one.
func (a *checker) exportFacts() {
	if !a.local {
		return
	}
	for _, fn := range a.fns {
		if fn.Parent() != nil {
			continue
		}
		obj, ok := fn.Object().(*types.Func)
		if !ok || !obj.Exported() || a.freq.Entry(fn) {
			continue // entries are called by the world, not by importers
		}
		if a.closedResults(fn) {
			a.pass.ExportObjectFact(obj, &ClosedResultFact{})
		}
		var out []FactGrowth
		for _, g := range a.summary(fn) {
			if g.Root.kind != rGlobal && g.Root.kind != rParam && g.Root.kind != rOwn {
				continue
			}
			if g.Root.kind == rGlobal && g.Key.params == 0 {
				continue // decided here
			}
			if g.State.Key == "" && g.Root.kind != rOwn || strings.HasPrefix(g.State.Key, "local:") {
				continue
			}
			if g.State.Key != "" && a.isReleased(g.State.Key) {
				continue // released in sight here (an LRU's eviction), maybe not in the importer's
			}
			via := g.Via
			if via == "" {
				via = funcName(obj)
			}
			fg := FactGrowth{Kind: uint8(g.Kind), StateKey: g.State.Key, StateName: g.State.Name,
				RootKind: uint8(g.Root.kind), RootIdx: g.Root.idx, KeyDyn: g.Key.dyn, KeyParams: g.Key.params, Via: via}
			if !slices.Contains(out, fg) {
				out = append(out, fg)
			}
		}
		if len(out) > 0 {
			a.pass.ExportObjectFact(obj, &GrowFact{Growths: out})
		}
	}
}

// concrete reports whether g, grown in fn, is long-lived state grown on
// recurring code with keys from the world: decided here.
func (a *checker) concrete(fn *ssa.Function, g growth) (frequency.Freq, bool) {
	at := a.freq.At(g.site)
	if !at.Repeats() {
		return at, false
	}
	loop := (at &^ a.freq.Of(fn)).Repeats() // recurs within one call
	entry := a.freq.Entry(fn)
	switch g.Root.kind {
	case rGlobal:
	case rParam:
		isRecv := g.Root.idx == 0 && fn.Signature.Recv() != nil
		if !loop && (!entry || !isRecv) {
			return at, false
		}
		// a loop grows what a parameter holds: it outlives the call
		// only if the object does; one that every caller makes afresh
		// on recurring code (a collector made per reconcile) dies
		// with that call
		if (!entry || !isRecv) && a.madePerCall(fn, g.Root.idx) {
			return at, false
		}
	case rFree:
		if !loop && !entry {
			return at, false
		}
		// the captured variable must outlive the recurring code: made
		// by a function that itself runs once (or per call), not per
		// event (a map made in Reconcile and captured by an errgroup
		// closure dies with the reconcile)
		if fv := freeVarOf(fn, g.Root.idx); fv != nil {
			if cell := a.outerCell(fv); cell == nil || a.freq.Of(cell.Parent()).Repeats() {
				return at, false
			}
		}
	default:
		return at, false
	}
	if g.Kind == kSlice {
		return at, true
	}
	if g.Key.dyn {
		return at, true
	}
	if g.Key.params != 0 && entry {
		recv := uint64(0)
		if fn.Signature.Recv() != nil {
			recv = 1
		}
		return at, g.Key.params&^recv != 0
	}
	return at, false
}

func freeVarOf(fn *ssa.Function, i int) *ssa.FreeVar {
	if i < 0 || i >= len(fn.FreeVars) {
		return nil
	}
	return fn.FreeVars[i]
}

// report reports each piece of state that grows, once, at its first
// growth site in this package.
func (a *checker) report() {
	rep := a.rep
	type cand struct {
		fn *ssa.Function
		g  growth
		f  frequency.Freq
	}
	var cands []cand
	for _, fn := range a.fns {
		if rep.IsTestFile(fn.Pos()) {
			continue
		}
		for _, g := range a.summary(fn) {
			if g.State.Key == "" {
				continue
			}
			if f, ok := a.concrete(fn, g); ok {
				cands = append(cands, cand{fn, g, f})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].g.site.Pos() < cands[j].g.site.Pos() })
	done := make(map[string]bool)
	for _, c := range cands {
		if done[c.g.State.Key] || a.isReleased(c.g.State.Key) || a.foreign(c.g.State.Key) {
			continue
		}
		done[c.g.State.Key] = true
		rep.Report(a.diagnostic(c.fn, c.g, c.f))
	}
}

// foreign reports whether the state with key is declared in a package
// that is not the user's own code (a module, the standard library), or in
// one we cannot find: its releases are not summarised (FactGate), so it is
// not judged.
func (a *checker) foreign(key string) bool {
	if strings.HasPrefix(key, "local:") {
		return false
	}
	seen := make(map[*types.Package]bool)
	var find func(p *types.Package) *types.Package
	find = func(p *types.Package) *types.Package {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if strings.HasPrefix(key, match.PkgPath(p)+".") {
			if obj := p.Scope().Lookup(strings.SplitN(strings.TrimPrefix(key, match.PkgPath(p)+"."), ".", 2)[0]); obj != nil {
				return p
			}
		}
		for _, q := range p.Imports() {
			if r := find(q); r != nil {
				return r
			}
		}
		return nil
	}
	p := find(a.pass.Pkg)
	switch p {
	case nil:
		return true
	case a.pass.Pkg:
		return false
	}
	name := strings.SplitN(strings.TrimPrefix(key, match.PkgPath(p)+"."), ".", 2)[0]
	return !factgate.LocalFile(a.pass.Fset.Position(p.Scope().Lookup(name).Pos()).Filename)
}

// isReleased reports whether any package in sight releases the state.
func (a *checker) isReleased(key string) bool {
	if _, ok := a.released[key]; ok {
		return true
	}
	for _, pf := range a.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*ReleaseFact); ok && slices.Contains(f.States, key) {
			return true
		}
	}
	return false
}

func (a *checker) diagnostic(fn *ssa.Function, g growth, f frequency.Freq) analysis.Diagnostic {
	noun := nouns[g.Kind]
	how := f.Main().String()
	why := a.freq.WhyAt(g.site)
	if why != "" {
		why = " (" + why + ")"
	}
	where := rootName(fn)
	if g.Via != "" {
		where += " through " + g.Via
	}
	var grows, never, fix string
	switch g.Kind {
	case kMap, kSyncMap:
		grows = "adds a key from the event's data"
		never = "no code in sight deletes from it, clears it or replaces it"
		fix = "delete the entry when the object goes away (the delete handler, or the NotFound branch of Reconcile)"
	case kSlice:
		grows = "appends to it"
		never = "no code in sight truncates, trims or replaces it"
		fix = "cap it (drop the oldest entries) or reset it once used"
	case kMetric:
		grows = "makes a series per label value from the event's data"
		never = "no code in sight deletes its series (Delete, DeleteLabelValues, DeletePartialMatch, Reset) or unregisters it"
		fix = "delete the object's series when the object goes away, or use labels from a closed set"
	}
	msg := fmt.Sprintf("%s %s grows %s without bound: %s %s%s, and %s; %s",
		noun, g.State.Name, how, where, grows, why, never, fix)
	pos := g.site.Pos()
	if !pos.IsValid() {
		pos = fn.Pos()
	}
	d := analysis.Diagnostic{Pos: pos, Message: msg}
	if g.orig.IsValid() && g.orig != pos {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: g.orig, Message: "grows here"})
	}
	if dp, what := a.deletePath(); dp.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: dp, Message: what + ": nothing here releases " + g.State.Name})
	}
	return d
}

// rootName names the declared function a literal is nested in, with its
// receiver type.
func rootName(fn *ssa.Function) string {
	lit := fn.Parent() != nil
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	n := fn.Name()
	if recv := fn.Signature.Recv(); recv != nil {
		if r := match.RecvName(recv.Type()); r != "" {
			n = r + "." + n
		}
	}
	if lit {
		return "a function literal in " + n
	}
	return n
}
