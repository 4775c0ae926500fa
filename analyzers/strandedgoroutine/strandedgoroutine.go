package strandedgoroutine

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"

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
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

//go:embed doc.go
var docFile string

const name = "strandedgoroutine"

// Analyzer reports goroutines stranded by a return path that skips their
// partner operation.
var Analyzer = NewOn(frequency.Analyzer)

// NewOn is the analyzer on the frequency stage freq (the one every
// analyzer of a run shares: suite.Frequency).
func NewOn(freq *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      name,
		Doc:       docutil.Extract(docFile, name),
		URL:       "https://github.com/ctrlvet/ctrlvet/blob/main/docs/strandedgoroutine.md",
		Requires:  []*analysis.Analyzer{lazyssa.Analyzer, freq},
		FactTypes: []analysis.Fact{new(strandsFact), new(foreverFact), new(watchFact)},
		Run: guard.Run(name, func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[freq].(*frequency.Result))
		}),
	}
}

type state struct {
	pass  *analysis.Pass
	freq  *frequency.Result
	rep   *diag.Reporter
	fns   []*ssa.Function
	loops resource.Loops
	// calls: the package's static call graph, shared with the run
	calls *lazyssa.Calls
	// testOnlyMemo: testOnly's answers (each scans the package).
	testOnlyMemo map[*ssa.Function]bool
	// reported: go statements already reported, one report each
	reported map[*ssa.Go]bool
	// nonZero: fields stored a value other than their zero somewhere
	nonZero map[*types.Var]bool
	// strands: the package's functions whose result the caller must keep
	strands map[*ssa.Function]*strandsFact
	// locks: must-held analyses, memoised
	locks   map[lockKey]*lockState
	mutexes map[ssa.Value][]*types.Var
	// uses: channel use summaries, memoised
	uses map[paramKey]chanUse
	// chans: channels already reported
	chans map[*ssa.MakeChan]bool
	// takes: whether a function takes a mutex field, memoised
	takes map[takeKey]bool
	// funcs: the functions a function value may hold, memoised
	funcs map[ssa.Value][]*ssa.Function
	// impls: the package's methods an interface method call may run
	impls map[implKey][]*ssa.Function
	// stopRecv: whether a field's receivers all stop on a signal
	stopRecv map[stopMemo]stopResult
	// neverMemo, calleeMemo: the never-returning goroutines' context
	// parameters and callees, memoised
	neverMemo  map[*ssa.Parameter]string
	calleeMemo map[neverKey]string
	// startsMemo: whether a function starts, itself or through the
	// package's functions, a goroutine that only the context parameter
	// being done ends (foreverSummary)
	startsMemo map[startsKey]bool
	// fedMemo: a channel field's first send on recurring code (fedAt)
	fedMemo map[string]fedSend
	// updateMemo: whether a function (or its callees) updates kept state
	updateMemo map[updateKey]bool
	// sharedMemo: struct types held by more than one field (fieldPath)
	sharedMemo map[*types.Named]bool
	// watchMemo: the package's functions that return a fresh watch
	watchMemo map[*ssa.Function]*watchFact
	// dead: the package's field scan
	dead *deadScan
	// all: fns and the function literals of package-level variable
	// initialisers (var _ = Describe(..., func() {...})), which use
	// fields too: the whole-package scans look at them all
	all []*ssa.Function
}

