package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// A goroutine started on recurring code (per event, per reconcile, per
// request...) whose only way out is a context or stop channel that is
// never done: context.Background(), TODO(), WithoutCancel, the signal
// handler's context (done at shutdown only), wait.NeverStop. One more
// goroutine runs for ever each time:
//
//	func (r *R) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
//		go r.poll(context.Background(), req.Name)
//		...
//	}
//	func (r *R) poll(ctx context.Context, name string) {
//		for {
//			select {
//			case <-ctx.Done():
//				return
//			case <-tick.C:
//				...
//			}
//		}
//	}
//
// The goroutine's function is walked from its entry with the waits on
// that context as dead ends (a receive from its Done(), the body of a
// select case on it, the branch of `ctx.Err() != nil`, a wait.Until on
// it, a call of a function of the package that never returns with it);
// when no return is reachable, the goroutine never ends.

// maxForeverDepth bounds the calls followed into the package's functions.
const maxForeverDepth = 3

// storedOnce returns the one value stored in the variable v, when v is
// only loaded, captured or stored to once; nil when it is set more than
// once or its address goes elsewhere.
func storedOnce(v *ssa.Alloc) ssa.Value {
	var stored ssa.Value
	for _, r := range refs(v) {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr != ssa.Value(v) || stored != nil {
				return nil
			}
			stored = r.Val
		case *ssa.UnOp, *ssa.MakeClosure, *ssa.DebugRef:
		default:
			return nil
		}
	}
	return stored
}

// neverDone describes v, a context or stop channel of the starting
// function, when it is never done before the process stops: "" when it
// may be.
func (st *state) neverDone(v ssa.Value, depth int) string {
	if depth > 4 {
		return ""
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return st.neverDone(v.X, depth+1)
	case *ssa.ChangeType:
		return st.neverDone(v.X, depth+1)
	case *ssa.Alloc:
		// a variable that a goroutine captures: its one value
		if stored := storedOnce(v); stored != nil {
			return st.neverDone(stored, depth+1)
		}
	case *ssa.UnOp:
		if g, ok := v.X.(*ssa.Global); ok && v.Op == token.MUL && isVar(g.Object(), apis.NeverStop) {
			return "wait.NeverStop"
		}
	case *ssa.Parameter:
		return st.neverDoneParam(v, depth)
	case *ssa.Call:
		callee := match.CalleeObject(v.Common())
		if callee == nil {
			return ""
		}
		if match.IsAny(callee, apis.LongLivedContexts) {
			return shortName(callee) + "()"
		}
		for _, w := range apis.ContextWrappers {
			if match.Is(callee, w.Func) && w.Arg < len(v.Call.Args) {
				return st.neverDone(v.Call.Args[w.Arg], depth+1)
			}
		}
	}
	return ""
}

// neverDoneParam describes a context parameter that is never done before
// the process stops: a reconciler's (controller-runtime hands Reconcile
// its controller's context, done when the manager stops, not when the
// reconcile ends), a runnable's Start's (the manager's, when nothing in
// the package calls Start itself), or a parameter of an unexported
// function of the package that every call gives such a context.
func (st *state) neverDoneParam(p *ssa.Parameter, depth int) string {
	if d, ok := st.neverMemo[p]; ok {
		return d
	}
	st.neverMemo[p] = "" // in progress: a cycle of calls proves nothing
	d := st.neverDoneParamOnce(p, depth)
	st.neverMemo[p] = d
	return d
}

func (st *state) neverDoneParamOnce(p *ssa.Parameter, depth int) string {
	fn := p.Parent()
	if fn.Parent() != nil || !match.IsNamed(p.Type(), "context", "Context") {
		return ""
	}
	i := slices.Index(fn.Params, p)
	if fn.Signature.Recv() != nil && i == 1 {
		switch {
		case fn.Name() == "Reconcile" && len(fn.Params) == 3 && (match.IsNamed(fn.Params[2].Type(), apis.CRReconcile, "Request") || match.IsNamed(fn.Params[2].Type(), apis.CRReconcile, "TypedRequest")):
			return reconcilerCtx
		case fn.Name() == "Start" && len(fn.Params) == 2 && fn.Signature.Results().Len() == 1 && len(st.calls.Sites(fn)) == 0 && !st.calls.UsedAsValue(fn):
			return startCtx
		}
	}
	if obj := fn.Object(); obj == nil || obj.Exported() || st.calls.UsedAsValue(fn) || i < 0 {
		return "" // callers we cannot see
	}
	sites := st.calls.Sites(fn)
	if len(sites) == 0 {
		return ""
	}
	what := ""
	for _, c := range sites {
		args := c.Common().Args
		if c.Common().IsInvoke() || i >= len(args) || c.Parent() == fn {
			return ""
		}
		d := st.neverDone(args[i], depth+1)
		if d == "" {
			return ""
		}
		what = d
	}
	return what
}

