package unboundedgrowth

import (
	"fmt"
	"go/token"
	"go/types"
	"iter"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Things made per reconcile or per event that live on: an informer
// factory started in Reconcile keeps its informers watching and caching
// after Reconcile returns; an event broadcaster keeps its goroutine and
// watchers. Each call leaves one more running unless it is shut down.

// reportLiving reports each such object made on recurring code, started
// (a broadcaster runs from the start), never shut down and kept nowhere
// (not stored, returned or handed to other code, which might shut it
// down or reuse it).
func (a *checker) reportLiving() {
	for _, fn := range a.fns {
		if len(fn.Blocks) > maxBlocks || a.rep.IsTestFile(fn.Pos()) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(*ssa.Call)
				if !ok {
					continue
				}
				callee := match.CalleeObject(call.Common())
				if callee == nil || !match.IsAny(callee, apis.LivingMakers) {
					continue
				}
				f := a.freq.At(call)
				if !f.Repeats() {
					continue
				}
				factory := strings.Contains(callee.Name(), "InformerFactory")
				u := livingUses(call, 0)
				if u.released || u.kept || factory && u.started == nil {
					continue
				}
				a.rep.Report(a.livingDiagnostic(call, factory, u.started))
			}
		}
	}
}

func (a *checker) livingDiagnostic(call *ssa.Call, factory bool, started ssa.Instruction) analysis.Diagnostic {
	what, lives := "event broadcaster", "its goroutine and watchers run"
	if factory {
		what, lives = "informer factory", "its informers keep watching and caching"
	}
	how := a.freq.At(call).Main().String()
	why := a.freq.WhyAt(call)
	if why != "" {
		why = " (" + why + ")"
	}
	msg := fmt.Sprintf("%s made %s is never shut down: %s after %s returns, one more each time%s; make it once, or call Shutdown when done",
		what, how, lives, rootName(call.Parent()), why)
	d := analysis.Diagnostic{Pos: call.Pos(), Message: msg}
	if started != nil && started.Pos().IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: started.Pos(), Message: "started here"})
	}
	return d
}

// living says what a function does with a living object.
type living struct {
	started  ssa.Instruction
	released bool // Shutdown called on it
	kept     bool // stored, returned, captured or handed on
}

// livingUses follows the object v through conversions and the local
// variables it is stored in.
func livingUses(v ssa.Value, depth int) living {
	var u living
	refs := v.Referrers()
	if refs == nil || depth > 3 {
		u.kept = true
		return u
	}
	merge := func(w living) {
		if u.started == nil {
			u.started = w.started
		}
		u.released = u.released || w.released
		u.kept = u.kept || w.kept
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case ssa.CallInstruction:
			c := r.Common()
			name, recv := methodOn(c, v)
			switch {
			case recv && slices.Contains(apis.LivingStarts, name):
				if stopsHere(r) {
					u.released = true // stopped when its local context or channel ends
				}
				if u.started == nil {
					u.started = r
				}
			case recv && slices.Contains(apis.LivingRelease, name):
				u.released = true
			case recv:
				// another method of it (NewRecorder, InformerFor)
			default:
				u.kept = true // handed to code that may shut it down
			}
		case *ssa.ChangeType, *ssa.MakeInterface:
			merge(livingUses(r.(ssa.Value), depth+1))
		case *ssa.Store:
			cell, ok := r.Addr.(*ssa.Alloc)
			if !ok || r.Val != v || capturedCell(cell) {
				u.kept = true
				continue
			}
			for _, cr := range *cell.Referrers() {
				if load, ok := cr.(*ssa.UnOp); ok && load.Op == token.MUL {
					merge(livingUses(load, depth+1))
				}
			}
		case *ssa.DebugRef:
		default:
			u.kept = true // returned, a phi, captured
		}
	}
	return u
}

// methodOn returns the name of the method c calls on v, if v is its
// receiver (and not also an argument).
func methodOn(c *ssa.CallCommon, v ssa.Value) (string, bool) {
	args := c.Args
	name := ""
	if c.IsInvoke() {
		if c.Value != v {
			return "", false
		}
		name = c.Method.Name()
	} else {
		callee := match.CalleeObject(c)
		if callee == nil || len(args) == 0 || args[0] != v || callee.Type().(*types.Signature).Recv() == nil {
			return "", false
		}
		name, args = callee.Name(), args[1:]
	}
	if slices.Contains(args, v) {
		return "", false
	}
	return name, true
}