// withInitLiterals adds the package initialiser's function literals.
func withInitLiterals(pkg *ssa.Package, fns []*ssa.Function) []*ssa.Function {
	all := append([]*ssa.Function(nil), fns...)
	init := pkg.Func("init")
	if init == nil {
		return all
	}
	var add func(*ssa.Function)
	add = func(f *ssa.Function) {
		all = append(all, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	add(init)
	return all
}

func run(pass *analysis.Pass, freq *frequency.Result) (any, error) {
	if factgate.StandardPass(pass) || (!mayBlock(pass) && !importsStrands(pass)) {
		return nil, nil
	}
	builder := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Builder)
	pkg, fns := builder.Build()
	st := &state{pass: pass, freq: freq, rep: diag.New(pass, name), fns: fns, loops: make(resource.Loops), reported: make(map[*ssa.Go]bool), locks: make(map[lockKey]*lockState), mutexes: make(map[ssa.Value][]*types.Var), uses: make(map[paramKey]chanUse), chans: make(map[*ssa.MakeChan]bool), takes: make(map[takeKey]bool), funcs: make(map[ssa.Value][]*ssa.Function), impls: make(map[implKey][]*ssa.Function), stopRecv: make(map[stopMemo]stopResult), neverMemo: make(map[*ssa.Parameter]string), calleeMemo: make(map[neverKey]string), startsMemo: make(map[startsKey]bool), fedMemo: make(map[string]fedSend), updateMemo: make(map[updateKey]bool), sharedMemo: make(map[*types.Named]bool), watchMemo: make(map[*ssa.Function]*watchFact)}
	st.calls = builder.Calls()
	st.all = withInitLiterals(pkg, fns)
	st.dead = st.scanFields()
	st.summarize()
	st.summarizeWatches()
	for _, fn := range fns {
		if st.rep.IsTestFile(fn.Pos()) {
			continue
		}
		st.checkWatches(fn)
		st.checkSelfBlock(fn)
		st.checkDropped(fn)
		st.checkForeverCalls(fn)
		st.checkWaitInLoop(fn)
		st.checkCheckThenBlock(fn)
		st.checkOrphans(fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if g, ok := instr.(*ssa.Go); ok {
					st.checkGo(fn, g)
					st.checkForever(fn, g)
					if !st.onceAt(g) {
						st.checkEarlyExit(fn, g)
						st.checkFanIn(fn, g)
					}
				}
			}
		}
	}
	for _, fn := range fns {
		if !st.rep.IsTestFile(fn.Pos()) {
			st.checkNoPartner(fn)
		}
	}
	st.checkFieldChannels()
	d := st.dead
	st.checkDeadFields(d)
	locked := make(map[ssa.Instruction]bool)
	st.checkLockHeld(d, locked)
	st.checkLockByCaller(locked)
	st.checkActors(d)
	st.checkSelfJoin(d)
	return nil, nil
}

