package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// Goroutines whose partner is the caller: a function that makes a
// channel, starts a goroutine that sends on it, and returns it (the caller
// must receive); or one that makes an object, starts a goroutine that
// waits on one of its fields, and returns it (the caller must call the
// method that closes or cancels). A caller that drops the result strands
// the goroutine, once per call. The summary is a fact, so the drop is
// found in any importing package.

// strandsFact marks a function whose result the caller must keep: the
// goroutine it starts blocks until the caller receives from the channel
// it returns (Recv), or calls a method of the object it returns.
type strandsFact struct {
	Result int
	Recv   bool // the caller must receive; else call a method
	// Parent: the parameter whose context the goroutine's context derives
	// from, or -1 when it derives from context.Background (or none).
	Parent int
	What   string // what the goroutine waits on, for messages
	// Loop: the goroutine sends on the returned channel in a loop, with
	// no select, more often than its buffer holds: a caller that stops
	// receiving before the channel is closed strands it too.
	Loop bool
}

func (*strandsFact) AFact() {}
func (f *strandsFact) String() string {
	if f.Loop {
		return fmt.Sprintf("strands(result %d, recv %v, parent %d, loop)", f.Result, f.Recv, f.Parent)
	}
	return fmt.Sprintf("strands(result %d, recv %v, parent %d)", f.Result, f.Recv, f.Parent)
}

// summarize computes and exports the facts of the package's functions.
func (st *state) summarize() {
	st.strands = make(map[*ssa.Function]*strandsFact)
	for _, fn := range st.fns {
		if fn.Parent() != nil || fn.Object() == nil {
			continue
		}
		if f := st.summary(fn); f != nil {
			st.strands[fn] = f
			st.pass.ExportObjectFact(fn.Object(), f)
		}
		if f := st.foreverSummary(fn); f != nil {
			st.pass.ExportObjectFact(fn.Object(), f)
		}
	}
	for f, ff := range sortedFields(st.dead.fields) {
		if ff.kind != kindCancel || ff.escaped || ff.partner {
			continue
		}
		for _, made := range ff.madeBy {
			fn := made.Parent()
			if _, done := st.strands[fn]; done || fn.Object() == nil {
				continue
			}
			if sf := st.cancelSummary(f, made.(*ssa.Call)); sf != nil {
				st.strands[fn] = sf
				st.pass.ExportObjectFact(fn.Object(), sf)
			}
		}
	}
}

// cancelSummary: fn derives a context from its parameter with
// context.WithCancel, stores the cancel in a field that nothing calls,
// and starts a goroutine that waits on the context's Done. The goroutine
// then lives as long as the parameter's context: a caller that passes
// one that never ends (context.Background()) strands it, once per call.
func (st *state) cancelSummary(f *types.Var, call *ssa.Call) *strandsFact {
	fn := call.Parent()
	if len(call.Call.Args) == 0 {
		return nil
	}
	p := paramOf(call.Call.Args[0])
	if p == nil {
		return nil
	}
	parent := -1
	for i, q := range fn.Params {
		if q == p {
			parent = i
		}
	}
	if fn.Signature.Recv() != nil {
		parent-- // argument index without the receiver
	}
	if parent < 0 || st.startedWaiting(call) == nil {
		return nil
	}
	return &strandsFact{Result: -1, Parent: parent, What: fmt.Sprintf("waits on the Done channel of a context derived from that argument, and stores its cancel in %s, which nothing calls", st.fieldName(f))}
}

// paramOf returns the parameter v is: the parameter itself, or a load of
// the cell a captured parameter lives in, whose last store before the
// load in the same block is the parameter (ctx, cancel =
// context.WithCancel(ctx) with ctx captured by a function literal).
func paramOf(v ssa.Value) *ssa.Parameter {
	if p, ok := v.(*ssa.Parameter); ok {
		return p
	}
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	cell, ok := load.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	b := load.Block()
	for i := indexIn(b, load) - 1; i >= 0; i-- {
		if st, ok := b.Instrs[i].(*ssa.Store); ok && st.Addr == ssa.Value(cell) {
			p, _ := st.Val.(*ssa.Parameter)
			return p
		}
	}
	return nil
}

