package strandedgoroutine

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// A function that waits for its own end. A loop defers the release of
// its object's wait (`defer close(c.done)`, `defer c.wg.Done()`) and, on
// its way (an error, a message that says stop), calls the object's Close,
// which waits for the loop to end (`<-c.done`, `c.wg.Wait()`). The
// release runs only when the loop returns, and the loop is waiting in
// Close: it blocks for ever, and so does everything that waits for it.
//
// The wait must be on the same object as the pending release. Along the
// calls from the loop to the wait we follow the object: passed as an
// argument or a receiver, or bound by a closure. A call that passes
// another object of the same type leads nowhere (a loop that closes other
// connections). Where the object is lost (an interface call, a function
// value) we pick it up again only at a closure whose captured variable is
// the one the loop was started on (its maker calls the method that starts
// the loop on it): that closure's object is the loop's.

// maxJoinFuncs bounds the functions visited from one release, and
// maxJoinDepth the calls between the loop and the wait.
const (
	maxJoinFuncs = 48
	maxJoinDepth = 6
)

// joinRelease is a release of a field's wait pending in fn until it
// returns.
type joinRelease struct {
	f    *types.Var
	fn   *ssa.Function
	at   ssa.Instruction // the defer
	self ssa.Value       // the object, as fn sees it (its root)
	wg   bool
}

// joinWait is a blocking wait on a field.
type joinWait struct {
	fn    *ssa.Function
	instr ssa.Instruction
	base  ssa.Value // the object the field is loaded from (its root)
}

// joinFrame is one function reached from the release's function, with
// the object as it sees it (nil: lost) and the call that led there.
type joinFrame struct {
	fn     *ssa.Function
	obj    ssa.Value
	via    ssa.Instruction
	parent *joinFrame
	depth  int
	// consts: the constants its callers on the path pass for its
	// parameters and bind to its free variables (shutdown(false) does
	// not wait), handed on through helpers
	consts map[ssa.Value]constant.Value
	open   map[*ssa.BasicBlock]bool // blocks reached through open branches
}

func (st *state) checkSelfJoin(d *deadScan) {
	waits := make(map[*types.Var][]joinWait)
	var rels []joinRelease
	// channels: every send and close of the field is one deferred close
	for f, ff := range sortedFields(d.fields) {
		if ff.kind != kindChan || ff.escaped {
			continue
		}
		var rel *joinRelease
		ok := true
		for _, op := range ff.ops {
			if !op.send {
				if op.block {
					waits[f] = append(waits[f], joinWait{op.instr.Parent(), op.instr, objRoot(op.base)})
				}
				continue
			}
			r := deferredRelease(f, op.instr, op.base)
			if r == nil || rel != nil && (rel.fn != r.fn || rel.self != r.self) {
				ok = false
				break
			}
			rel = r
		}
		if ok && rel != nil {
			rels = append(rels, *rel)
		}
	}
	// WaitGroups: a deferred Done, whatever else calls Done
	for _, fn := range st.fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Defer:
					if fa, f := wgField(in.Common(), "Done", st.pass.Pkg); f != nil {
						if self := objRoot(fa.X); inbound(self) {
							rels = append(rels, joinRelease{f: f, fn: fn, at: in, self: self, wg: true})
						}
					}
				case *ssa.Call:
					if fa, f := wgField(in.Common(), "Wait", st.pass.Pkg); f != nil {
						waits[f] = append(waits[f], joinWait{fn, in, objRoot(fa.X)})
					}
				}
			}
		}
	}
	var bridges []*ssa.Function
	for _, fn := range st.fns {
		for c := range match.Calls(fn) {
			if _, builtin := c.Call.Value.(*ssa.Builtin); !builtin && c.Call.StaticCallee() == nil {
				bridges = append(bridges, fn)
				break
			}
		}
	}
	toward := make(map[*types.Var]map[*ssa.Function]bool)
	for _, r := range rels {
		if len(waits[r.f]) == 0 {
			continue
		}
		if toward[r.f] == nil {
			toward[r.f] = st.towardWaits(waits[r.f], bridges)
		}
		st.selfJoin(r, waits[r.f], toward[r.f])
	}
}