// mayBlock is the cheap check: no go statement, no send, receive, select,
// Wait call or watch, nothing to strand.
func mayBlock(pass *analysis.Pass) bool {
	for _, f := range pass.Files {
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GoStmt, *ast.SelectStmt, *ast.SendStmt:
				found = true
			case *ast.RangeStmt:
				found = isChan(pass.TypesInfo.TypeOf(n.X))
			case *ast.UnaryExpr:
				found = n.Op == token.ARROW
			case *ast.SelectorExpr:
				found = n.Sel.Name == "Wait" || n.Sel.Name == apis.WatchMethod || n.Sel.Name == apis.WatchResults
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// binding maps the goroutine's free variables and parameters to the
// values of the starting function they are bound to.
type binding map[ssa.Value]ssa.Value

// goroutineFunc returns the function a go statement runs and how its free
// variables and parameters are bound.
func goroutineFunc(g *ssa.Go) (*ssa.Function, binding) {
	var fn *ssa.Function
	bind := make(binding)
	switch v := g.Call.Value.(type) {
	case *ssa.MakeClosure:
		fn, _ = v.Fn.(*ssa.Function)
		if fn == nil {
			return nil, nil
		}
		for i, b := range v.Bindings {
			if i < len(fn.FreeVars) {
				bind[fn.FreeVars[i]] = b
			}
		}
	case *ssa.Function:
		fn = v
	default:
		return nil, nil
	}
	for i, a := range g.Call.Args {
		if i < len(fn.Params) {
			bind[fn.Params[i]] = a
		}
	}
	return fn, bind
}

// bound resolves a value inside the goroutine to the value of the
// starting function it denotes (through free variables, parameters and
// captured variable cells).
func bound(g *ssa.Function, bindings binding, v ssa.Value) (val ssa.Value, cell bool) {
	switch v := v.(type) {
	case *ssa.FreeVar, *ssa.Parameter:
		if b, ok := bindings[v]; ok {
			return b, false
		}
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if fv, ok := v.X.(*ssa.FreeVar); ok {
				if b, ok := bindings[fv]; ok {
					return b, true
				}
			}
		}
	case *ssa.ChangeType:
		return bound(g, bindings, v.X)
	}
	return nil, false
}

// local resolves a starting function's value (or captured cell) to the
// channel made there, if it is one.
func local(v ssa.Value, cell bool) *ssa.MakeChan {
	if cell {
		a, ok := v.(*ssa.Alloc)
		if !ok {
			return nil
		}
		var mc *ssa.MakeChan
		for _, r := range refs(a) {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(a) {
				m, ok := st.Val.(*ssa.MakeChan)
				if !ok || (mc != nil && mc != m) {
					return nil
				}
				mc = m
			}
		}
		return mc
	}
	for {
		ct, ok := v.(*ssa.ChangeType)
		if !ok {
			break
		}
		v = ct.X
	}
	mc, _ := v.(*ssa.MakeChan)
	return mc
}

// wait is what a goroutine blocks on, with nothing else that can
// proceed.
type wait struct {
	recv   bool // a receive (else a send)
	ch     *ssa.MakeChan
	cancel ssa.Value // ctx.Done() of a context whose cancel is this
	pos    token.Pos
	sends  int  // sends on ch in the goroutine
	loop   bool // a send in a loop
	// conditional: the send runs only under a condition (if err != nil)
	conditional bool
	outer       ssa.Value
}

// waits lists the goroutine's blocking operations on channels of the
// starting function.
func waits(g *ssa.Function, bindings binding, loops resource.Loops) []wait {
	var out []wait
	sends := make(map[*ssa.MakeChan][]ssa.Instruction)
	inLoop := make(map[*ssa.MakeChan]bool)
	add := func(w wait) {
		for i := range out {
			if out[i].ch == w.ch && out[i].cancel == w.cancel && out[i].recv == w.recv && w.ch != nil {
				return
			}
		}
		out = append(out, w)
	}
	for _, b := range g.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.UnOp:
				if in.Op != token.ARROW {
					continue
				}
				if w, ok := recvWait(g, bindings, in.X, in.Pos()); ok {
					add(w)
				}
			case *ssa.Select:
				if !in.Blocking || len(in.States) != 1 {
					continue // another case, or a default, can proceed
				}
				s := in.States[0]
				if s.Dir == types.RecvOnly {
					if w, ok := recvWait(g, bindings, s.Chan, s.Pos); ok {
						add(w)
					}
				} else if v, cell := bound(g, bindings, s.Chan); v != nil {
					if mc := local(v, cell); mc != nil {
						sends[mc] = append(sends[mc], in)
						inLoop[mc] = inLoop[mc] || loops.In(b)
						add(wait{ch: mc, pos: s.Pos})
					}
				}
			case *ssa.Send:
				v, cell := bound(g, bindings, in.Chan)
				if v == nil {
					continue
				}
				if mc := local(v, cell); mc != nil {
					sends[mc] = append(sends[mc], in)
					inLoop[mc] = inLoop[mc] || loops.In(b)
					add(wait{ch: mc, pos: in.Pos(), conditional: conditional(b)})
				}
			}
		}
	}
	for i := range out {
		if !out[i].recv && out[i].ch != nil {
			out[i].sends = onOnePath(sends[out[i].ch])
			out[i].loop = inLoop[out[i].ch]
		}
	}
	return out
}