// neverKey is a callee and the description of its dead parameters.
type neverKey struct {
	fn   *ssa.Function
	dead string
}

// neverStops stands for wait.Forever, which has no stop at all.
const neverStops = "wait.Forever"

// The contexts that are done only when the manager stops.
const (
	reconcilerCtx = "the reconciler's context"
	startCtx      = "the context Start is given"
)

// whenDone says when the context or stop channel what is done.
func whenDone(what string) string {
	switch {
	case strings.HasPrefix(what, reconcilerCtx):
		return "which controller-runtime does only when the manager stops, not when Reconcile returns"
	case strings.HasPrefix(what, startCtx):
		return "which happens only when the manager stops"
	}
	return "which it never is before the process stops"
}

// isVar reports whether obj is the package variable f.
func isVar(obj types.Object, f apis.Func) bool {
	v, ok := obj.(*types.Var)
	return ok && v.Name() == f.Name && match.PkgPath(v.Pkg()) == f.Pkg
}

// shortName names a function pkg.F.
func shortName(f *types.Func) string {
	if f.Pkg() == nil {
		return f.Name()
	}
	return f.Pkg().Name() + "." + f.Name()
}

// checkForever reports a goroutine started on recurring code that only a
// context or stop channel that is never done could end.
func (st *state) checkForever(fn *ssa.Function, g *ssa.Go) {
	// per loop iteration alone is not enough: a loop over a channel fed
	// from a fixed list, or one that waits for the goroutine, is bounded;
	// one over a channel the package feeds per event is not
	at, why := st.recurringAt(g)
	if st.reported[g] || at == 0 || st.startGuarded(fn, g) {
		return
	}
	var what string          // the context or stop channel
	var wait ssa.Instruction // its only way out, when in sight
	if callee := match.CalleeObject(&g.Call); callee != nil && (callee.Pkg() == nil || callee.Pkg() != st.pass.Pkg) {
		// go wait.Until(f, period, wait.NeverStop)
		what = st.untilNeverDone(callee, g.Call.Args)
	} else {
		gf, bindings := goroutineFunc(g)
		if gf == nil || len(gf.Blocks) == 0 {
			return
		}
		dead := make(map[ssa.Value]string)
		for inner, outer := range bindings {
			if d := st.neverDone(outer, 0); d != "" && !storedIn(gf, inner) {
				dead[inner] = d
			}
		}
		w, d, ok := (&forever{st: st, dead: dead, pkg: st.pass.Pkg}).never(gf, 0)
		if !ok || w == nil {
			return // it returns, or never looks at such a context
		}
		wait, what = w, d
	}
	if what == "" {
		return
	}
	st.reported[g] = true
	if why != "" {
		why = " (" + why + ")"
	}
	msg := fmt.Sprintf("goroutine started %s never returns: its only way out is %s being done, %s; one more goroutine runs for ever each time%s; give it a context that is cancelled when its work is over",
		at.Main(), what, whenDone(what), why)
	if what == neverStops {
		msg = fmt.Sprintf("goroutine started %s never returns: wait.Forever never stops; one more goroutine runs for ever each time%s; use wait.Until with a stop channel closed when its work is over",
			at.Main(), why)
	}
	dg := analysis.Diagnostic{Pos: g.Pos(), Message: msg}
	if wait != nil && wait.Pos().IsValid() {
		dg.Related = []analysis.RelatedInformation{{Pos: wait.Pos(), Message: "the only way out"}}
	}
	st.rep.Report(dg)
}