// towardWaits returns the functions from which a wait of waits, or a call
// through an interface or a function value (bridges), is reached through
// static calls and the makers of literals: the only ones a walk toward a
// wait need enter through a static call.
func (st *state) towardWaits(waits []joinWait, bridges []*ssa.Function) map[*ssa.Function]bool {
	out := make(map[*ssa.Function]bool)
	var work []*ssa.Function
	add := func(fn *ssa.Function) {
		if !out[fn] {
			out[fn] = true
			work = append(work, fn)
		}
	}
	for _, w := range waits {
		add(w.fn)
	}
	for _, fn := range bridges {
		add(fn)
	}
	for len(work) > 0 {
		fn := work[len(work)-1]
		work = work[:len(work)-1]
		if p := fn.Parent(); p != nil {
			add(p)
		}
		for _, c := range st.callersOf(fn) {
			add(c)
		}
	}
	return out
}

// deferredRelease returns the release that a close is, when it is a
// deferred close of the field of fn's own object (its receiver, a
// parameter or a captured variable), or a close in a literal that fn
// only defers.
func deferredRelease(f *types.Var, instr ssa.Instruction, base ssa.Value) *joinRelease {
	self := objRoot(base)
	if !inbound(self) {
		return nil
	}
	switch in := instr.(type) {
	case *ssa.Defer:
		return &joinRelease{f: f, fn: in.Parent(), at: in, self: self}
	case *ssa.Call:
		lit := in.Parent()
		parent := lit.Parent()
		if parent == nil {
			return nil
		}
		var def *ssa.Defer
		for _, r := range refs(lit) {
			mc, ok := r.(*ssa.MakeClosure)
			if !ok {
				return nil
			}
			for _, u := range refs(mc) {
				d, ok := u.(*ssa.Defer)
				if !ok || d.Call.Value != ssa.Value(mc) || def != nil {
					return nil
				}
				def = d
			}
		}
		if def == nil {
			return nil
		}
		// the captured object, as the parent sees it
		fv, ok := self.(*ssa.FreeVar)
		if !ok {
			return nil
		}
		b := bindingOf(fv)
		if b == nil || !inbound(objRoot(b)) {
			return nil
		}
		return &joinRelease{f: f, fn: parent, at: def, self: objRoot(b)}
	}
	return nil
}

// selfJoin looks, from the release's function, for a wait on the same
// field of the same object, and reports the first.
func (st *state) selfJoin(r joinRelease, waits []joinWait, toward map[*ssa.Function]bool) {
	selfType := r.self.Type()
	start := &joinFrame{fn: r.fn, obj: r.self}
	work := []*joinFrame{start}
	type key struct {
		fn  *ssa.Function
		obj ssa.Value
	}
	seen := map[key]bool{{r.fn, r.self}: true}
	for len(work) > 0 && len(seen) <= maxJoinFuncs {
		fr := work[0]
		work = work[1:]
		for _, w := range waits {
			if w.fn == fr.fn && w.base == fr.obj && fr.obj != nil && (fr != start || pendingAt(r.at, w.instr)) && !guardedOff(fr, w.instr) && !st.rep.IsTestFile(w.instr.Pos()) {
				st.reportSelfJoin(r, w, fr)
				return
			}
		}
		if fr.depth >= maxJoinDepth {
			continue
		}
		for _, b := range fr.fn.Blocks {
			for _, instr := range b.Instrs {
				// a call, or a deferred one: a defer registered after
				// the release runs before it
				var call ssa.CallInstruction
				switch x := instr.(type) {
				case *ssa.Call:
					call = x
				case *ssa.Defer:
					call = x
				default:
					continue
				}
				if fr == start && !pendingAt(r.at, instr) || guardedOff(fr, instr) {
					continue
				}
				static := !call.Common().IsInvoke() && call.Common().StaticCallee() != nil
				for _, next := range st.joinCallees(call, fr, selfType, r.fn) {
					k := key{next.fn, next.obj}
					if seen[k] || static && !toward[next.fn] {
						continue
					}
					seen[k] = true
					next.via, next.parent, next.depth = call, fr, fr.depth+1
					work = append(work, next)
				}
			}
		}
	}
}