// recvWait classifies a receive in the goroutine: from a channel made by
// the starting function, or from ctx.Done() of a context it cancels.
func recvWait(g *ssa.Function, bindings binding, ch ssa.Value, pos token.Pos) (wait, bool) {
	if call, ok := ch.(*ssa.Call); ok && call.Call.IsInvoke() && call.Call.Method.Name() == "Done" &&
		match.IsNamed(call.Call.Value.Type(), "context", "Context") {
		v, cell := bound(g, bindings, call.Call.Value)
		if v == nil {
			return wait{}, false
		}
		if cancel := cancelOf(v, cell); cancel != nil {
			return wait{recv: true, cancel: cancel, pos: pos}, true
		}
		return wait{}, false
	}
	v, cell := bound(g, bindings, ch)
	if v == nil {
		if isOuter(ch) {
			return wait{recv: true, outer: ch, pos: pos}, true
		}
		return wait{}, false
	}
	if mc := local(v, cell); mc != nil {
		return wait{recv: true, ch: mc, pos: pos}, true
	}
	if cell {
		if a, ok := v.(*ssa.Alloc); ok {
			v = storedValue(a)
		}
	}
	if v != nil && isOuter(v) {
		return wait{recv: true, outer: v, pos: pos}, true
	}
	return wait{}, false
}

// storedValue returns the one value stored in a captured variable, or nil.
func storedValue(a *ssa.Alloc) ssa.Value {
	var stored ssa.Value
	for _, r := range refs(a) {
		if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(a) {
			if stored != nil {
				return nil
			}
			stored = st.Val
		}
	}
	return stored
}

// isOuter reports whether a channel outlives a call of the starting
// function: a parameter, or a field or package variable.
func isOuter(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Parameter:
		return true
	case *ssa.UnOp:
		switch v.X.(type) {
		case *ssa.FieldAddr, *ssa.Global:
			return true
		}
	case *ssa.ChangeType:
		return isOuter(v.X)
	}
	return false
}

// cancelOf returns the cancel function of a context made by
// context.WithCancel(context.Background()) (or TODO()) in the starting
// function: a context that only its cancel can end.
func cancelOf(v ssa.Value, cell bool) ssa.Value {
	if cell {
		// a captured variable: the one value stored in it
		a, ok := v.(*ssa.Alloc)
		if !ok {
			return nil
		}
		if v = storedValue(a); v == nil {
			return nil
		}
	}
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return nil
	}
	callee := match.CalleeObject(call.Common())
	if callee == nil || match.PkgPath(callee.Pkg()) != "context" || (callee.Name() != "WithCancel" && callee.Name() != "WithCancelCause") {
		return nil
	}
	parent, ok := call.Call.Args[0].(*ssa.Call)
	if !ok {
		return nil
	}
	pc := match.CalleeObject(parent.Common())
	if pc == nil || match.PkgPath(pc.Pkg()) != "context" || (pc.Name() != "Background" && pc.Name() != "TODO") {
		return nil
	}
	for _, r := range refs(call) {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 1 {
			return e
		}
	}
	return nil
}

func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