// capturedCell reports whether a function literal captures the local
// variable: what it does with the object is not followed.
func capturedCell(cell *ssa.Alloc) bool {
	for _, r := range *cell.Referrers() {
		if _, ok := r.(*ssa.MakeClosure); ok {
			return true
		}
	}
	return false
}

// reportUnforgotten reports a package that makes a workqueue rate
// limiter (or a rate-limiting queue), records failures in it on
// recurring code (AddRateLimited, When) and never calls Forget: the
// limiter keeps a failure history for every item that ever failed, and
// the items of deleted objects stay for ever. A queue handed to another
// package's code (a worker library that may Forget) keeps it silent.
func (a *checker) reportUnforgotten() {
	var first ssa.CallInstruction
	makes, forgets, handed := false, false, false
	for _, fn := range a.fns {
		if len(fn.Blocks) > maxBlocks || a.rep.IsTestFile(fn.Pos()) {
			continue
		}
		for call := range callInstrs(fn) {
			callee := match.CalleeObject(call.Common())
			if callee == nil {
				continue
			}
			if match.PkgPath(callee.Pkg()) != apis.ClientGoWorkqueue {
				if callee.Pkg() != a.pass.Pkg && passesQueue(call.Common()) {
					handed = true
				}
				continue
			}
			name := callee.Name()
			switch {
			case slices.Contains(apis.RateLimitedQueueMakers, name) || strings.HasSuffix(name, "RateLimiter"):
				makes = true
			case slices.Contains(apis.RateLimitForget, name):
				forgets = true
			case slices.Contains(apis.RateLimitedAdds, name) && a.freq.At(call).Repeats() && !constantItem(call.Common()):
				if first == nil || call.Pos() < first.Pos() {
					first = call
				}
			}
		}
	}
	if !makes || forgets || handed || first == nil || a.constantQueues() {
		return
	}
	name := match.CalleeObject(first.Common()).Name()
	a.rep.Report(analysis.Diagnostic{Pos: first.Pos(), Message: fmt.Sprintf(
		"rate limiter's failure history grows %s without bound: %s runs in %s and no code in this package calls Forget, so every item that ever failed (deleted objects too) stays; call Forget when an item succeeds or goes away",
		a.freq.At(first).Main(), name, rootName(first.Parent()))})
}

// queueAdds are the workqueue methods that put an item into a queue or
// a rate limiter.
var queueAdds = []string{"Add", "AddAfter", "AddRateLimited", "When"}

// constantQueues reports whether every item the package puts into a
// workqueue is a constant, or an item it took from a queue (a key re-added
// after a failure), and some are constants: then the queues hold a fixed
// set of items, and so does the limiter's failure history (a dummy key
// that triggers a reload). Items that only ever come back from Get come
// from code we cannot see.
func (a *checker) constantQueues() bool {
	constants := 0
	for _, fn := range a.fns {
		if a.rep.IsTestFile(fn.Pos()) {
			continue
		}
		for call := range callInstrs(fn) {
			c := call.Common()
			callee := match.CalleeObject(c)
			if callee == nil || match.PkgPath(callee.Pkg()) != apis.ClientGoWorkqueue || !slices.Contains(queueAdds, callee.Name()) {
				continue
			}
			args := c.Args
			if !c.IsInvoke() && len(args) > 0 {
				args = args[1:] // the receiver
			}
			if len(args) == 0 || !a.takenOrConstant(args[0], 0) {
				return false
			}
			if isConst(args[0]) {
				constants++
			}
		}
	}
	return constants > 0
}

// isConst reports whether v is a constant (converted to an interface).
func isConst(v ssa.Value) bool {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	_, ok := v.(*ssa.Const)
	return ok
}

// takenOrConstant reports whether an item is a constant, or was taken
// from a workqueue with Get (also through the parameters of the
// package's functions, when every call passes one).
func (a *checker) takenOrConstant(v ssa.Value, depth int) bool {
	if depth > 6 {
		return false
	}
	if r, ok := a.takenMemo[v]; ok {
		return r
	}
	a.takenMemo[v] = false // in progress: a cycle proves nothing
	r := a.takenOrConstantOnce(v, depth)
	if r {
		a.takenMemo[v] = true
	} else {
		delete(a.takenMemo, v) // may be a cut at this depth: not for ever
	}
	return r
}