// joinCallees returns the functions of the package a call may run in
// place, each with the object as it sees it: the callee's parameter or
// free variable the object is passed in, or nil when it is lost.
func (st *state) joinCallees(call ssa.CallInstruction, from *joinFrame, selfType types.Type, loop *ssa.Function) []*joinFrame {
	c := call.Common()
	obj := from.obj
	var out []*joinFrame
	// follow maps the object into fn, given the values passed as its
	// parameters and bound as its free variables
	follow := func(fn *ssa.Function, args, bindings []ssa.Value) {
		if fn == nil || fn.Pkg != call.Parent().Pkg || len(fn.Blocks) == 0 || len(fn.Blocks) > maxCalleeBlocks {
			return
		}
		n := len(out)
		defer func() {
			for _, fr := range out[n:] {
				fr.consts = passedConsts(fn, args, bindings, from.consts)
			}
		}()
		other := false
		for i, a := range args {
			if i >= len(fn.Params) {
				break
			}
			ra := objRoot(a)
			switch {
			case obj != nil && ra == obj:
				out = append(out, &joinFrame{fn: fn, obj: fn.Params[i]})
				return
			case types.Identical(a.Type(), selfType):
				if obj == nil && st.startedOn(ra, loop, from) {
					// picked up again: the variable the loop runs on
					out = append(out, &joinFrame{fn: fn, obj: fn.Params[i]})
					return
				}
				other = true
			}
		}
		for j, b := range bindings {
			if j >= len(fn.FreeVars) {
				break
			}
			if rb := objRoot(b); obj != nil && rb == obj {
				out = append(out, &joinFrame{fn: fn, obj: fn.FreeVars[j]})
				return
			} else if types.Identical(deref(b.Type()), selfType) || types.Identical(b.Type(), selfType) {
				other = true
			}
		}
		if other && obj != nil {
			return // another object of the type
		}
		out = append(out, &joinFrame{fn: fn})
	}
	closure := func(v ssa.Value, args []ssa.Value) {
		switch v := v.(type) {
		case *ssa.Function:
			follow(v, args, nil)
		case *ssa.MakeClosure:
			if fn, ok := v.Fn.(*ssa.Function); ok {
				follow(fn, args, v.Bindings)
			}
		}
	}
	switch {
	case c.IsInvoke():
		for _, fn := range st.implementations(c) {
			args := append([]ssa.Value{c.Value}, c.Args...)
			follow(fn, args, nil)
		}
	case c.StaticCallee() != nil:
		callee := match.CalleeObject(c)
		if callee != nil && match.Is(callee, apis.OnceDo) && len(c.Args) == 2 {
			closure(c.Args[1], nil) // runs in place
			return out
		}
		closure(c.Value, c.Args)
	default:
		if _, ok := c.Value.(*ssa.Builtin); ok {
			return nil
		}
		// a function value: a literal stored somewhere keeps its
		// maker's variables, which we do not know here
		for _, fn := range st.funcValues(c.Value, 0) {
			follow(fn, c.Args, nil)
		}
	}
	return out
}

