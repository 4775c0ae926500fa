package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// Orphaned objects: a function makes an object, gives it a context of its
// own (context.WithCancel of a context that lives as long as the
// process, the cancel kept in a field of the object), starts a goroutine
// that ends only when that context is cancelled, and then returns without
// the object on some path, without cancelling. Nothing can reach the
// cancel any more: the goroutine runs until the process ends, once per
// call. The usual shape is a constructor or a Dial whose error path
// returns nil, err after the object's loop was started (grpc-go 862).
//
// The object must stay in sight: it goes only to its own fields, to fresh
// objects and slices of the function (and back out of the slices), to
// closures that are called or started in place, to same-package functions
// (followed, with bounds), and to the function's returns. Anything else
// (an interface, a map, an unknown function, a field of an older object)
// may keep it, and then close it: the check stays silent. So it does
// when anything in that tree loads the cancel (a Close on the error path,
// a goroutine that gives up by itself).

// maxOrphanValues bounds the values followed for one object, and
// maxOrphanFuncs the functions they lead into.
const (
	maxOrphanValues = 400
	maxOrphanFuncs  = 24
)

// orphan is one object and what is known about it.
type orphan struct {
	st      *state
	root    *ssa.Function
	obj     *ssa.Alloc
	cancelF *types.Var      // the field holding the cancel (or the stop channel)
	made    ssa.Instruction // the context.WithCancel (or the make)
	stop    bool            // the field is a stop channel, closed to stop
	// vals: the object and the values that may hold it (or hold what
	// holds it: fresh objects it was stored in, cells, closures' variables)
	vals  map[ssa.Value]bool
	order []ssa.Value
	funcs map[*ssa.Function]bool
	// ctxs: the object's context and contexts derived from it;
	// ctxFields: fields of objects in vals that hold one
	ctxs      map[ssa.Value]bool
	ctxFields map[*types.Var]bool
	escaped   bool
	// via: for a value reached through a call the function makes, that
	// call; points: the calls and instructions of the function after
	// which the object may be kept or cancelled elsewhere
	via    map[ssa.Value]ssa.Instruction
	cur    ssa.Instruction
	points []ssa.Instruction
	// gated: memo of endsOnlyOnDone
	gated map[*ssa.Function]gateResult
}

type gateResult struct {
	done bool // computed
	ok   bool
	wait token.Pos
}

// checkOrphans reports goroutines of objects that fn drops.
func (st *state) checkOrphans(fn *ssa.Function) {
	if st.runsOnce(fn) || st.setupOfMain(fn, 0) {
		return
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var o *orphan
			switch in := instr.(type) {
			case *ssa.Call:
				if isWithCancel(in) && len(in.Call.Args) > 0 && endless(in.Call.Args[0]) {
					o = newOrphan(st, fn, in)
				}
			case *ssa.MakeChan:
				o = stopOrphan(st, fn, in)
			}
			if o != nil {
				o.check()
			}
		}
	}
}

// isWithCancel reports whether c calls context.WithCancel or
// WithCancelCause.
func isWithCancel(c *ssa.Call) bool {
	callee := match.CalleeObject(c.Common())
	return callee != nil && match.PkgPath(callee.Pkg()) == "context" && (callee.Name() == "WithCancel" || callee.Name() == "WithCancelCause")
}

// endless reports whether a parent context is known to live on until
// the process ends: context.Background or TODO, or a package variable.
// A field's context is of unknown lifetime (a per-request scope's, a
// server's), and so is a parameter's (a request's, an event's): the
// object's goroutine may end with it, and the rule stays silent.
func endless(parent ssa.Value) bool {
	if longLived(parent) {
		return true
	}
	if u, ok := parent.(*ssa.UnOp); ok && u.Op == token.MUL {
		_, global := u.X.(*ssa.Global)
		return global
	}
	return false
}

// fromContextPkg reports whether com calls a function of package context.
func fromContextPkg(com *ssa.CallCommon) bool {
	callee := match.CalleeObject(com)
	return callee != nil && match.PkgPath(callee.Pkg()) == "context" && len(com.Args) > 0
}