// untilNeverDone describes the never-done stop argument of a call of
// wait.Until and its siblings, or says that wait.Forever never stops.
func (st *state) untilNeverDone(callee *types.Func, args []ssa.Value) string {
	if match.IsAny(callee, apis.NeverReturns) {
		return neverStops
	}
	for _, u := range apis.UntilStopped {
		if match.Is(callee, u.Func) && u.Arg < len(args) {
			if d := st.neverDone(args[u.Arg], 0); d != "" {
				return d + " (given to " + shortName(callee) + ")"
			}
		}
	}
	return ""
}

// forever walks a goroutine's function for a return that does not need
// one of the dead contexts to be done.
type forever struct {
	st   *state
	dead map[ssa.Value]string // the function's parameters and free variables that are never done
	pkg  *types.Package
}

// never reports whether fn cannot return while its dead contexts (and
// those it makes itself) are not done, and the first wait on one that it
// meets with the context's description (nil when it loops without one).
func (f *forever) never(fn *ssa.Function, depth int) (ssa.Instruction, string, bool) {
	if len(fn.Blocks) == 0 || len(fn.Blocks) > maxLockBlocks {
		return nil, "", false
	}
	var first ssa.Instruction
	var what string
	note := func(i ssa.Instruction, d string) {
		if first == nil {
			first, what = i, d
		}
	}
	seen := make(map[*ssa.BasicBlock]bool)
	work := []*ssa.BasicBlock{fn.Blocks[0]} // (a recovered panic, fn.Recover, is not a way out)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		blocked := false
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Return:
				return nil, "", false
			case *ssa.UnOp:
				if d := f.doneChan(in.X); in.Op == token.ARROW && d != "" {
					note(in, d)
					blocked = true
				}
			case *ssa.Call:
				if callee := match.CalleeObject(in.Common()); callee != nil && callee.Name() == "Goexit" && match.PkgPath(callee.Pkg()) == "runtime" {
					return nil, "", false // ends the goroutine
				}
				if d := f.blocksForever(in, depth); d != "" {
					note(in, d)
					blocked = true
				}
			}
			if blocked {
				break
			}
		}
		if blocked {
			continue
		}
		succs := b.Succs
		if last, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			if k, d := f.errBranch(last); d != "" {
				if c, ok := last.Cond.(ssa.Instruction); ok && c.Pos().IsValid() {
					note(c, d) // the comparison (the if has no position)
				} else {
					note(last, d)
				}
				succs = []*ssa.BasicBlock{b.Succs[1-k]}
			}
		}
		for _, s := range succs {
			if f.doneCase(s, note) {
				continue
			}
			work = append(work, s)
		}
	}
	return first, what, true
}

// doneCase reports whether block s is the body of a select case that
// receives from a dead context's Done channel.
func (f *forever) doneCase(s *ssa.BasicBlock, note func(ssa.Instruction, string)) bool {
	if len(s.Preds) != 1 {
		return false // an empty case body is the select's join: other cases reach it too
	}
	for _, p := range s.Preds {
		iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
		if !ok || iff.Block().Succs[0] != s {
			continue
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL {
			continue
		}
		ex, ok := cmp.X.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		sel, ok := ex.Tuple.(*ssa.Select)
		if !ok {
			continue
		}
		c, ok := cmp.Y.(*ssa.Const)
		if !ok {
			continue
		}
		i := int(c.Int64())
		if i < 0 || i >= len(sel.States) || sel.States[i].Dir != types.RecvOnly {
			continue
		}
		if d := f.doneChan(sel.States[i].Chan); d != "" {
			note(sel, d)
			return true
		}
	}
	return false
}

// deadCtx describes v when it is a dead context or stop channel: one the
// goroutine was given, one it makes (context.Background()), or one
// derived from either that is done exactly when it is (values and
// loggers added); "" otherwise.
func (f *forever) deadCtx(v ssa.Value, depth int) string {
	if depth > 4 {
		return ""
	}
	if d, ok := f.dead[v]; ok {
		return d
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if _, ok := v.X.(*ssa.FreeVar); ok {
				return f.deadCtx(v.X, depth+1) // a captured variable
			}
		}
	case *ssa.MakeInterface:
		return f.deadCtx(v.X, depth+1)
	case *ssa.ChangeType:
		return f.deadCtx(v.X, depth+1)
	case *ssa.Call:
		callee := match.CalleeObject(v.Common())
		for _, w := range apis.ContextWrappers {
			if callee != nil && match.Is(callee, w.Func) && w.Arg < len(v.Call.Args) {
				return f.deadCtx(v.Call.Args[w.Arg], depth+1)
			}
		}
	}
	if _, ok := v.(*ssa.Parameter); ok {
		return "" // the goroutine's own parameters are bound in dead
	}
	return f.st.neverDone(v, depth)
}