// checkGo reports a goroutine whose partner operation some return path of
// fn skips.
func (st *state) checkGo(fn *ssa.Function, g *ssa.Go) {
	gf, bindings := goroutineFunc(g)
	if gf == nil || len(gf.Blocks) == 0 || st.onceAt(g) {
		return
	}
	ws := waits(gf, bindings, st.loops)
	cancellable := hasContext(bindings)
	for _, w := range ws {
		if w.outer != nil {
			st.checkLoopGo(fn, g, gf, bindings, w)
			continue
		}
		if w.ch != nil && (selfPartner(ws, w) || cancellable) {
			// the goroutine is its own partner (a semaphore), or it is
			// given a context to stop it: stay silent
			continue
		}
		var pol *resource.Policy
		var v ssa.Value
		var blocked, partner, fix string
		var skip map[*ssa.BasicBlock]bool
		switch {
		case w.cancel != nil:
			pol = &resource.Policy{CallReleases: true, Ignore: gf}
			v = w.cancel
			blocked, partner = "<-ctx.Done()", "cancel()"
			fix = "defer cancel() right after context.WithCancel"
		case w.recv:
			pol = &resource.Policy{ReleaseBuiltinClose: true, SendReleases: true, Ignore: gf}
			v = w.ch
			blocked, partner = "a receive", "a close or send"
			fix = "defer close(...) right after make, or close before every return"
		default:
			if c, ok := resource.IntConst(w.ch.Size); !ok || (!w.loop && int(c) >= w.sends) {
				continue // room in the buffer for every send
			}
			if st.poolBefore(fn, g, w.ch, true) {
				// its receivers are goroutines a loop started before it
				// (a worker pool): only a pool of zero skips them
				continue
			}
			if recvs, inLoop, _ := st.receivesOf(fn, w.ch); inLoop && st.startedPerIteration(g, w.ch) {
				// a receive loop for goroutines started in a loop: a
				// path through it that skips the receive ran it zero
				// times, when the loop that starts them ran zero times
				// too; only a return before it counts (checkFanIn
				// counts what the loop takes)
				skip = receiveLoopHeads(recvs)
			}
			pol = &resource.Policy{RecvReleases: true, Ignore: gf}
			v = w.ch
			blocked, partner = "a send", "a receive"
			fix = "a buffer of one for a single result, or a select on ctx.Done() in the goroutine"
		}
		res := resource.Track(pol, fn, g, v, nil)
		if skip != nil {
			res.Leaks = returnsAvoiding(g.Block(), skip, res.Leaks)
		}
		if res.Unknown || len(res.Leaks) == 0 {
			continue
		}
		if !w.recv && w.loop && res.Never() {
			if c, _ := resource.IntConst(w.ch.Size); c > 0 {
				continue // a bounded loop may fit the buffer: we cannot tell
			}
		}
		if !w.recv && w.conditional && allOnContextEnd(res.Leaks) {
			// an error sent only when the work fails, abandoned when
			// the context ends: the shutdown that ends the context
			// usually ends the work without an error
			continue
		}
		// the first return with a position (an implicit return at the
		// end of the function has none): it names the line
		sort.Slice(res.Leaks, func(i, j int) bool {
			pi, pj := res.Leaks[i].Pos(), res.Leaks[j].Pos()
			if pi.IsValid() != pj.IsValid() {
				return pi.IsValid()
			}
			return pi < pj
		})
		where := "the return at line " + strconv.Itoa(st.pass.Fset.Position(res.Leaks[0].Pos()).Line)
		if !res.Leaks[0].Pos().IsValid() {
			where = "the end of the function"
		}
		msg := fmt.Sprintf("goroutine can block for ever on %s: %s happens only on some paths of %s, and %s skips it; %s",
			blocked, partner, funcName(fn), where, fix)
		if res.Never() {
			msg = fmt.Sprintf("goroutine blocks for ever on %s: %s never performs %s; %s", blocked, funcName(fn), partner, fix)
		}
		d := analysis.Diagnostic{
			Pos:     g.Pos(),
			Message: msg,
			Related: []analysis.RelatedInformation{{Pos: w.pos, Message: "the goroutine blocks here"}},
		}
		for _, r := range res.Leaks {
			if len(d.Related) == 4 {
				break
			}
			if r.Pos().IsValid() {
				d.Related = append(d.Related, analysis.RelatedInformation{Pos: r.Pos(), Message: "returns here without " + partner})
			}
		}
		st.rep.Report(d)
		st.reported[g] = true
		return
	}
}

