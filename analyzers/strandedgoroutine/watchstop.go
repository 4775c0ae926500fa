package strandedgoroutine

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// A watch (watch.Interface, from a client's Watch) runs a goroutine that
// decodes the stream and sends each event on ResultChan; it returns only
// when Stop is called or when the stream ends while nobody is behind on
// events. A function that takes a watch and returns on some path without
// stopping it, and without reading ResultChan until it is closed, leaves
// that goroutine blocked for ever on its next send, holding the watch's
// connection (its request's context ending does not help: the goroutine
// then blocks sending the decode error). One leaks each time the function
// runs.

// watchFact marks a function (not itself named Watch) that returns a
// fresh watch its caller must stop.
type watchFact struct {
	Result int // result index
}

func (*watchFact) AFact()           {}
func (f *watchFact) String() string { return fmt.Sprintf("watch(result %d)", f.Result) }

// watchPolicy: Stop releases; reading ResultChan until it is closed
// does too (the goroutine has returned).
var watchPolicy = &resource.Policy{
	ReleaseMethods: []string{apis.WatchStop},
	DrainMethod:    apis.WatchResults,
	DrainEnds:      lastEvent,
	Borrowing:      apis.BorrowingPackages,
}

// lastEvent reports whether ev.Type == watch.Error: the stream's error,
// after which the watch's goroutine returns.
func lastEvent(of types.Type, field int, c *ssa.Const) bool {
	st, ok := of.Underlying().(*types.Struct)
	return ok && match.IsNamed(of, apis.WatchPkg, "Event") && st.Field(field).Name() == "Type" &&
		c.Value != nil && c.Value.Kind() == constant.String && constant.StringVal(c.Value) == apis.WatchError
}

// watchCreation is one call that returns a watch.
type watchCreation struct {
	call *ssa.Call
	val  ssa.Value // the watch
	errv ssa.Value // the error result, if any
	base string    // the Watch call for messages: "PodInterface.Watch"
}

// watchOf returns the watch a call returns: a Watch method or function
// whose result is a watch.Interface, or a function with a watchFact.
func (st *state) watchOf(call *ssa.Call) *watchCreation {
	callee := match.CalleeObject(call.Common())
	if callee == nil {
		return nil
	}
	sig := callee.Type().(*types.Signature)
	result, base := -1, ""
	switch {
	case slices.Contains(apis.WatchMethods, callee.Name()):
		if sig.Results().Len() > 0 && match.IsNamed(sig.Results().At(0).Type(), apis.WatchPkg, apis.WatchInterface) {
			result, base = 0, methodName(callee)
		}
	case callee.Pkg() == st.pass.Pkg:
		if sf := call.Common().StaticCallee(); sf != nil && !call.Common().IsInvoke() {
			if f := st.watchSummary(sf); f != nil {
				result, base = f.Result, methodName(callee)
			}
		}
	default:
		var f watchFact
		if st.pass.ImportObjectFact(callee, &f) {
			result, base = f.Result, methodName(callee)
		}
	}
	if result < 0 {
		return nil
	}
	val, errv, ok := resource.Results(call, result)
	if !ok || val == nil {
		return nil // no watch, or dropped: another rule's business
	}
	return &watchCreation{call: call, val: val, errv: errv, base: base}
}

// watchSummary returns the fact of fn, a function of the package not
// named Watch: it returns a watch it made, neither stopped nor handed
// elsewhere on any path.
func (st *state) watchSummary(fn *ssa.Function) *watchFact {
	if f, ok := st.watchMemo[fn]; ok {
		return f
	}
	st.watchMemo[fn] = nil // in progress: recursion makes none
	if slices.Contains(apis.WatchMethods, fn.Name()) || !returnsWatch(fn.Signature) || len(fn.Blocks) == 0 {
		return nil
	}
	var fact *watchFact
	for call := range match.Calls(fn) {
		c := st.watchOf(call)
		if c == nil {
			continue
		}
		res := resource.Track(watchPolicy, fn, c.call, c.val, c.errv)
		if res.Unknown || res.Escaped || res.Released || res.Wrapped {
			continue
		}
		for idx, typ := range res.Returned {
			if match.IsNamed(typ, apis.WatchPkg, apis.WatchInterface) {
				fact = &watchFact{Result: idx}
				break
			}
		}
		if fact != nil {
			break
		}
	}
	st.watchMemo[fn] = fact
	return fact
}