// summary: fn returns, on every path, a value its goroutine waits on.
func (st *state) summary(fn *ssa.Function) *strandsFact {
	res := fn.Signature.Results()
	if res.Len() == 0 || len(fn.Blocks) == 0 {
		return nil
	}
	var gos []*ssa.Go
	var rets []*ssa.Return
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch in := instr.(type) {
			case *ssa.Go:
				gos = append(gos, in)
			case *ssa.Return:
				rets = append(rets, in)
			}
		}
	}
	if len(gos) == 0 || len(rets) == 0 {
		return nil
	}
	for i := range res.Len() {
		var v ssa.Value
		for _, r := range rets {
			x := r.Results[i]
			for {
				ct, ok := x.(*ssa.ChangeType)
				if !ok {
					break
				}
				x = ct.X
			}
			if c, ok := x.(*ssa.Const); ok && c.IsNil() && !startedBefore(gos, r) {
				continue // return nil, err: no goroutine started on that path
			}
			if v != nil && x != v {
				v = nil
				break
			}
			v = x
		}
		if v == nil {
			continue
		}
		var cell *ssa.Alloc
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			// a variable captured by the goroutine: its one value
			if a, ok := u.X.(*ssa.Alloc); ok {
				if mc, ok := storedValue(a).(*ssa.MakeChan); ok {
					v, cell = mc, a
				}
			}
		}
		switch v := v.(type) {
		case *ssa.MakeChan:
			if f := st.chanSummary(fn, v, cell, gos); f != nil {
				f.Result = i
				return f
			}
		case *ssa.Alloc:
			if f := st.objectSummary(fn, v, gos); f != nil {
				f.Result = i
				return f
			}
		}
	}
	return nil
}

// chanSummary: an unbuffered channel that a goroutine of fn sends on, that
// fn never receives from, and that goes nowhere else.
func (st *state) chanSummary(fn *ssa.Function, mc *ssa.MakeChan, cell *ssa.Alloc, gos []*ssa.Go) *strandsFact {
	size, ok := resource.IntConst(mc.Size)
	if !ok {
		return nil
	}
	var sender *ssa.Go
	loop := false
	for _, g := range gos {
		gf, bindings := goroutineFunc(g)
		if gf == nil {
			continue
		}
		ws := waits(gf, bindings, st.loops)
		for _, w := range ws {
			if w.ch == mc && !w.recv && !selfPartner(ws, w) {
				sender = g
			}
		}
		if sends := producerSends(gf, bindings)[mc]; len(sends) > 0 && !fitsBuffer(sends, size) && !lastValueSent(sends) {
			if sender != nil && sender != g {
				return nil // two senders: keep to the plain shape
			}
			sender, loop = g, true
		}
	}
	if sender == nil || (size != 0 && !loop) {
		return nil
	}
	vals := []ssa.Value{mc}
	if cell != nil {
		vals = append(vals, cell)
	}
	for i := 0; i < len(vals); i++ {
		if i > maxChanUses {
			return nil
		}
		for _, r := range refs(vals[i]) {
			switch u := r.(type) {
			case *ssa.ChangeType:
				vals = append(vals, u)
			case *ssa.Store:
				if cell == nil || u.Addr != ssa.Value(cell) || u.Val != ssa.Value(mc) {
					return nil
				}
			case *ssa.UnOp:
				if cell == nil || u.X != ssa.Value(cell) || u.Op != token.MUL {
					return nil
				}
				vals = append(vals, u)
			case *ssa.Return, *ssa.DebugRef:
			case *ssa.MakeClosure:
				if u != sender.Call.Value {
					return nil
				}
			case *ssa.Go:
				if u != sender {
					return nil
				}
			default:
				return nil
			}
		}
	}
	if loop {
		return &strandsFact{Recv: true, Loop: true, Parent: -1, What: "sends on the channel it returns, in a loop"}
	}
	return &strandsFact{Recv: true, Parent: -1, What: "sends on the channel it returns"}
}