// doneChan describes ch when it is the Done channel of a dead context, or
// a dead stop channel; "" otherwise.
func (f *forever) doneChan(ch ssa.Value) string {
	if d := f.deadCtx(ch, 0); d != "" {
		return d // a stop channel (wait.NeverStop) itself
	}
	c, ok := ch.(*ssa.Call)
	if !ok || !c.Call.IsInvoke() || c.Call.Method.Name() != "Done" || !match.IsNamed(c.Call.Value.Type(), "context", "Context") {
		return ""
	}
	return f.deadCtx(c.Call.Value, 0)
}

// errBranch reports which successor of an if is taken when a dead
// context's Err() is not nil (`if ctx.Err() != nil`): never.
func (f *forever) errBranch(iff *ssa.If) (int, string) {
	cmp, ok := iff.Cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.NEQ && cmp.Op != token.EQL) {
		return 0, ""
	}
	x, y := cmp.X, cmp.Y
	if _, ok := x.(*ssa.Const); ok {
		x, y = y, x
	}
	if k, ok := y.(*ssa.Const); !ok || !k.IsNil() {
		return 0, ""
	}
	c, ok := x.(*ssa.Call)
	if !ok || !c.Call.IsInvoke() || c.Call.Method.Name() != "Err" || !match.IsNamed(c.Call.Value.Type(), "context", "Context") {
		return 0, ""
	}
	d := f.deadCtx(c.Call.Value, 0)
	if cmp.Op == token.NEQ {
		return 0, d // the true branch: Err() != nil
	}
	return 1, d
}

// blocksForever describes the dead context when a call never returns
// while it is not done: wait.Until and its siblings given one,
// wait.Forever, or a function of the package that never returns with
// the arguments it is given (to depth maxForeverDepth); "" otherwise.
func (f *forever) blocksForever(c *ssa.Call, depth int) string {
	callee := match.CalleeObject(&c.Call)
	if callee != nil && callee.Pkg() != f.pkg {
		if match.IsAny(callee, apis.NeverReturns) {
			return neverStops
		}
		for _, u := range apis.UntilStopped {
			if match.Is(callee, u.Func) && u.Arg < len(c.Call.Args) {
				if d := f.deadCtx(c.Call.Args[u.Arg], 0); d != "" {
					return d + " (given to " + shortName(callee) + ")"
				}
			}
		}
		return ""
	}
	fn := c.Call.StaticCallee()
	if fn == nil || depth >= maxForeverDepth || fn.Pkg == nil || fn.Pkg.Pkg != f.pkg {
		return ""
	}
	dead := make(map[ssa.Value]string)
	var key strings.Builder
	for i, a := range c.Call.Args {
		if i < len(fn.Params) {
			if d := f.deadCtx(a, 0); d != "" {
				dead[fn.Params[i]] = d
				fmt.Fprintf(&key, "%d=%s;", i, d)
			}
		}
	}
	if len(dead) == 0 {
		return ""
	}
	// each callee is walked once per set of dead parameters, so that a
	// function calling many helpers many times stays linear
	mk := neverKey{fn, key.String()}
	if d, ok := f.st.calleeMemo[mk]; ok {
		return d
	}
	f.st.calleeMemo[mk] = "" // in progress: recursion proves nothing
	w, d, ok := (&forever{st: f.st, dead: dead, pkg: f.pkg}).never(fn, depth+1)
	if !ok || w == nil {
		d = "" // it returns, or loops without looking at the context
	}
	f.st.calleeMemo[mk] = d
	return d
}

// storedIn reports whether the goroutine's function (or a literal in it
// that captures the same variable) stores into the captured variable v:
// it may replace the context.
func storedIn(fn *ssa.Function, v ssa.Value) bool {
	if _, ok := v.(*ssa.FreeVar); !ok {
		return false
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Store:
				if in.Addr == v {
					return true
				}
			case *ssa.MakeClosure:
				anon, ok := in.Fn.(*ssa.Function)
				if !ok {
					continue
				}
				for i, bv := range in.Bindings {
					if bv == v && i < len(anon.FreeVars) && storedIn(anon, anon.FreeVars[i]) {
						return true
					}
				}
			}
		}
	}
	return false
}