// returnsWatch reports whether a result of sig is a watch.Interface.
func returnsWatch(sig *types.Signature) bool {
	for i := range sig.Results().Len() {
		if match.IsNamed(sig.Results().At(i).Type(), apis.WatchPkg, apis.WatchInterface) {
			return true
		}
	}
	return false
}

// summarizeWatches exports the package's watch facts: on functions whose
// declaration the fact gate accepts (a result written watch.Interface),
// so that the gate is exact.
func (st *state) summarizeWatches() {
	for _, fn := range st.fns {
		if fn.Parent() != nil || fn.Object() == nil || !fn.Object().Exported() {
			continue
		}
		fd, ok := fn.Syntax().(*ast.FuncDecl)
		if !ok || !mayReturnWatch(fd, watchImportName(st.fileOf(fd.Pos()))) {
			continue
		}
		if f := st.watchSummary(fn); f != nil {
			st.pass.ExportObjectFact(fn.Object(), f)
		}
	}
}

// fileOf returns the file of the package that holds pos.
func (st *state) fileOf(pos token.Pos) *ast.File {
	for _, f := range st.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// checkWatches reports the watches fn takes and leaves running on some
// path.
func (st *state) checkWatches(fn *ssa.Function) {
	if ctrlmodel.TestSupport(fn) {
		return // a test helper (it takes a *testing.T): it runs under go test
	}
	for call := range match.Calls(fn) {
		c := st.watchOf(call)
		if c == nil {
			continue
		}
		if st.freq.At(call).OnlyOnce() {
			continue // one watch for the life of the process
		}
		res := resource.Track(watchPolicy, fn, c.call, c.val, c.errv)
		if res.Unknown || len(res.Leaks) == 0 && !res.LoopLeak {
			continue
		}
		if !res.LoopLeak && allAtShutdown(res.Leaks) {
			continue // left only when the context or stop channel ends: at shutdown
		}
		st.reportWatch(fn, c, res)
	}
}

func (st *state) reportWatch(fn *ssa.Function, c *watchCreation, res *resource.Result) {
	sort.Slice(res.Leaks, func(i, j int) bool {
		pi, pj := res.Leaks[i].Pos(), res.Leaks[j].Pos()
		if pi.IsValid() != pj.IsValid() {
			return pi.IsValid()
		}
		return pi < pj
	})
	how := "one more per call of " + funcName(fn)
	if f := st.freq.At(c.call).Main(); f.Repeats() {
		how = "one more " + f.String()
		if why := st.freq.WhyAt(c.call); why != "" {
			how += " (" + why + ")"
		}
	}
	var what string
	switch {
	case res.LoopLeak && len(res.Leaks) == 0:
		what = fmt.Sprintf("watch from %s is made again on every loop iteration while the previous one still runs", c.base)
	case res.Never():
		what = fmt.Sprintf("watch from %s is never stopped", c.base)
	case !res.Leaks[0].Pos().IsValid():
		what = fmt.Sprintf("watch from %s is not stopped on the path that reaches the end of %s", c.base, funcName(fn))
	default:
		what = fmt.Sprintf("watch from %s is not stopped on the path that returns at line %d", c.base,
			st.pass.Fset.Position(res.Leaks[0].Pos()).Line)
	}
	d := analysis.Diagnostic{
		Pos: c.call.Pos(),
		Message: what + ": its goroutine blocks for ever sending the next event, and keeps the watch's connection open; " +
			how + "; defer Stop right after the error check, or read ResultChan until it is closed",
	}
	for _, r := range res.Leaks {
		if len(d.Related) == 3 {
			break
		}
		if r.Pos().IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: r.Pos(), Message: "returns here without stopping the watch"})
		}
	}
	st.rep.Report(d)
}