// objectSummary: a new object of fn, whose goroutine waits on one of its
// fields (a plain receive from a channel field, or ctx.Done() of a context
// field made by context.WithCancel), and fn itself never releases it.
func (st *state) objectSummary(fn *ssa.Function, obj *ssa.Alloc, gos []*ssa.Go) *strandsFact {
	if !obj.Heap || !ownedHere(obj, gos) {
		return nil
	}
	for _, g := range gos {
		gf, bindings := goroutineFunc(g)
		if gf == nil || len(gf.Blocks) == 0 {
			continue
		}
		for _, b := range gf.Blocks {
			for _, instr := range b.Instrs {
				u, ok := instr.(*ssa.UnOp)
				if !ok || u.Op != token.ARROW {
					continue
				}
				if f := st.fieldWaitOf(fn, obj, gf, bindings, u.X); f != nil {
					return f
				}
			}
		}
	}
	return nil
}

// fieldWaitOf classifies the channel a goroutine receives from: ctx.Done()
// of the object's context field, made with context.WithCancel in fn.
func (st *state) fieldWaitOf(fn *ssa.Function, obj *ssa.Alloc, gf *ssa.Function, bindings binding, ch ssa.Value) *strandsFact {
	call, ok := ch.(*ssa.Call)
	if !ok || !call.Call.IsInvoke() || call.Call.Method.Name() != "Done" {
		return nil
	}
	load, ok := call.Call.Value.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	base, cell := bound(gf, bindings, fa.X)
	if cell {
		if a, ok := base.(*ssa.Alloc); ok {
			base = storedValue(a)
		}
	}
	if base != ssa.Value(obj) {
		return nil
	}
	// the context stored in that field of obj in fn
	var ctxCall *ssa.Call
	for _, r := range refs(obj) {
		fa2, ok := r.(*ssa.FieldAddr)
		if !ok || fa2.Field != fa.Field {
			continue
		}
		for _, r2 := range refs(fa2) {
			if s, ok := r2.(*ssa.Store); ok && s.Addr == ssa.Value(fa2) {
				ex, ok := s.Val.(*ssa.Extract)
				if !ok || ex.Index != 0 {
					return nil
				}
				c, ok := ex.Tuple.(*ssa.Call)
				if !ok || ctxCall != nil {
					return nil
				}
				ctxCall = c
			}
		}
	}
	if ctxCall == nil {
		return nil
	}
	callee := match.CalleeObject(ctxCall.Common())
	if callee == nil || match.PkgPath(callee.Pkg()) != "context" || (callee.Name() != "WithCancel" && callee.Name() != "WithCancelCause") {
		return nil
	}
	// its cancel goes into a field of obj, and nowhere else; fn never calls it
	for _, r := range refs(ctxCall) {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 1 {
			continue
		}
		for _, r2 := range refs(ex) {
			s, ok := r2.(*ssa.Store)
			if !ok {
				if _, ok := r2.(*ssa.DebugRef); ok {
					continue
				}
				return nil
			}
			fa3, ok := s.Addr.(*ssa.FieldAddr)
			if !ok || fa3.X != ssa.Value(obj) {
				return nil
			}
		}
	}
	parent := -1
	switch p := ctxCall.Call.Args[0].(type) {
	case *ssa.Parameter:
		for i, q := range fn.Params {
			if q == p {
				parent = i
			}
		}
		if fn.Signature.Recv() != nil {
			parent-- // argument index without the receiver
		}
		if parent < 0 {
			return nil
		}
	case *ssa.Call:
		pc := match.CalleeObject(p.Common())
		if pc == nil || match.PkgPath(pc.Pkg()) != "context" || (pc.Name() != "Background" && pc.Name() != "TODO") {
			return nil
		}
	default:
		return nil
	}
	return &strandsFact{Parent: parent, What: "waits on the Done channel of the context of the object it returns"}
}