// startedOn reports whether v, a free variable of a literal bound to a
// variable of its maker, is the variable its maker starts the loop on:
// the maker calls, on that variable, a method of the package with a go
// statement that starts the loop (or a literal that calls it), and on
// no other variable. When the literal's holder is kept in a field of
// the object, the path from the loop must read that field (a server's
// onMsg hook, not its onIdle one).
func (st *state) startedOn(v ssa.Value, loop *ssa.Function, from *joinFrame) bool {
	fv, ok := v.(*ssa.FreeVar)
	if !ok {
		return false
	}
	b := bindingOf(fv)
	if b == nil {
		return false
	}
	cell := objRoot(b)
	maker := fv.Parent().Parent()
	// the variables the maker starts the loop on: only this one
	var started []ssa.Value
	for c := range match.Calls(maker) {
		callee := c.Call.StaticCallee()
		if callee == nil || callee.Pkg != maker.Pkg || callee.Signature.Recv() == nil || len(c.Call.Args) == 0 {
			continue
		}
		on := objRoot(c.Call.Args[0])
		if slices.Contains(started, on) {
			continue
		}
	scan:
		for _, b := range callee.Blocks {
			for _, instr := range b.Instrs {
				if g, ok := instr.(*ssa.Go); ok && startsLoop(g, loop) {
					started = append(started, on)
					break scan
				}
			}
		}
	}
	if len(started) != 1 || started[0] != cell {
		return false
	}
	// the literal is kept in an object given to the loop's object: a
	// callback the loop may run, not a hook kept elsewhere
	for _, r := range refs(fv.Parent()) {
		mc, ok := r.(*ssa.MakeClosure)
		if !ok {
			continue
		}
		for _, u := range refs(mc) {
			if st, ok := u.(*ssa.Store); ok && st.Val == ssa.Value(mc) {
				fa, ok := st.Addr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				if given, field := givenTo(objRoot(fa.X), cell); given && (field == nil || readOnPath(from, field)) {
					return true
				}
			}
		}
	}
	return false
}

// givenTo reports whether holder is handed to the object a stable cell
// holds when it is made: an argument of the call that returns it, or a
// value stored in a field of its composite literal (the field).
func givenTo(holder, cell ssa.Value) (bool, *types.Var) {
	a, ok := cell.(*ssa.Alloc)
	if !ok {
		return false, nil
	}
	v, ok := stableCell(a)
	if !ok {
		return false, nil
	}
	for range 8 {
		switch x := v.(type) {
		case *ssa.TypeAssert:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Extract:
			v = x.Tuple
			continue
		case *ssa.Call:
			for _, arg := range x.Call.Args {
				if objRoot(arg) == holder {
					return true, nil
				}
			}
		case *ssa.Alloc:
			for _, r := range refs(x) {
				fa, ok := r.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				for _, u := range refs(fa) {
					if st, ok := u.(*ssa.Store); ok && st.Addr == ssa.Value(fa) && objRoot(st.Val) == holder {
						return true, fieldOf(fa)
					}
				}
			}
		}
		return false, nil
	}
	return false, nil
}

// readOnPath reports whether a function on the path to from (from
// included) reads field.
func readOnPath(from *joinFrame, field *types.Var) bool {
	for fr := from; fr != nil; fr = fr.parent {
		for _, b := range fr.fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.FieldAddr:
					if fieldOf(x) == field {
						return true
					}
				case *ssa.Field:
					if s, ok := x.X.Type().Underlying().(*types.Struct); ok && s.Field(x.Field) == field {
						return true
					}
				}
			}
		}
	}
	return false
}

// startsLoop reports whether g starts loop, or a literal that calls it.
func startsLoop(g *ssa.Go, loop *ssa.Function) bool {
	gf, _ := goroutineFunc(g)
	if gf == nil {
		return false
	}
	if gf == loop {
		return true
	}
	if gf.Parent() == nil {
		return false
	}
	for c := range match.Calls(gf) {
		if c.Call.StaticCallee() == loop {
			return true
		}
	}
	return false
}