// endsWithParent reports whether the context that c derives from its
// first argument ends only when that one does: context.WithValue, or a
// WithCancel (WithCancelCause) whose cancel is only deferred or stored in
// a field of a value that holds the object (a child's cancel, called
// with the object's). A deadline or a timeout ends it by itself, and a
// cancel called or handed on may.
func (o *orphan) endsWithParent(c *ssa.Call) bool {
	callee := match.CalleeObject(c.Common())
	if callee == nil || match.PkgPath(callee.Pkg()) != "context" || len(c.Call.Args) == 0 {
		return false
	}
	switch callee.Name() {
	case "WithValue":
		return true
	case "WithCancel", "WithCancelCause":
	default:
		return false
	}
	for _, r := range refs(c) {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 1 {
			continue
		}
		for _, r2 := range refs(ex) {
			switch u := r2.(type) {
			case *ssa.DebugRef:
			case *ssa.Defer:
				if u.Call.Value != ssa.Value(ex) {
					return false
				}
			case *ssa.Store:
				if fa, ok := u.Addr.(*ssa.FieldAddr); !ok || u.Val != ssa.Value(ex) || !o.vals[fa.X] {
					return false
				}
			default:
				return false
			}
		}
	}
	return true
}

// newOrphan: the cancel of call goes only into one field of a new object
// of fn, and the context into a field of the same object.
func newOrphan(st *state, fn *ssa.Function, call *ssa.Call) *orphan {
	var ctx, cancel *ssa.Extract
	for _, r := range refs(call) {
		if ex, ok := r.(*ssa.Extract); ok {
			switch ex.Index {
			case 0:
				ctx = ex
			case 1:
				cancel = ex
			}
		}
	}
	if ctx == nil || cancel == nil {
		return nil
	}
	var obj *ssa.Alloc
	var cf *types.Var
	for _, r := range refs(cancel) {
		switch u := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			fa, ok := u.Addr.(*ssa.FieldAddr)
			if !ok || u.Val != ssa.Value(cancel) {
				return nil
			}
			a := newObject(fa.X)
			if a == nil || (obj != nil && a != obj) {
				return nil
			}
			obj, cf = a, fieldOf(fa)
		default:
			return nil
		}
	}
	if obj == nil || cf == nil {
		return nil
	}
	o := build(st, fn, obj, cf, call, false)
	if o == nil {
		return nil
	}
	o.contexts(ctx)
	if len(o.ctxFields) == 0 {
		return nil // the context is not the object's
	}
	return o
}

// stopOrphan: an unbuffered channel stored only in one field of a new
// object of fn, its stop channel: the goroutine ends when it is closed.
func stopOrphan(st *state, fn *ssa.Function, mc *ssa.MakeChan) *orphan {
	if n, ok := resource.IntConst(mc.Size); !ok || n != 0 {
		return nil
	}
	var obj *ssa.Alloc
	var sf *types.Var
	for _, r := range refs(mc) {
		switch u := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Store:
			fa, ok := u.Addr.(*ssa.FieldAddr)
			if !ok || u.Val != ssa.Value(mc) {
				return nil
			}
			a := newObject(fa.X)
			if a == nil || obj != nil {
				return nil
			}
			obj, sf = a, fieldOf(fa)
		default:
			return nil
		}
	}
	if obj == nil || sf == nil {
		return nil
	}
	o := build(st, fn, obj, sf, mc, true)
	if o == nil {
		return nil
	}
	o.ctxFields[sf.Origin()] = true
	o.contexts(nil)
	return o
}

// build follows the object; nil when it escapes.
func build(st *state, fn *ssa.Function, obj *ssa.Alloc, release *types.Var, made ssa.Instruction, stop bool) *orphan {
	o := &orphan{st: st, root: fn, obj: obj, cancelF: release, made: made, stop: stop,
		vals: make(map[ssa.Value]bool), funcs: map[*ssa.Function]bool{fn: true},
		ctxs: make(map[ssa.Value]bool), ctxFields: make(map[*types.Var]bool), gated: make(map[*ssa.Function]gateResult),
		via: make(map[ssa.Value]ssa.Instruction)}
	o.add(obj)
	for i := 0; i < len(o.order) && !o.escaped; i++ {
		o.follow(o.order[i])
	}
	if o.escaped {
		return nil
	}
	return o
}