// mayReturnWatch reports whether fd, not named Watch, may declare a
// watch.Interface result (watchName is the file's name of the watch
// package): the syntactic side of watchSummary, for the fact gate.
func mayReturnWatch(fd *ast.FuncDecl, watchName string) bool {
	if fd.Body == nil || slices.Contains(apis.WatchMethods, fd.Name.Name) || fd.Type.Results == nil || watchName == "" {
		return false
	}
	for _, r := range fd.Type.Results.List {
		switch t := r.Type.(type) {
		case *ast.SelectorExpr:
			if id, ok := t.X.(*ast.Ident); ok && id.Name == watchName && t.Sel.Name == apis.WatchInterface {
				return true
			}
		case *ast.Ident:
			if watchName == "." && t.Name == apis.WatchInterface {
				return true // a dot import
			}
		}
	}
	return false
}

// allAtShutdown reports whether each of rets is under a branch taken
// only when the run ends: a select case on ctx.Done() or ctx.Err() !=
// nil, of a context not made in the function (a timeout or a cancel of
// its own ends per call), or a select case on a stop channel (a channel
// of struct{} given to the function or held in a field).
func allAtShutdown(rets []*ssa.Return) bool {
	for _, r := range rets {
		if !onlyUnder(r.Block(), endsRun) {
			return false
		}
	}
	return true
}

// onlyUnder reports whether b is reached only through the true branch of
// an if for which cond holds (`if ctx.Err() != nil || ready(ev)` joins
// two branches: it does not count).
func onlyUnder(b *ssa.BasicBlock, cond func(*ssa.If) bool) bool {
	for child := b; child != nil; child = child.Idom() {
		d := child.Idom()
		if d == nil || len(d.Succs) != 2 || d.Succs[0] != child || len(child.Preds) != 1 {
			continue
		}
		if iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If); ok && cond(iff) {
			return true
		}
	}
	return false
}

func endsRun(iff *ssa.If) bool {
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok {
		return false
	}
	// ctx.Err() != nil
	if call, ok := cmp.X.(*ssa.Call); ok && cmp.Op == token.NEQ && isNilConst(cmp.Y) &&
		call.Call.IsInvoke() && call.Call.Method.Name() == "Err" {
		return !madeHere(call.Call.Value)
	}
	// select case index == i
	ex, ok := cmp.X.(*ssa.Extract)
	if !ok || ex.Index != 0 || cmp.Op != token.EQL {
		return false
	}
	sel, ok := ex.Tuple.(*ssa.Select)
	if !ok {
		return false
	}
	i, ok := resource.IntConst(cmp.Y)
	if !ok || int(i) >= len(sel.States) || sel.States[i].Dir != types.RecvOnly {
		return false
	}
	switch ch := sel.States[i].Chan.(type) {
	case *ssa.Call:
		return ch.Call.IsInvoke() && ch.Call.Method.Name() == "Done" && !madeHere(ch.Call.Value)
	case *ssa.Parameter:
		return isStopChan(ch.Type())
	case *ssa.UnOp:
		_, field := ch.X.(*ssa.FieldAddr)
		return field && ch.Op == token.MUL && isStopChan(ch.Type())
	}
	return false
}

// madeHere reports whether ctx is a context the function derives with a
// cancel, timeout or deadline of its own.
func madeHere(ctx ssa.Value) bool {
	ex, ok := ctx.(*ssa.Extract)
	if !ok {
		return false
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	callee := match.CalleeObject(call.Common())
	return callee != nil && match.IsAny(callee, apis.CancelContexts)
}

func isStopChan(t types.Type) bool {
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return false
	}
	st, ok := ch.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

func isNilConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}