// poolBefore reports whether a loop that every path to g passes starts,
// per iteration, goroutines that receive from mc (recv) or send on it: a
// worker pool. A path on which g's partner is missing ran that loop zero
// times, which is a pool of no workers, not a leak.
func (st *state) poolBefore(fn *ssa.Function, g *ssa.Go, mc *ssa.MakeChan, recv bool) bool {
	looked := 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			g2, ok := instr.(*ssa.Go)
			if !ok || g2 == g || !st.loops.In(b) {
				continue
			}
			if looked++; looked > maxPoolGos {
				return false // asked per go statement: keep the product small
			}
			h := innermostHead(b)
			if h == nil || !h.Dominates(g.Block()) || inInnermostLoop(g.Block(), b) {
				continue
			}
			gf, bindings := goroutineFunc(g2)
			if gf == nil {
				continue
			}
			for _, w := range waits(gf, bindings, st.loops) {
				if w.ch == mc && w.recv == recv && (!recv || drainsUntilClosed(gf, bindings, mc)) {
					return true
				}
			}
		}
	}
	return false
}

// maxPoolGos bounds the go statements in loops that poolBefore looks at.
const maxPoolGos = 32

// drainsUntilClosed reports whether the worker gf receives from mc in a
// loop that it leaves only when the channel is closed (for v := range
// ch, with no return or break out of the body): it takes every value
// the feeder sends. A worker that returns on an error, or takes one
// value, does not.
func drainsUntilClosed(gf *ssa.Function, bindings binding, mc *ssa.MakeChan) bool {
	found := false
	for _, b := range gf.Blocks {
		for _, instr := range b.Instrs {
			u, ok := instr.(*ssa.UnOp)
			if !ok || u.Op != token.ARROW {
				continue
			}
			if v, cell := bound(gf, bindings, u.X); v == nil || local(v, cell) != mc {
				continue
			}
			iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
			if !ok || !u.CommaOk {
				return false // a plain receive: one value at a time, no end
			}
			ex, ok := iff.Cond.(*ssa.Extract)
			if !ok || ex.Tuple != ssa.Value(u) || ex.Index != 1 {
				return false
			}
			// from the open branch, no return before the receive again
			for _, r := range gf.Blocks {
				if _, isRet := r.Instrs[len(r.Instrs)-1].(*ssa.Return); isRet && r != b.Succs[1] && reachesAvoiding(b.Succs[0], r, b) {
					return false
				}
				if r == b.Succs[0] {
					if _, isRet := r.Instrs[len(r.Instrs)-1].(*ssa.Return); isRet {
						return false
					}
				}
			}
			found = true
		}
	}
	return found
}

// funcName names a function for messages.
func funcName(fn *ssa.Function) string { return match.FuncName(fn) }

// checkLoopGo reports a goroutine started on every iteration of a loop
// that waits only on a channel that outlives the loop, while the
// iteration makes a context of its own that the goroutine never watches.
func (st *state) checkLoopGo(fn *ssa.Function, g *ssa.Go, gf *ssa.Function, bindings binding, w wait) {
	if !st.loops.In(g.Block()) {
		return
	}
	for _, b := range fn.Blocks {
		if !st.loops.In(b) {
			continue
		}
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			callee := match.CalleeObject(call.Common())
			if callee == nil || match.PkgPath(callee.Pkg()) != "context" {
				continue
			}
			switch callee.Name() {
			case "WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause":
			default:
				continue
			}
			if !dominates(call, g) {
				continue // a context of another loop, or made after
			}
			if captures(gf, bindings, call) {
				return // the goroutine watches the iteration's context
			}
			st.rep.Report(analysis.Diagnostic{
				Pos: g.Pos(),
				Message: fmt.Sprintf("goroutine started on every loop iteration of %s waits only on a channel that outlives the loop and never on the iteration's context: one goroutine leaks per iteration until that channel is closed; select on the iteration's ctx.Done() too",
					funcName(fn)),
				Related: []analysis.RelatedInformation{
					{Pos: w.pos, Message: "the goroutine blocks here"},
					{Pos: call.Pos(), Message: "the iteration's context, which the goroutine ignores"},
				},
			})
			return
		}
	}
}