// checkDropped reports calls whose result the summary says must be kept,
// and that drop it.
func (st *state) checkDropped(fn *ssa.Function) {
	if st.runsOnce(fn) {
		return
	}
	for c := range match.Calls(fn) {
		callee := match.CalleeObject(c.Common())
		if callee == nil {
			continue
		}
		f := st.factOf(c, callee)
		if f == nil {
			continue
		}
		if f.Result >= 0 && !dropped(c, f.Result) {
			if f.Recv && f.Loop {
				st.checkStopsEarly(fn, c, callee, f)
			}
			continue
		}
		if f.Parent >= 0 {
			args := c.Call.Args
			if c.Call.Signature().Recv() != nil && !c.Call.IsInvoke() && len(args) > 0 {
				args = args[1:]
			}
			if f.Parent >= len(args) || !longLived(args[f.Parent]) && (f.Result >= 0 || !outlives(args[f.Parent]) || st.cancelledWithObject(args[f.Parent])) {
				continue
			}
		}
		if f.Result < 0 {
			d := analysis.Diagnostic{Pos: c.Pos(), Message: fmt.Sprintf("the goroutine that %s starts blocks until the context passed here ends, and that context outlives the call: it %s: one goroutine leaks per call; call the cancel when the object is closed, or pass a context that ends", callee.Name(), f.What)}
			if callee.Pos().IsValid() {
				d.Related = []analysis.RelatedInformation{{Pos: callee.Pos(), Message: "the function that starts the goroutine"}}
			}
			st.rep.Report(d)
			continue
		}
		msg := fmt.Sprintf("the goroutine that %s starts blocks for ever: it %s, and this call drops it: one goroutine leaks per call; receive from it, or give the channel a buffer", callee.Name(), f.What)
		if f.Loop {
			msg = fmt.Sprintf("the goroutine that %s starts blocks for ever: it %s, and this call drops it: one goroutine leaks per call; receive from it until it is closed, or give the goroutine a done channel or context to select on", callee.Name(), f.What)
		}
		if !f.Recv {
			msg = fmt.Sprintf("the goroutine that %s starts blocks for ever: it %s, and this call drops the object, so nothing can close it: one goroutine leaks per call", callee.Name(), f.What)
		}
		d := analysis.Diagnostic{Pos: c.Pos(), Message: msg}
		if callee.Pos().IsValid() {
			d.Related = []analysis.RelatedInformation{{Pos: callee.Pos(), Message: "the function that starts the goroutine"}}
		}
		st.rep.Report(d)
	}
}

func (st *state) factOf(c *ssa.Call, callee *types.Func) *strandsFact {
	if sfn := c.Call.StaticCallee(); sfn != nil {
		if f, ok := st.strands[sfn]; ok {
			return f
		}
		if o := sfn.Origin(); o != nil {
			if f, ok := st.strands[o]; ok {
				return f // an instance of a generic function
			}
		}
	}
	if callee.Pkg() == st.pass.Pkg {
		return nil
	}
	var f strandsFact
	if st.pass.ImportObjectFact(callee, &f) {
		return &f
	}
	return nil
}

// dropped reports whether the call's result i is never used.
func dropped(c *ssa.Call, i int) bool {
	if c.Call.Signature().Results().Len() == 1 {
		for _, r := range refs(c) {
			if _, ok := r.(*ssa.DebugRef); !ok {
				return false
			}
		}
		return true
	}
	for _, r := range refs(c) {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == i {
			for _, r2 := range refs(ex) {
				if _, ok := r2.(*ssa.DebugRef); !ok {
					return false
				}
			}
		}
	}
	return true
}

// longLived reports whether a context lives until the process ends:
// context.Background() or TODO().
// cancelledWithObject reports whether v is a context loaded from a field
// of a struct that also holds a cancel function the package calls (the
// object's own context, cancelled by its Stop or Close): it ends with the
// object, not with the process.
func (st *state) cancelledWithObject(v ssa.Value) bool {
	u, ok := v.(*ssa.UnOp)
	if !ok || u.Op != token.MUL {
		return false
	}
	fa, ok := u.X.(*ssa.FieldAddr)
	if !ok {
		return false
	}
	owner := types.Unalias(fa.X.Type())
	for _, fn := range st.fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				c, ok := instr.(ssa.CallInstruction)
				if !ok || c.Common().IsInvoke() {
					continue
				}
				load, ok := c.Common().Value.(*ssa.UnOp)
				if !ok || load.Op != token.MUL {
					continue
				}
				if g, ok := load.X.(*ssa.FieldAddr); ok && types.Identical(types.Unalias(g.X.Type()), owner) {
					return true
				}
			}
		}
	}
	return false
}