func (a *checker) takenOrConstantOnce(v ssa.Value, depth int) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.MakeInterface:
		return a.takenOrConstant(v.X, depth+1)
	case *ssa.ChangeType:
		return a.takenOrConstant(v.X, depth+1)
	case *ssa.Extract:
		call, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 0 {
			return false
		}
		callee := match.CalleeObject(call.Common())
		return callee != nil && callee.Name() == "Get" && match.PkgPath(callee.Pkg()) == apis.ClientGoWorkqueue
	case *ssa.UnOp:
		// a captured variable's value: what its cell holds
		return v.Op == token.MUL && a.takenOrConstant(v.X, depth+1)
	case *ssa.Alloc:
		// a variable's cell: its one stored value
		var stored ssa.Value
		for _, r := range *v.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(v) {
				if stored != nil {
					return false
				}
				stored = st.Val
			}
		}
		return stored != nil && a.takenOrConstant(stored, depth+1)
	case *ssa.FreeVar:
		// a literal's captured value: what each of its closures binds
		fn := v.Parent()
		i := slices.Index(fn.FreeVars, v)
		n := 0
		for _, g := range a.fns {
			for _, b := range g.Blocks {
				for _, instr := range b.Instrs {
					if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) {
						if i < 0 || i >= len(mc.Bindings) || !a.takenOrConstant(mc.Bindings[i], depth+1) {
							return false
						}
						n++
					}
				}
			}
		}
		return n > 0
	case *ssa.Parameter:
		fn := v.Parent()
		i := slices.Index(fn.Params, v)
		if fn.Parent() != nil || i < 0 || fn.Object() == nil || fn.Object().Exported() {
			return false
		}
		sites := a.callSites(fn)
		if len(sites) == 0 || a.valued[origin(fn)] {
			return false // no call in sight, or handed on: called elsewhere
		}
		for _, s := range sites {
			c := s.call.Common()
			if c.IsInvoke() || i >= len(c.Args) || !a.takenOrConstant(c.Args[i], depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// passesQueue reports whether the call hands a workqueue (or a rate
// limiter) to its callee.
func passesQueue(c *ssa.CallCommon) bool {
	for _, arg := range c.Args {
		t := arg.Type()
		if mi, ok := arg.(*ssa.MakeInterface); ok {
			t = mi.X.Type()
		}
		if n := namedOf(t); n != nil && n.Obj().Pkg() != nil && match.PkgPath(n.Obj().Pkg()) == apis.ClientGoWorkqueue {
			return true
		}
	}
	return false
}

func namedOf(t types.Type) *types.Named {
	n, _ := types.Unalias(deref(t)).(*types.Named)
	return n
}

// callInstrs yields fn's calls, go and defer statements.
func callInstrs(fn *ssa.Function) iter.Seq[ssa.CallInstruction] {
	return func(yield func(ssa.CallInstruction) bool) {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok && !yield(call) {
					return
				}
			}
		}
	}
}

// reportHandlerAdds reports event handlers added to an informer on
// recurring code, in a package that never calls RemoveEventHandler, with
// the registration dropped: each reconcile adds one more handler to an
// informer that lives on, and every event runs them all. Silent when the
// add is guarded (a sync.Once, a flag or a map marked in the same
// function) or the informer comes from a factory made right there.
func (a *checker) reportHandlerAdds() {
	removes := false
	var cands []ssa.CallInstruction
	for _, fn := range a.fns {
		if len(fn.Blocks) > maxBlocks || a.rep.IsTestFile(fn.Pos()) {
			continue
		}
		for call := range callInstrs(fn) {
			callee := match.CalleeObject(call.Common())
			if callee == nil || !isInformerAPI(callee) {
				continue
			}
			if slices.Contains(apis.HandlerRemovalMethods, callee.Name()) {
				removes = true
				continue
			}
			if !slices.Contains(apis.HandlerRegistrationMethods, callee.Name()) || !a.freq.At(call).Repeats() {
				continue
			}
			if registrationUsed(call) || a.guardedOnce(fn) {
				continue
			}
			cands = append(cands, call)
		}
	}
	if removes {
		return
	}
	for _, call := range cands {
		why := a.freq.WhyAt(call)
		if why != "" {
			why = " (" + why + ")"
		}
		a.rep.Report(analysis.Diagnostic{Pos: call.Pos(), Message: fmt.Sprintf(
			"event handler added %s is never removed: %s adds one more handler to the informer each time%s and every event runs them all; add it once, or keep the registration and call RemoveEventHandler",
			a.freq.At(call).Main(), rootName(call.Parent()), why)})
	}
}