// passedConsts returns the constants a call passes for fn's parameters
// and binds to its free variables, directly or from the caller's own.
func passedConsts(fn *ssa.Function, args, bindings []ssa.Value, caller map[ssa.Value]constant.Value) map[ssa.Value]constant.Value {
	var out map[ssa.Value]constant.Value
	put := func(to, v ssa.Value) {
		if k := constOf(v, caller); k != nil {
			if out == nil {
				out = make(map[ssa.Value]constant.Value)
			}
			out[to] = k
		}
	}
	for i, a := range args {
		if i < len(fn.Params) {
			put(fn.Params[i], a)
		}
	}
	for j, b := range bindings {
		if j < len(fn.FreeVars) {
			put(fn.FreeVars[j], b)
		}
	}
	return out
}

// constOf returns v's value when it is a constant, or a parameter or free
// variable the frame knows the constant of.
func constOf(v ssa.Value, consts map[ssa.Value]constant.Value) constant.Value {
	for range 6 {
		switch x := v.(type) {
		case *ssa.Const:
			return x.Value
		case *ssa.Parameter, *ssa.FreeVar:
			return consts[x]
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return nil
			}
			v = x.X // a cell stored once holds what was stored
		case *ssa.Alloc:
			val, ok := stableCell(x)
			if !ok {
				return nil
			}
			v = val
		case *ssa.ChangeType:
			v = x.X
		case *ssa.Convert:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}

// guardedOff reports whether instr may be turned away from on the
// loop's path: it cannot be reached from the function's entry when each
// branch on the constants the callers pass takes only its side, or, in a
// function the loop calls, it sits in an arm of a branch on a parameter
// or free variable other than the object whose value we do not know
// (`if wait`, a mode, an options value: whether it waits is the caller's
// choice). The blocks after such a branch, and a loop's condition, are
// not in its arm.
func guardedOff(fr *joinFrame, instr ssa.Instruction) bool {
	if fr.open == nil {
		fr.open = openBlocks(fr)
	}
	b := instr.Block()
	if !fr.open[b] {
		return true
	}
	if fr.parent == nil {
		return false // the loop's own parameters are its state, not a choice
	}
	for d, n := b.Idom(), 0; d != nil && n < 64; d, n = d.Idom(), n+1 {
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 || loopHeader(d) || evalCond(fr, ifi.Cond, 0) != nil || !fr.choice(ifi.Cond, 0) {
			continue
		}
		for _, s := range d.Succs {
			if len(s.Preds) == 1 && s.Dominates(b) {
				return true
			}
		}
	}
	return false
}

// loopHeader reports whether b is the head of a loop: it dominates one of
// its predecessors.
func loopHeader(b *ssa.BasicBlock) bool {
	for _, p := range b.Preds {
		if b.Dominates(p) {
			return true
		}
	}
	return false
}

// openBlocks returns the blocks of the frame's function reached from its
// entry when each branch on the callers' constants takes only its side.
func openBlocks(fr *joinFrame) map[*ssa.BasicBlock]bool {
	open := make(map[*ssa.BasicBlock]bool)
	if len(fr.fn.Blocks) == 0 {
		return open
	}
	work := []*ssa.BasicBlock{fr.fn.Blocks[0]}
	if r := fr.fn.Recover; r != nil {
		work = append(work, r)
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if open[b] {
			continue
		}
		open[b] = true
		succs := b.Succs
		if ifi, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok && len(succs) == 2 {
			if k := evalCond(fr, ifi.Cond, 0); k != nil && k.Kind() == constant.Bool {
				if constant.BoolVal(k) {
					succs = succs[:1]
				} else {
					succs = succs[1:]
				}
			}
		}
		work = append(work, succs...)
	}
	return open
}

// evalCond returns the value of a condition made of the frame's known
// constants, or nil.
func evalCond(fr *joinFrame, v ssa.Value, depth int) constant.Value {
	if depth > 4 {
		return nil
	}
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op == token.NOT {
			if k := evalCond(fr, x.X, depth+1); k != nil && k.Kind() == constant.Bool {
				return constant.MakeBool(!constant.BoolVal(k))
			}
			return nil
		}
	case *ssa.BinOp:
		switch x.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
			l, r := evalCond(fr, x.X, depth+1), evalCond(fr, x.Y, depth+1)
			if l == nil || r == nil || l.Kind() == constant.Unknown || r.Kind() == constant.Unknown {
				return nil
			}
			if (l.Kind() == constant.Bool) != (r.Kind() == constant.Bool) || (l.Kind() == constant.String) != (r.Kind() == constant.String) {
				return nil
			}
			if (l.Kind() == constant.Complex || r.Kind() == constant.Complex || l.Kind() == constant.Bool) && x.Op != token.EQL && x.Op != token.NEQ {
				return nil // not ordered
			}
			return constant.MakeBool(constant.Compare(l, x.Op, r))
		}
		return nil
	}
	return constOf(v, fr.consts)
}