func longLived(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	pc := match.CalleeObject(c.Common())
	return pc != nil && match.PkgPath(pc.Pkg()) == "context" && (pc.Name() == "Background" || pc.Name() == "TODO")
}

// importsStrands reports whether the package uses a function of another
// package that has a summary: then its callers are checked even when it
// has no go statement of its own.
func importsStrands(pass *analysis.Pass) bool {
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			continue
		}
		var f strandsFact
		if pass.ImportObjectFact(fn, &f) {
			return true
		}
		var ff foreverFact
		if pass.ImportObjectFact(fn, &ff) {
			return true
		}
		var wf watchFact
		if pass.ImportObjectFact(fn, &wf) {
			return true
		}
	}
	return false
}

// ownedHere reports whether a new object goes only to its fields, the
// returns and the goroutines started here: not registered anywhere that
// could close it later.
func ownedHere(obj *ssa.Alloc, gos []*ssa.Go) bool {
	started := make(map[ssa.Value]bool)
	for _, g := range gos {
		started[g.Call.Value] = true
	}
	for _, r := range refs(obj) {
		switch u := r.(type) {
		case *ssa.FieldAddr, *ssa.Return, *ssa.DebugRef:
		case *ssa.Go:
		case *ssa.MakeClosure:
			if !started[u] {
				return false
			}
		case *ssa.ChangeType:
			for _, r2 := range refs(u) {
				if _, ok := r2.(*ssa.Return); !ok {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// checkStopsEarly: the call returns a channel that its goroutine feeds in
// a loop (f.Loop), and fn receives from it and returns before it is
// closed: the producer's next send blocks for ever, once per call.
func (st *state) checkStopsEarly(fn *ssa.Function, c *ssa.Call, callee *types.Func, f *strandsFact) {
	var root ssa.Value = c
	if c.Call.Signature().Results().Len() > 1 {
		root = nil
		for _, r := range refs(c) {
			if ex, ok := r.(*ssa.Extract); ok && ex.Index == f.Result {
				root = ex
			}
		}
		if root == nil {
			return
		}
	}
	aliases := receivedOnly(root)
	if aliases == nil {
		return
	}
	ret, recv := earlyReturn(fn, func(v ssa.Value) bool { return aliases[v] })
	if ret == nil {
		return
	}
	if innermostHead(recv.Block()) == nil && receivesOutsideLoops(fn, aliases) > 1 {
		// a, b := <-out, <-out: the caller knows how many come (the Go
		// blog's pipeline); one receive is "the first one wins"
		return
	}
	where := "the end of the function"
	if ret.Pos().IsValid() {
		where = "the return at line " + strconv.Itoa(st.pass.Fset.Position(ret.Pos()).Line)
	}
	d := analysis.Diagnostic{
		Pos: c.Pos(),
		Message: fmt.Sprintf("the goroutine that %s starts blocks for ever: it %s, and %s stops receiving at %s before the channel is closed: one goroutine leaks per call; keep receiving until it is closed, or give the goroutine a done channel or context to select on",
			callee.Name(), f.What, funcName(fn), where),
		Related: []analysis.RelatedInformation{{Pos: recv.Pos(), Message: "the last receive"}},
	}
	if ret.Pos().IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: ret.Pos(), Message: "returns here without draining"})
	}
	if callee.Pos().IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: callee.Pos(), Message: "the function that starts the goroutine"})
	}
	st.rep.Report(d)
}