// newObject returns the heap object v is, directly or loaded from the
// variable that holds it.
func newObject(v ssa.Value) *ssa.Alloc {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if cell, ok := u.X.(*ssa.Alloc); ok {
			v = storedValue(cell)
		}
	}
	if a, ok := v.(*ssa.Alloc); ok && a.Heap {
		return a
	}
	return nil
}

func (o *orphan) add(v ssa.Value) {
	if o.vals[v] {
		if w, ok := o.via[v]; ok && w != o.cur {
			// reached from elsewhere too: what it does happens anywhere
			delete(o.via, v)
			o.order = append(o.order, v)
		}
		return
	}
	if len(o.order) >= maxOrphanValues {
		o.escaped = true
		return
	}
	o.vals[v] = true
	o.order = append(o.order, v)
	if o.cur != nil {
		o.via[v] = o.cur
	}
}

// enter follows v into parameter i of a same-package callee that c calls.
func (o *orphan) enter(c ssa.CallInstruction, callee *ssa.Function, i int) bool {
	if callee == nil || callee.Pkg != o.root.Pkg || len(callee.Blocks) == 0 || len(callee.Blocks) > maxCalleeBlocks || i >= len(callee.Params) {
		return false
	}
	if !o.funcs[callee] {
		if len(o.funcs) >= maxOrphanFuncs {
			return false
		}
		o.funcs[callee] = true
	}
	saved := o.cur
	if call, ok := c.(*ssa.Call); ok && o.cur == nil && call.Parent() == o.root {
		o.cur = call // what happens in there happens at the call
	}
	o.add(callee.Params[i])
	o.cur = saved
	return true
}

// follow classifies the uses of v, a value that may hold the object.
func (o *orphan) follow(v ssa.Value) {
	o.cur = o.via[v]
	defer func() { o.cur = nil }()
	for _, r := range refs(v) {
		if !o.use(v, r) {
			switch {
			case r.Parent() == o.root:
				o.points = append(o.points, r)
				continue
			case o.cur != nil:
				o.points = append(o.points, o.cur)
				continue
			}
			o.escaped = true
			return
		}
	}
}

// use reports whether the use r of v keeps the object in sight.
func (o *orphan) use(v ssa.Value, r ssa.Instruction) bool {
	switch u := r.(type) {
	case *ssa.DebugRef:
		return true
	case *ssa.IndexAddr:
		if u.X == v {
			o.add(u) // an element's address: a load gives the object back
		}
		return true
	case *ssa.BinOp:
		return u.Op == token.EQL || u.Op == token.NEQ
	case *ssa.FieldAddr:
		return o.fieldUse(u)
	case *ssa.Store:
		if u.Addr == v {
			return true // a value written into it
		}
		switch a := u.Addr.(type) {
		case *ssa.FieldAddr:
			if o.vals[a.X] {
				return true
			}
			if x, ok := a.X.(*ssa.Alloc); ok && x.Parent() == u.Parent() {
				o.add(x) // a fresh object that now holds it
				return true
			}
		case *ssa.IndexAddr:
			switch x := a.X.(type) {
			case *ssa.Alloc, *ssa.MakeSlice:
				if x.Parent() == u.Parent() {
					o.add(x) // an append's arguments, a fresh slice
					return true
				}
			}
		case *ssa.Alloc:
			o.add(a) // a variable's cell
			return true
		}
		return false
	case *ssa.UnOp:
		if u.Op != token.MUL {
			return false
		}
		o.add(u)
		return true
	case *ssa.Slice, *ssa.Phi, *ssa.ChangeType, *ssa.Extract:
		o.add(u.(ssa.Value))
		return true
	case *ssa.MakeInterface:
		return u.Parent() == o.root && onlyReturned(u)
	case *ssa.Return:
		return u.Parent() == o.root
	case *ssa.MakeClosure:
		fn, ok := u.Fn.(*ssa.Function)
		if !ok || !onlyRunInPlace(fn) {
			return false
		}
		for i, b := range u.Bindings {
			if b == v && i < len(fn.FreeVars) {
				if !o.funcs[fn] && len(o.funcs) >= maxOrphanFuncs {
					return false
				}
				o.funcs[fn] = true
				o.add(fn.FreeVars[i])
			}
		}
		return true
	case ssa.CallInstruction:
		return o.callUse(v, u)
	}
	return false
}