// choice reports whether a condition reads a parameter or free variable
// that holds data, not an object: a flag, a number, a string or a struct
// value (or a field of one), which the caller chooses. A test for nil
// asks about state, not a choice.
func (fr *joinFrame) choice(v ssa.Value, depth int) bool {
	if depth > 4 || v == nil {
		return false
	}
	switch x := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return v != fr.obj && dataType(v.Type()) && fr.consts[v] == nil
	case *ssa.UnOp:
		return fr.choice(x.X, depth+1)
	case *ssa.BinOp:
		if isNil(x.X) || isNil(x.Y) {
			return false
		}
		return fr.choice(x.X, depth+1) || fr.choice(x.Y, depth+1)
	case *ssa.Field:
		return fr.choice(x.X, depth+1)
	case *ssa.FieldAddr:
		return fr.choice(x.X, depth+1)
	case *ssa.ChangeType:
		return fr.choice(x.X, depth+1)
	case *ssa.Convert:
		return fr.choice(x.X, depth+1)
	case *ssa.Extract:
		return fr.choice(x.Tuple, depth+1)
	case *ssa.Alloc:
		// a parameter spilled to a cell (captured, or its field read)
		for _, r := range refs(x) {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ssa.Value(x) {
				switch st.Val.(type) {
				case *ssa.Parameter, *ssa.FreeVar:
					if fr.choice(st.Val, depth+1) {
						return true
					}
				}
			}
		}
	}
	return false
}

// dataType reports whether t is a basic type, a struct value, or a
// pointer to a basic type (a captured flag).
func dataType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		_, basic := p.Elem().Underlying().(*types.Basic)
		return basic
	}
	switch t.Underlying().(type) {
	case *types.Basic, *types.Struct:
		return true
	}
	return false
}

func isNil(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.Value == nil
}

// pendingAt reports whether the deferred release at has been registered
// when instr runs: the defer comes first in instr's block, or in a block
// that dominates it.
func pendingAt(at, instr ssa.Instruction) bool {
	ab, ib := at.Block(), instr.Block()
	if ab == ib {
		return slices.Index(ab.Instrs, at) < slices.Index(ib.Instrs, instr)
	}
	return ab.Dominates(ib)
}

// wgField returns the field address and field of a call of method name
// on a WaitGroup field of this package.
func wgField(c *ssa.CallCommon, name string, pkg *types.Package) (*ssa.FieldAddr, *types.Var) {
	fn, ok := c.Value.(*ssa.Function)
	if !ok || fn.Name() != name || len(c.Args) == 0 {
		return nil, nil
	}
	obj := match.CalleeObject(c)
	if obj == nil || match.PkgPath(obj.Pkg()) != "sync" {
		return nil, nil
	}
	sig := fn.Signature
	if sig.Recv() == nil || !match.IsPointerTo(sig.Recv().Type(), "sync", "WaitGroup") {
		return nil, nil
	}
	fa, ok := c.Args[0].(*ssa.FieldAddr)
	if !ok {
		return nil, nil
	}
	f := fieldOf(fa)
	if f == nil || f.Pkg() != pkg {
		return nil, nil
	}
	return fa, f.Origin()
}