// receivedOnly returns the values that hold root, a channel, when the
// function only receives from it (directly, or through local variables):
// nil when it goes anywhere else (a call, a field, a closure, a return).
func receivedOnly(root ssa.Value) map[ssa.Value]bool {
	vals := []ssa.Value{root}
	seen := map[ssa.Value]bool{root: true}
	add := func(v ssa.Value) {
		if !seen[v] {
			seen[v] = true
			vals = append(vals, v)
		}
	}
	received := false
	for i := 0; i < len(vals); i++ {
		if i > maxChanUses {
			return nil
		}
		for _, r := range refs(vals[i]) {
			switch u := r.(type) {
			case *ssa.DebugRef:
			case *ssa.ChangeType:
				add(u)
			case *ssa.Store:
				a, ok := u.Addr.(*ssa.Alloc)
				if !ok || u.Val != vals[i] || a.Heap {
					return nil
				}
				for _, ar := range refs(a) {
					switch x := ar.(type) {
					case *ssa.UnOp:
						if x.Op != token.MUL {
							return nil
						}
						add(x)
					case *ssa.Store:
						if x.Val != vals[i] {
							return nil // another channel in the same variable
						}
					case *ssa.DebugRef:
					default:
						return nil
					}
				}
			case *ssa.UnOp:
				if u.Op != token.ARROW {
					return nil
				}
				received = true
			case *ssa.Select:
				// a receive case (for { select { case v, ok := <-ch: ...
				// case <-ctx.Done(): return } }); a send case is not
				for _, st := range u.States {
					if st.Chan == vals[i] && st.Dir != types.RecvOnly {
						return nil
					}
				}
				received = true
			case *ssa.Call:
				if bi, ok := u.Call.Value.(*ssa.Builtin); !ok || (bi.Name() != "len" && bi.Name() != "cap") {
					return nil
				}
			default:
				return nil
			}
		}
	}
	if !received {
		return nil
	}
	return seen
}

// lastValueSent reports whether the producer may stop right after one of
// its sends, before its loop goes round again: it sends an error, or a
// value marked as the last, then returns or breaks out. A consumer that
// stops on that value takes the last one. Every send on the channel in
// the functions of the loop sends counts, in the loop or not.
func lastValueSent(sends []ssa.Instruction) bool {
	done := make(map[*ssa.Function]bool)
	for _, ls := range sends {
		fn := ls.Parent()
		if done[fn] {
			continue
		}
		done[fn] = true
		ch := ls.(*ssa.Send).Chan
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if s, ok := instr.(*ssa.Send); ok && sameChan(s.Chan, ch) && stopsAfter(b, ch) {
					return true
				}
			}
		}
	}
	return false
}

// stopsAfter reports whether, from block b (which sends on ch), the
// function can return or leave the loop around b other than through its
// head, without sending on ch again.
func stopsAfter(b *ssa.BasicBlock, ch ssa.Value) bool {
	head := innermostHead(b)
	seen := map[*ssa.BasicBlock]bool{b: true}
	work := []*ssa.BasicBlock{b}
	for len(work) > 0 && len(seen) < 4*maxRecvWalk {
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if _, ok := x.Instrs[len(x.Instrs)-1].(*ssa.Return); ok {
			return true
		}
		for _, y := range x.Succs {
			if y == head || seen[y] || sendsOn(y, ch) {
				continue
			}
			if head != nil && !inInnermostLoop(y, b) {
				return true // out of the loop, but not through its head
			}
			seen[y] = true
			work = append(work, y)
		}
	}
	return false
}

// sameChan reports whether a and b are the same channel: one value, or
// loads of one variable.
func sameChan(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	return ok1 && ok2 && la.Op == token.MUL && lb.Op == token.MUL && la.X == lb.X
}

// sendsOn reports whether block b sends on ch.
func sendsOn(b *ssa.BasicBlock, ch ssa.Value) bool {
	for _, instr := range b.Instrs {
		if s, ok := instr.(*ssa.Send); ok && sameChan(s.Chan, ch) {
			return true
		}
	}
	return false
}

// startedBefore reports whether one of the go statements may run before
// the return.
func startedBefore(gos []*ssa.Go, r *ssa.Return) bool {
	for _, g := range gos {
		if g.Block() == r.Block() || mayReach(g.Block(), r.Block()) {
			return true
		}
	}
	return false
}

// receivesOutsideLoops counts fn's receives from the channel (aliases)
// that are in no loop.
func receivesOutsideLoops(fn *ssa.Function, aliases map[ssa.Value]bool) int {
	n := 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if u, ok := instr.(*ssa.UnOp); ok && u.Op == token.ARROW && aliases[u.X] && innermostHead(b) == nil {
				n++
			}
		}
	}
	return n
}