// fieldUse: a field of a value that holds the object. Loading the cancel
// may call it; loading a field of the object's own type may give the
// object back.
func (o *orphan) fieldUse(fa *ssa.FieldAddr) bool {
	f := fieldOf(fa)
	if f == nil {
		return false
	}
	for _, r := range refs(fa) {
		switch u := r.(type) {
		case *ssa.UnOp:
			if f.Origin() == o.cancelF.Origin() && (!o.stop || !onlyReceived(u)) {
				return false // a cancel, a close, or the channel handed on
			}
			if types.Identical(u.Type(), o.obj.Type()) {
				o.add(u)
			}
		case *ssa.Store:
			if u.Addr == ssa.Value(fa) && u.Val != nil && f.Origin() == o.cancelF.Origin() && u.Parent() != o.root {
				return false // another cancel: the object's is replaced
			}
		case *ssa.DebugRef:
		default:
			if f.Origin() == o.cancelF.Origin() {
				return false // its address handed on
			}
		}
	}
	return true
}

// callUse: v is an argument of a call (or the function called).
func (o *orphan) callUse(v ssa.Value, c ssa.CallInstruction) bool {
	com := c.Common()
	if com.Value == v {
		return false
	}
	if b, ok := com.Value.(*ssa.Builtin); ok {
		switch b.Name() {
		case "append":
			if call, ok := c.(*ssa.Call); ok {
				o.add(call)
				return true
			}
		case "len", "cap":
			return true
		}
		return false
	}
	if com.IsInvoke() {
		return false
	}
	callee := com.StaticCallee()
	for i, a := range com.Args {
		if a == v && !o.enter(c, callee, i) {
			return false
		}
	}
	if call, ok := c.(*ssa.Call); ok && mentions(call.Type(), o.obj.Type()) {
		o.add(call) // it may hand the object back
	}
	return true
}

// mentions reports whether t is want or a tuple holding it.
func mentions(t, want types.Type) bool {
	if tup, ok := t.(*types.Tuple); ok {
		for v := range tup.Variables() {
			if types.Identical(v.Type(), want) {
				return true
			}
		}
		return false
	}
	return types.Identical(t, want)
}

// onlyReceived reports whether the channel v is only received from
// (a plain receive, a select's receive case) or compared.
func onlyReceived(v ssa.Value) bool {
	for _, r := range refs(v) {
		switch u := r.(type) {
		case *ssa.DebugRef, *ssa.BinOp:
		case *ssa.UnOp:
			if u.Op != token.ARROW {
				return false
			}
		case *ssa.Select:
			for _, s := range u.States {
				if s.Chan == v && s.Dir != types.RecvOnly || s.Send == v {
					return false
				}
			}
		default:
			return false
		}
	}
	return true
}

// onlyReturned reports whether v is used only by returns.
func onlyReturned(v ssa.Value) bool {
	for _, r := range refs(v) {
		if _, ok := r.(*ssa.Return); !ok {
			return false
		}
	}
	return true
}