func isInformerAPI(f *types.Func) bool {
	p := match.PkgPath(f.Pkg())
	return p == apis.ClientGoCache || p == apis.CRCache || p == apis.CRCacheAPI
}

// registrationUsed reports whether the registration a handler add
// returns is kept (to remove the handler later, or to wait on it).
func registrationUsed(call ssa.CallInstruction) bool {
	c, ok := call.(*ssa.Call)
	if !ok || c.Referrers() == nil {
		return false
	}
	for _, r := range *c.Referrers() {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 && e.Referrers() != nil {
			for _, rr := range *e.Referrers() {
				if _, dbg := rr.(*ssa.DebugRef); !dbg {
					return true
				}
			}
		}
	}
	return false
}

// guardedOnce reports whether fn (or the function a literal is nested
// in) marks what it did: a store of true, a map update, a sync.Once, or
// a factory made right there whose informers the handler goes with; or
// fn is unexported and every call of it in the package is in a function
// that does (to two calls up: the garbage collector's syncMonitors
// creates a monitor, and its handler, only for resources it has no
// monitor for yet).
func (a *checker) guardedOnce(fn *ssa.Function) bool {
	return a.guardedOnceUp(fn, 0)
}

func (a *checker) guardedOnceUp(fn *ssa.Function, depth int) bool {
	if a.marksHere(fn) {
		return true
	}
	root := fn
	for root.Parent() != nil {
		root = root.Parent()
	}
	if depth >= 2 || root.Object() == nil || root.Object().Exported() {
		return false
	}
	a.callSites(root)
	sites := a.sites[origin(root)]
	if len(sites) == 0 || len(sites) > 16 || a.valued[origin(root)] {
		return false
	}
	for _, s := range sites {
		if s.caller == root || !a.guardedOnceUp(s.caller, depth+1) {
			return false
		}
	}
	return true
}

// marksHere is guardedOnce without the callers.
func (a *checker) marksHere(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		if f.Parent() != nil && passedToOnce(f) {
			return true
		}
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.MapUpdate:
					return true
				case ssa.CallInstruction:
					// a set's Insert, a sync.Map's Store; a factory made
					// here, whose informers the handler goes with
					if callee := match.CalleeObject(x.Common()); callee != nil &&
						(slices.Contains(apis.SetMarkMethods, callee.Name()) || isSyncMap(callee, apis.SyncMapGrow) ||
							match.IsAny(callee, apis.LivingMakers)) {
						return true
					}
				case *ssa.Store:
					if c, ok := x.Val.(*ssa.Const); ok && c.Value != nil && c.Value.String() == "true" {
						return true
					}
				}
			}
		}
	}
	return false
}

// passedToOnce reports whether the literal fn is handed to sync.Once's Do.
func passedToOnce(fn *ssa.Function) bool {
	for call := range callInstrs(fn.Parent()) {
		callee := match.CalleeObject(call.Common())
		if callee == nil || callee.Name() != "Do" || !match.IsNamed(recvType(callee), apis.Sync, "Once") {
			continue
		}
		for _, arg := range call.Common().Args {
			if arg == ssa.Value(fn) {
				return true
			}
			if mc, ok := arg.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) {
				return true
			}
		}
	}
	return false
}

// stopsHere reports whether a Start is given a stop channel or context
// made in the calling function (ctx, cancel := context.WithCancel(ctx);
// defer cancel(); f.Start(ctx.Done())): what it starts stops with it.
func stopsHere(start ssa.CallInstruction) bool {
	c := start.Common()
	for _, arg := range c.Args {
		v := arg
		if call, ok := v.(*ssa.Call); ok && call.Common().IsInvoke() && call.Common().Method.Name() == "Done" {
			v = call.Common().Value
		}
		switch v := v.(type) {
		case *ssa.MakeChan:
			return true
		case *ssa.Extract:
			if call, ok := v.Tuple.(*ssa.Call); ok {
				if callee := match.CalleeObject(call.Common()); callee != nil && match.IsAny(callee, apis.CancelContexts) {
					return true
				}
			}
		}
	}
	return false
}

// constantItem reports whether the item a rate limiter is told about is a
// constant (a limiter used to back off one operation): one entry, bounded.
func constantItem(c *ssa.CallCommon) bool {
	return len(c.Args) > 0 && isConst(c.Args[len(c.Args)-1])
}