// maxGuardDepth bounds how far up the calls a guard is looked for.
const maxGuardDepth = 3

// startGuarded reports whether the go statement may run once per object
// rather than once per call: it runs only in a branch of a check of kept
// state that the same function also updates (`if r.w == nil { r.w = ... }`,
// a flag set, a map lookup and its update, a registry's Has and Add), an
// atomic compare-and-swap, or a token taken with a non-blocking select; in
// its function, or at every call of it in the package (to depth 3). Or it
// is in a function literal handed to sync.Once, or to a get-or-create
// helper of the package.
func (st *state) startGuarded(fn *ssa.Function, g ssa.Instruction) bool {
	for f := fn; f.Parent() != nil; f = f.Parent() {
		if handedOn(f) {
			return true
		}
	}
	return st.guardedUp(g, 0)
}

// guardedUp reports whether instr is guarded in its function, or every
// call of its (unexported) function is, to maxGuardDepth.
func (st *state) guardedUp(instr ssa.Instruction, depth int) bool {
	if st.guardedAt(instr) {
		return true
	}
	fn := instr.Parent()
	obj := fn.Object()
	if depth >= maxGuardDepth || fn.Parent() != nil || obj == nil || obj.Exported() || st.calls.UsedAsValue(fn) {
		return false
	}
	sites := st.calls.Sites(fn)
	if len(sites) == 0 || len(sites) > 16 {
		return false
	}
	for _, c := range sites {
		if c.Parent() == fn || !st.guardedUp(c, depth+1) {
			return false
		}
	}
	return true
}

// handedOn reports whether the function literal f is passed to
// sync.Once's Do, or to a function of its package that keeps what it
// makes in a map (a get-or-create helper).
func handedOn(f *ssa.Function) bool {
	values := []ssa.Value{f}
	for _, r := range refs(f) {
		if mc, ok := r.(*ssa.MakeClosure); ok {
			values = append(values, mc)
		}
	}
	for _, v := range values {
		for _, u := range refs(v) {
			c, ok := u.(ssa.CallInstruction)
			if !ok || c.Common().Value == v {
				continue
			}
			callee := match.CalleeObject(c.Common())
			if callee != nil && match.PkgPath(callee.Pkg()) == "sync" {
				return true
			}
			if sf := c.Common().StaticCallee(); sf != nil && sf.Pkg != nil && sf.Pkg == f.Pkg && keepsInMap(sf) {
				return true
			}
		}
	}
	return false
}

// keepsInMap reports whether fn looks up and updates a map.
func keepsInMap(fn *ssa.Function) bool {
	look, update := false, false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr.(type) {
			case *ssa.Lookup:
				look = true
			case *ssa.MapUpdate:
				update = true
			}
		}
	}
	return look && update
}

// guardedAt reports whether instr runs only in one branch of a check of
// kept state: an if (not a loop's) whose branch dominates instr's block,
// on state the function also updates.
func (st *state) guardedAt(instr ssa.Instruction) bool {
	b := instr.Block()
	fn := instr.Parent()
	for d := b.Idom(); d != nil; d = d.Idom() {
		iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || loopHeader(d) || !d.Succs[0].Dominates(b) && !d.Succs[1].Dominates(b) {
			continue
		}
		if once, kept := stateCond(iff.Cond, 0); once || kept != nil && st.updates(fn, kept) {
			return true
		}
	}
	return false
}

// errorType is the built-in error.
var errorType = types.Universe.Lookup("error").Type()