// contexts collects the object's context and what derives from it, in
// the functions the object reaches: the value made, loads of the fields
// it is stored in (of values that hold the object), contexts derived from
// those, and parameters and closure variables bound to one.
func (o *orphan) contexts(ctx ssa.Value) {
	var work []ssa.Value
	if ctx != nil {
		work = append(work, ctx)
		o.ctxs[ctx] = true
	}
	push := func(v ssa.Value) {
		if !o.ctxs[v] && len(o.ctxs) < maxOrphanValues {
			o.ctxs[v] = true
			work = append(work, v)
		}
	}
	for pass := 0; pass < 4; pass++ {
		for len(work) > 0 {
			v := work[len(work)-1]
			work = work[:len(work)-1]
			for _, r := range refs(v) {
				switch u := r.(type) {
				case *ssa.Store:
					if fa, ok := u.Addr.(*ssa.FieldAddr); ok && u.Val == v && o.vals[fa.X] {
						if f := fieldOf(fa); f != nil {
							o.ctxFields[f.Origin()] = true
						}
					}
					if a, ok := u.Addr.(*ssa.Alloc); ok && u.Val == v {
						for _, r2 := range refs(a) {
							if l, ok := r2.(*ssa.UnOp); ok && l.Op == token.MUL {
								push(l)
							}
						}
					}
				case *ssa.ChangeType:
					push(u)
				case ssa.CallInstruction:
					com := u.Common()
					if call, ok := u.(*ssa.Call); ok && fromContextPkg(com) && com.Args[0] == v {
						// a context derived from it: followed when it ends
						// only with it, the others end by themselves
						if !o.endsWithParent(call) {
							continue
						}
						if _, tuple := call.Type().(*types.Tuple); !tuple {
							push(call) // WithValue
						}
						for _, r2 := range refs(call) {
							if ex, ok := r2.(*ssa.Extract); ok && ex.Index == 0 {
								push(ex)
							}
						}
						continue
					}
					if callee := com.StaticCallee(); callee != nil && callee.Pkg == o.root.Pkg && len(callee.Blocks) > 0 && len(callee.Blocks) <= maxCalleeBlocks {
						for i, a := range com.Args {
							if a == v && i < len(callee.Params) && (o.funcs[callee] || len(o.funcs) < maxOrphanFuncs) {
								o.funcs[callee] = true
								push(callee.Params[i])
							}
						}
					}
				case *ssa.MakeClosure:
					if fn, ok := u.Fn.(*ssa.Function); ok {
						for i, b := range u.Bindings {
							if b == v && i < len(fn.FreeVars) {
								o.funcs[fn] = true
								push(fn.FreeVars[i])
							}
						}
					}
				}
			}
		}
		// loads of the fields found so far, from values holding the object
		before := len(o.ctxs)
		for _, h := range o.order {
			for _, r := range refs(h) {
				fa, ok := r.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				if f := fieldOf(fa); f == nil || !o.ctxFields[f.Origin()] {
					continue
				}
				for _, r2 := range refs(fa) {
					if l, ok := r2.(*ssa.UnOp); ok && l.Op == token.MUL {
						push(l)
					}
				}
			}
		}
		if len(o.ctxs) == before {
			return
		}
	}
}

// check reports the goroutines of fn that end only with the object's
// context, when fn can return without the object after starting them.
func (o *orphan) check() {
	fn := o.root
	var keep []ssa.Value
	for _, v := range o.order {
		if ins, ok := v.(ssa.Instruction); ok && ins.Parent() == fn {
			keep = append(keep, v)
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var g *ssa.Go
			switch in := instr.(type) {
			case *ssa.Go:
				g = in
			case *ssa.Call:
				// a method of the object that starts the goroutine
				g = o.startedBy(in)
			}
			if g == nil || o.st.reported[g] {
				continue
			}
			gf, _ := goroutineFunc(g)
			if gf == nil || !o.funcs[gf] {
				continue
			}
			res := o.endsOnlyOnDone(gf, 0)
			if !res.ok {
				continue
			}
			ret := dropAfter(instr, keep, o.points)
			if ret == nil {
				continue
			}
			o.st.reported[g] = true
			typ := typeName(o.obj.Type())
			line := o.st.pass.Fset.Position(returnPos(ret)).Line
			name := o.st.fieldName(o.cancelF)
			msg := fmt.Sprintf("goroutine runs until %s's context is cancelled, and %s can return without the %s at line %d: nothing can call %s then, so one goroutine leaks per call; cancel (or Close) before that return, or start the goroutine after the last error return",
				typ, fn.Name(), typ, line, name)
			waitMsg, madeMsg := "the goroutine ends only here, on ctx.Done()", "the context and its cancel are made here"
			if o.stop {
				msg = fmt.Sprintf("goroutine runs until %s is closed, and %s can return without the %s at line %d: nothing can close it then, so one goroutine leaks per call; close it (or Close) before that return, or start the goroutine after the last error return",
					name, fn.Name(), typ, line)
				waitMsg, madeMsg = "the goroutine ends only here, on a receive from it", "the channel is made here"
			}
			related := []analysis.RelatedInformation{
				{Pos: res.wait, Message: waitMsg},
				{Pos: returnPos(ret), Message: "returns here without the object"},
				{Pos: o.made.Pos(), Message: madeMsg},
			}
			if instr != ssa.Instruction(g) {
				related = append(related, analysis.RelatedInformation{Pos: g.Pos(), Message: "the goroutine starts here"})
			}
			o.st.rep.Report(analysis.Diagnostic{Pos: instr.Pos(), Message: msg, Related: related})
		}
	}
}