// captures reports whether the goroutine's bindings include the context
// made by call (or its cancel function).
func captures(gf *ssa.Function, bindings binding, call *ssa.Call) bool {
	for _, b := range bindings {
		// the context itself (result 0); holding its cancel does not
		// unblock the goroutine
		if e, ok := b.(*ssa.Extract); ok && e.Tuple == ssa.Value(call) && e.Index == 0 {
			return true
		}
		if a, ok := b.(*ssa.Alloc); ok {
			for _, r := range refs(a) {
				if st, ok := r.(*ssa.Store); ok {
					if e, ok := st.Val.(*ssa.Extract); ok && e.Tuple == ssa.Value(call) && e.Index == 0 {
						return true
					}
				}
			}
		}
	}
	return false
}

// conditional reports whether block b runs only under a condition: a
// block that dominates it ends with an if.
func conditional(b *ssa.BasicBlock) bool {
	for d := b.Idom(); d != nil; d = d.Idom() {
		if len(d.Instrs) > 0 {
			if _, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If); ok {
				return true
			}
		}
	}
	return false
}

// allOnContextEnd reports whether every return is reached through the
// case of a select that receives from a context's Done channel.
func allOnContextEnd(rets []*ssa.Return) bool {
	for _, r := range rets {
		if !onContextEnd(r.Block()) {
			return false
		}
	}
	return true
}

func onContextEnd(b *ssa.BasicBlock) bool {
	return underTrueBranch(b, func(iff *ssa.If) bool {
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || cmp.Op != token.EQL {
			return false
		}
		ex, ok := cmp.X.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			return false
		}
		sel, ok := ex.Tuple.(*ssa.Select)
		if !ok {
			return false
		}
		i, ok := resource.IntConst(cmp.Y)
		if !ok || int(i) >= len(sel.States) {
			return false
		}
		call, ok := sel.States[i].Chan.(*ssa.Call)
		return ok && call.Call.IsInvoke() && call.Call.Method.Name() == "Done"
	})
}

// underTrueBranch reports whether b is dominated by the true branch of an
// if for which cond holds.
func underTrueBranch(b *ssa.BasicBlock, cond func(*ssa.If) bool) bool {
	for child := b; child != nil; child = child.Idom() {
		d := child.Idom()
		if d == nil || len(d.Instrs) == 0 || len(d.Succs) != 2 || d.Succs[0] != child {
			continue
		}
		if iff, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If); ok && cond(iff) {
			return true
		}
	}
	return false
}

// onOnePath returns the most sends that run one after another: for each
// send, itself and the sends that dominate it.
func onOnePath(sends []ssa.Instruction) int {
	most := 0
	for _, n := range resource.DominatingCounts(sends) {
		most = max(most, n)
	}
	return most
}

// dominates reports whether a runs before b on every path to b (both in
// one function).
func dominates(a, b ssa.Instruction) bool {
	if a.Block() != b.Block() {
		return a.Block().Dominates(b.Block())
	}
	for _, in := range a.Block().Instrs {
		if in == a {
			return true
		}
		if in == b {
			return false
		}
	}
	return false
}

// selfPartner reports whether the goroutine itself performs the partner
// of wait w on the same channel (sends and receives: a semaphore).
func selfPartner(ws []wait, w wait) bool {
	for _, o := range ws {
		if o.ch == w.ch && o.recv != w.recv {
			return true
		}
	}
	return false
}

// hasContext reports whether the goroutine is given a context (captured
// or as an argument).
func hasContext(b binding) bool {
	for _, v := range b {
		if match.IsNamed(v.Type(), "context", "Context") {
			return true
		}
		if a, ok := v.(*ssa.Alloc); ok {
			if p, ok := a.Type().(*types.Pointer); ok && match.IsNamed(p.Elem(), "context", "Context") {
				return true
			}
		}
	}
	return false
}