// objRoot returns the value that names an object in its function: a
// parameter, a free variable, or a variable's cell (a cell that only
// ever holds one parameter or free variable is that value), through
// loads of cells and conversions. A cell stored to more than once, or
// whose address goes anywhere but to loads (a closure that assigns the
// variable, a call that takes &c), names no one object: each load of it
// is its own.
func objRoot(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return v
			}
			switch cell := x.X.(type) {
			case *ssa.FreeVar:
				if !stableFreeVar(cell) {
					return x
				}
				return cell
			case *ssa.Alloc:
				if _, ok := stableCell(cell); !ok {
					return x
				}
				v = cell
				continue
			}
		case *ssa.Alloc:
			if val, ok := stableCell(x); ok && inbound(val) {
				v = val
				continue
			}
		}
		return v
	}
	return v
}

// stableCell returns the one value stored in a cell whose other uses
// are loads, or bindings of closures that only load it.
func stableCell(cell *ssa.Alloc) (ssa.Value, bool) {
	var val ssa.Value
	for _, r := range refs(cell) {
		switch u := r.(type) {
		case *ssa.Store:
			if u.Addr != ssa.Value(cell) || val != nil {
				return nil, false
			}
			val = u.Val
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return nil, false
			}
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			fn, ok := u.Fn.(*ssa.Function)
			if !ok {
				return nil, false
			}
			for i, b := range u.Bindings {
				if b == ssa.Value(cell) && (i >= len(fn.FreeVars) || !onlyLoaded(fn.FreeVars[i])) {
					return nil, false
				}
			}
		default:
			return nil, false
		}
	}
	return val, val != nil
}

// onlyLoaded reports whether a captured cell is only loaded.
func onlyLoaded(fv *ssa.FreeVar) bool {
	for _, r := range refs(fv) {
		switch u := r.(type) {
		case *ssa.UnOp:
			if u.Op != token.MUL {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

// stableFreeVar reports whether a free variable holds one object for
// good: bound by value, or to a stable cell.
func stableFreeVar(fv *ssa.FreeVar) bool {
	b := bindingOf(fv)
	if b == nil {
		return false
	}
	if cell, ok := b.(*ssa.Alloc); ok {
		_, stable := stableCell(cell)
		return stable
	}
	return true
}

// inbound reports whether v comes into its function: a parameter or a
// free variable.
func inbound(v ssa.Value) bool {
	switch v.(type) {
	case *ssa.Parameter, *ssa.FreeVar:
		return true
	}
	return false
}

func deref(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func (st *state) reportSelfJoin(r joinRelease, w joinWait, fr *joinFrame) {
	var path []string
	var first ssa.Instruction
	for x := fr; x.parent != nil; x = x.parent {
		path = append(path, funcName(x.fn))
		first = x.via
	}
	slices.Reverse(path)
	what, release := "receive from", "close"
	if r.wg {
		what, release = "Wait on", "Done"
	}
	through := ""
	if len(path) > 0 {
		through = " (through " + strings.Join(path, ", ") + ")"
	}
	loop := funcName(r.fn)
	msg := fmt.Sprintf("%s %s blocks for ever when %s reaches it%s: the %s it waits for is %s's own, deferred until it returns; "+
		"call this from a new goroutine there, or do not wait when the loop itself stops",
		what, st.fieldName(r.f), loop, through, release, loop)
	rel := []analysis.RelatedInformation{{Pos: r.at.Pos(), Message: "the deferred " + release + ", pending while " + loop + " runs"}}
	if first != nil {
		rel = append(rel, analysis.RelatedInformation{Pos: first.Pos(), Message: loop + " calls on from here"})
	}
	st.rep.Report(analysis.Diagnostic{Pos: w.instr.Pos(), Message: msg, Related: rel})
}