// startedBy returns the one go statement of a same-package callee of the
// function that the object reaches (its Start), when the callee has one.
func (o *orphan) startedBy(c *ssa.Call) *ssa.Go {
	callee := c.Call.StaticCallee()
	if callee == nil || !o.funcs[callee] || callee.Parent() != nil {
		return nil
	}
	var g *ssa.Go
	for _, b := range callee.Blocks {
		for _, instr := range b.Instrs {
			if in, ok := instr.(*ssa.Go); ok {
				if g != nil {
					return nil
				}
				g = in
			}
		}
	}
	return g
}

// typeName is the name of the type t points to.
func typeName(t types.Type) string {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return "object"
}

// returnPos is where a return is, or its block's last position.
func returnPos(ret *ssa.Return) token.Pos {
	if ret.Pos().IsValid() {
		return ret.Pos()
	}
	return ret.Parent().Pos()
}

// dropAfter returns the first return (in source order) reachable after g
// (the go statement, or the call that starts the goroutine),
// on a path that passes none of points, that returns none of keep. A
// point that can run before g (the object is kept or cancelled before the
// goroutine starts) leaves nothing to report.
func dropAfter(g ssa.Instruction, keep []ssa.Value, points []ssa.Instruction) *ssa.Return {
	stop := make(map[*ssa.BasicBlock]int) // index of the first point in the block
	heads := make(map[*ssa.BasicBlock]*ssa.BasicBlock)
	for _, p := range points {
		b := p.Block()
		i := slices.Index(b.Instrs, p)
		h, ok := heads[b]
		if !ok {
			h = loopHead(b)
			heads[b] = h
		}
		if h != b {
			b, i = h, 0
		}
		if b == g.Block() && i < slices.Index(b.Instrs, g) || b != g.Block() && mayReach(b, g.Block()) || b == g.Block() && mayReach(b, b) {
			return nil
		}
		if j, ok := stop[b]; !ok || i < j {
			stop[b] = i
		}
	}
	var found *ssa.Return
	consider := func(b *ssa.BasicBlock, from int) {
		for i := from; i < len(b.Instrs); i++ {
			if j, ok := stop[b]; ok && i >= j {
				return
			}
			if ret, ok := b.Instrs[i].(*ssa.Return); ok && !returnsAny(ret, keep) {
				if found == nil || returnPos(ret) < returnPos(found) {
					found = ret
				}
			}
		}
	}
	start := g.Block()
	consider(start, slices.Index(start.Instrs, g))
	if _, ok := stop[start]; ok {
		return found
	}
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), start.Succs...)
	for len(work) > 0 && len(seen) < 4*maxRecvWalk {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		consider(b, 0)
		if _, ok := stop[b]; !ok {
			work = append(work, b.Succs...)
		}
	}
	if len(work) > 0 {
		return nil // too big: stay silent
	}
	return found
}

// maxLoopNest bounds the dominators loopHead climbs.
const maxLoopNest = 16

// loopHead returns the header of the outermost loop around b (within
// maxLoopNest dominators), or b. A point in a loop (a Close of each
// element of a slice that holds the object) may run no time at all, for
// all the code knows; the path that skips the loop still passes its
// header, which stands for the point.
func loopHead(b *ssa.BasicBlock) *ssa.BasicBlock {
	head := b
	for h, n := b, 0; h != nil && n < maxLoopNest; h, n = h.Idom(), n+1 {
		for _, p := range h.Preds {
			if h.Dominates(p) && (p == b || mayReach(b, p)) {
				head = h // a back edge: h heads a loop that holds b
				break
			}
		}
	}
	return head
}