// stateCond looks at a condition for kept state: once when it is a check
// that takes what it checks (an atomic compare-and-swap, a token taken
// with a non-blocking select); kept, the field or package variable it
// reads (its value, a map lookup in it, a bool method called on it). A
// comparison of an error is neither.
func stateCond(v ssa.Value, depth int) (once bool, kept types.Object) {
	if depth > 4 {
		return false, nil
	}
	switch v := v.(type) {
	case *ssa.BinOp:
		if types.Identical(v.X.Type(), errorType) || types.Identical(v.Y.Type(), errorType) {
			return false, nil
		}
		if once, kept := stateCond(v.X, depth+1); once || kept != nil {
			return once, kept
		}
		return stateCond(v.Y, depth+1)
	case *ssa.UnOp:
		if v.Op == token.NOT {
			return stateCond(v.X, depth+1)
		}
		if v.Op == token.MUL {
			return false, keptAddr(v.X, 0)
		}
	case *ssa.Lookup:
		return false, keptLoad(v.X)
	case *ssa.Extract:
		if sel, ok := v.Tuple.(*ssa.Select); ok {
			return !sel.Blocking, nil
		}
		return stateCond(v.Tuple, depth+1)
	case *ssa.Call:
		callee := match.CalleeObject(v.Common())
		if callee != nil && match.PkgPath(callee.Pkg()) == "sync/atomic" {
			return true, nil
		}
		// a method of a kept field: r.reg.Has(k)
		var recv ssa.Value
		if v.Call.IsInvoke() {
			recv = v.Call.Value
		} else if callee != nil && callee.Type().(*types.Signature).Recv() != nil && len(v.Call.Args) > 0 {
			recv = v.Call.Args[0]
		}
		if recv != nil {
			return false, keptLoad(recv)
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			if once, kept := stateCond(e, depth+1); once || kept != nil {
				return once, kept
			}
		}
	}
	return false, nil
}

// keptAddr returns the field or package variable an address is of, when
// it is kept across calls (reached from a parameter, a free variable or
// a package variable, not from a local), or nil.
func keptAddr(v ssa.Value, depth int) types.Object {
	if depth > 4 {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Global:
		return v.Object()
	case *ssa.FieldAddr:
		switch x := v.X.(type) {
		case *ssa.Parameter, *ssa.FreeVar:
			return fieldOf(v)
		case *ssa.UnOp:
			if _, captured := x.X.(*ssa.FreeVar); x.Op == token.MUL && captured {
				return fieldOf(v) // a field of a captured variable: it lives as long as the literal
			}
			if x.Op == token.MUL && keptAddr(x.X, depth+1) != nil {
				return fieldOf(v)
			}
		case *ssa.FieldAddr:
			if keptAddr(x, depth+1) != nil {
				return fieldOf(v)
			}
		}
	}
	return nil
}

// keptLoad returns the kept field or package variable v is loaded from,
// or the address of (a pointer receiver), or nil.
func keptLoad(v ssa.Value) types.Object {
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return keptAddr(v.X, 0)
		}
	case *ssa.FieldAddr:
		return keptAddr(v, 0)
	}
	return nil
}

// updates reports whether fn writes the kept field or package variable
// obj: a store to it, a map update or a method call on it (a registry's
// Add, a set's Insert), itself or in a named function of its package it
// calls (to two calls down: `r.startLocked(ctx)` setting `r.running`).
func (st *state) updates(fn *ssa.Function, obj types.Object) bool {
	return st.updatesDown(fn, obj, 0)
}

// maxUpdateDepth bounds the calls updates follows.
const maxUpdateDepth = 2

// updateKey memoises updatesDown.
type updateKey struct {
	fn    *ssa.Function
	obj   types.Object
	depth int
}

func (st *state) updatesDown(fn *ssa.Function, obj types.Object, depth int) bool {
	k := updateKey{fn, obj, depth}
	if r, ok := st.updateMemo[k]; ok {
		return r
	}
	r := updatesIn(st, fn, obj, depth)
	st.updateMemo[k] = r
	return r
}

func updatesIn(st *state, fn *ssa.Function, obj types.Object, depth int) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Store:
				if keptAddr(in.Addr, 0) == obj {
					return true
				}
			case *ssa.MapUpdate:
				if keptLoad(in.Map) == obj {
					return true
				}
			case ssa.CallInstruction:
				c := in.Common()
				var recv ssa.Value
				if c.IsInvoke() {
					recv = c.Value
				} else if callee := match.CalleeObject(c); callee != nil && callee.Type().(*types.Signature).Recv() != nil && len(c.Args) > 0 {
					recv = c.Args[0]
				}
				if recv != nil && keptLoad(recv) == obj {
					return true
				}
				if callee := c.StaticCallee(); depth < maxUpdateDepth && callee != nil && callee != fn && callee.Parent() == nil &&
					callee.Package() == fn.Package() && len(callee.Blocks) <= maxCalleeBlocks && st.updatesDown(callee, obj, depth+1) {
					return true
				}
			}
		}
	}
	return false
}