// endsOnlyOnDone reports whether every way fn returns passes a receive
// from the Done channel of the object's context (or an Err check of it),
// or a call of a function for which this holds, and at least one such
// wait exists.
func (o *orphan) endsOnlyOnDone(fn *ssa.Function, depth int) gateResult {
	if r, ok := o.gated[fn]; ok {
		return r // also breaks recursion: an entry in progress is "no"
	}
	o.gated[fn] = gateResult{}
	if depth > 3 || len(fn.Blocks) == 0 || len(fn.Blocks) > maxCalleeBlocks {
		return gateResult{}
	}
	var wait token.Pos
	blocked := map[*ssa.BasicBlock]bool{}
	seen := map[*ssa.BasicBlock]bool{}
	work := []*ssa.BasicBlock{fn.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] || blocked[b] {
			continue
		}
		seen[b] = true
		stopped := false
		for _, instr := range b.Instrs {
			if p := o.gate(instr, blocked, depth); p.IsValid() {
				if !wait.IsValid() {
					wait = p
				}
				if _, sel := instr.(*ssa.Select); !sel {
					if _, iff := instr.(*ssa.If); !iff {
						stopped = true
						break
					}
				}
			}
			if _, ok := instr.(*ssa.Return); ok {
				return gateResult{done: true}
			}
		}
		if !stopped {
			work = append(work, b.Succs...)
		}
	}
	r := gateResult{done: true, ok: wait.IsValid(), wait: wait}
	o.gated[fn] = r
	return r
}

// gate returns the position of a wait on the object's context in instr,
// marking the blocks that run once it ended (a select's Done case, an
// Err check's true branch).
func (o *orphan) gate(instr ssa.Instruction, blocked map[*ssa.BasicBlock]bool, depth int) token.Pos {
	switch in := instr.(type) {
	case *ssa.UnOp:
		if in.Op == token.ARROW && o.isDone(in.X) {
			return in.Pos()
		}
	case *ssa.Select:
		var p token.Pos
		for i, s := range in.States {
			if s.Dir == types.RecvOnly && o.isDone(s.Chan) {
				if body := caseBody(in, i); body != nil {
					blocked[body] = true
					if !p.IsValid() {
						p = s.Pos
					}
				}
			}
		}
		return p
	case *ssa.If:
		if cmp, ok := in.Cond.(*ssa.BinOp); ok && cmp.Op == token.NEQ {
			if call, ok := cmp.X.(*ssa.Call); ok && call.Call.IsInvoke() && call.Call.Method.Name() == "Err" && o.ctxs[call.Call.Value] {
				if c, ok := cmp.Y.(*ssa.Const); ok && c.IsNil() {
					blocked[in.Block().Succs[0]] = true
					return call.Pos()
				}
			}
		}
	case *ssa.Call:
		callee := in.Call.StaticCallee()
		if callee != nil && o.funcs[callee] {
			if r := o.endsOnlyOnDone(callee, depth+1); r.ok {
				return r.wait
			}
		}
	}
	return token.NoPos
}

// isDone reports whether ch is ctx.Done() of the object's context, or
// its stop channel.
func (o *orphan) isDone(ch ssa.Value) bool {
	if o.stop {
		return o.ctxs[ch]
	}
	call, ok := ch.(*ssa.Call)
	return ok && call.Call.IsInvoke() && call.Call.Method.Name() == "Done" && o.ctxs[call.Call.Value]
}

// setupOfMain reports whether fn is a function of package main that only
// main (or init) runs, once, through static calls outside loops: a
// run() error that main calls. When it returns early the process exits,
// so a goroutine it drops ends with it.
func (st *state) setupOfMain(fn *ssa.Function, depth int) bool {
	if st.runsOnce(fn) {
		return true
	}
	if depth > 4 || fn.Parent() != nil || fn.Signature.Recv() != nil || fn.Pkg == nil || fn.Pkg.Pkg.Name() != "main" {
		return false
	}
	callers := st.callersOf(fn)
	if len(callers) == 0 {
		return false
	}
	for _, caller := range st.fns {
		for _, b := range caller.Blocks {
			for _, instr := range b.Instrs {
				for _, op := range instr.Operands(nil) {
					if *op != ssa.Value(fn) {
						continue
					}
					c, ok := instr.(*ssa.Call)
					if !ok || op != &c.Call.Value || inCycle(b) || !st.setupOfMain(caller, depth+1) {
						return false // stored, deferred, started, called in a loop or by recurring code
					}
				}
			}
		}
	}
	return true
}

// inCycle reports whether b can reach itself (it is in a loop); a walk
// that gives up says yes.
func inCycle(b *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), b.Succs...)
	for len(work) > 0 {
		if len(seen) > 4*maxRecvWalk {
			return true
		}
		x := work[len(work)-1]
		work = work[:len(work)-1]
		if x == b {
			return true
		}
		if !seen[x] {
			seen[x] = true
			work = append(work, x.Succs...)
		}
	}
	return false
}
