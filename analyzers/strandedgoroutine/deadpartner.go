package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"iter"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// A dead partner: an unexported field of the package that holds a
// channel, a *sync.Cond or a context's cancel function, where the package
// never performs the partner operation at all (no send or close on the
// channel, no Signal or Broadcast on the Cond, no call of the cancel), and
// the value never leaves the package's sight, so no other code can. Every
// wait on it blocks for ever: a Stop that forgets to close, a Cond nobody
// signals, a cancel stored and never called.

// fieldKind is what a field holds.
type fieldKind int

const (
	kindNone fieldKind = iota
	kindChan
	kindCond
	kindCancel
	kindWaitGroup
)

func kindOf(t types.Type) fieldKind {
	switch {
	case isChan(t):
		return kindChan
	case match.IsPointerTo(t, "sync", "Cond"), match.IsNamed(t, "sync", "Cond"):
		return kindCond
	case match.IsNamed(t, "context", "CancelFunc"), match.IsNamed(t, "context", "CancelCauseFunc"):
		return kindCancel
	case match.IsNamed(t, "sync", "WaitGroup"):
		return kindWaitGroup
	}
	return kindNone
}

func isChan(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// fieldWait is one blocking wait on a field.
type fieldWait struct {
	fn    *ssa.Function
	instr ssa.Instruction
	pos   token.Pos
}

// fieldFacts is what the package does with one field.
type fieldFacts struct {
	kind     fieldKind
	escaped  bool // the value may reach code we cannot see
	partner  bool // a send or close, Signal or Broadcast, a load of the cancel
	waits    []fieldWait
	selects  []*ssa.Select // selects with a receive from the field
	made     token.Pos     // where the value stored is made
	madeBy   []ssa.Value   // the values stored (a WithCancel's cancel)
	accessor []*ssa.Function
	// ops: every send, close and receive on the field, with the object
	// it was loaded from (for the mutex rule)
	ops []chanOp
	// buffered: some channel stored has a buffer (or an unknown size)
	buffered bool
	// unsized: some channel stored has a size that is not a constant
	unsized bool
	// minCap: the least constant buffer of the channels stored (-1: none
	// seen yet)
	minCap int64
	// adds: Add calls of a positive count on a WaitGroup
	adds int
}

// chanOp is one operation on a channel field.
type chanOp struct {
	instr ssa.Instruction
	base  ssa.Value // the object the field was loaded from, if known
	send  bool      // a send or close (else a receive)
	block bool      // it can block (a plain op, or a select without default)
}

// deadFields scans the package once and returns its fields whose partner
// operation never happens.
type deadScan struct {
	st     *state
	fields map[*types.Var]*fieldFacts
	seen   map[ssa.Value]bool
}

func (st *state) scanFields() *deadScan {
	d := &deadScan{st: st, fields: make(map[*types.Var]*fieldFacts), seen: make(map[ssa.Value]bool)}
	for _, fn := range st.all {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.FieldAddr:
					if f := d.field(fieldOf(in)); f != nil {
						d.addr(fn, d.fields[f], in)
					}
				case *ssa.Field:
					s, ok := in.X.Type().Underlying().(*types.Struct)
					if !ok {
						continue
					}
					if f := d.field(s.Field(in.Field)); f != nil {
						d.value(fn, d.fields[f], in, 0)
					}
				}
			}
		}
	}
	// accessors: calls of a method that returns the field receive-only
	for _, ff := range d.fields {
		for _, acc := range ff.accessor {
			for _, fn := range st.all {
				for c := range match.Calls(fn) {
					if c.Call.StaticCallee() == acc {
						d.value(fn, ff, c, 1)
					}
				}
			}
		}
	}
	return d
}

// field returns f (its origin) when it is an unexported field of this
// package of a kind we follow, creating its record.
func (d *deadScan) field(f *types.Var) *types.Var {
	if f == nil {
		return nil
	}
	f = f.Origin()
	if f.Exported() || f.Pkg() != d.st.pass.Pkg {
		return nil
	}
	k := kindOf(f.Type())
	if k == kindNone {
		return nil
	}
	if d.fields[f] == nil {
		d.fields[f] = &fieldFacts{kind: k, minCap: -1}
	}
	return f
}

// addr classifies the uses of a field's address.
func (d *deadScan) addr(fn *ssa.Function, ff *fieldFacts, fa *ssa.FieldAddr) {
	for _, r := range refs(fa) {
		switch u := r.(type) {
		case *ssa.UnOp:
			if u.Op == token.MUL {
				d.value(fn, ff, u, 0)
				continue
			}
			ff.escaped = true
		case *ssa.Store:
			if u.Addr != ssa.Value(fa) {
				ff.escaped = true
				continue
			}
			d.stored(ff, u.Val)
		case *ssa.FieldAddr:
			// a Cond held by value: its L
			if ff.kind != kindCond {
				ff.escaped = true
			}
		case *ssa.Call:
			// a method of a Cond held by value
			if ff.kind == kindCond && !u.Call.IsInvoke() && len(u.Call.Args) > 0 && u.Call.Args[0] == ssa.Value(fa) {
				d.condCall(fn, ff, u)
				continue
			}
			if ff.kind == kindWaitGroup && !u.Call.IsInvoke() && len(u.Call.Args) > 0 && u.Call.Args[0] == ssa.Value(fa) {
				d.wgCall(fn, ff, u)
				continue
			}
			ff.escaped = true
		case *ssa.DebugRef:
		default:
			ff.escaped = true
		}
	}
}

// stored checks a value stored in the field: made right there for this
// field alone, or nil.
func (d *deadScan) stored(ff *fieldFacts, v ssa.Value) {
	if c, ok := v.(*ssa.Const); ok && c.IsNil() {
		return
	}
	for {
		ct, ok := v.(*ssa.ChangeType)
		if !ok {
			break
		}
		if len(refs(ct)) != 1 {
			ff.escaped = true
			ff.buffered, ff.unsized = true, true // of a size we do not know
			return
		}
		v = ct.X
	}
	switch ff.kind {
	case kindChan:
		mc, ok := v.(*ssa.MakeChan)
		if !ok {
			ff.escaped = true
			ff.buffered, ff.unsized = true, true // of a size we do not know
			return
		}
		if len(refs(mc)) != 1 && !onlyChangeTypes(mc) {
			ff.escaped = true
		}
		ff.made = mc.Pos()
		n, ok := resource.IntConst(mc.Size)
		if !ok || n != 0 {
			ff.buffered = true
		}
		if ok && (ff.minCap < 0 || n < ff.minCap) {
			ff.minCap = n
		}
		if !ok {
			ff.unsized = true
		}
	case kindCond:
		c, ok := v.(*ssa.Call)
		if !ok || len(refs(c)) != 1 {
			ff.escaped = true
			return
		}
		if callee := match.CalleeObject(c.Common()); callee == nil || match.PkgPath(callee.Pkg()) != "sync" || callee.Name() != "NewCond" {
			ff.escaped = true
			return
		}
		ff.made = c.Pos()
	case kindCancel:
		ex, ok := v.(*ssa.Extract)
		if !ok || ex.Index != 1 || len(refs(ex)) != 1 {
			ff.escaped = true
			return
		}
		call, ok := ex.Tuple.(*ssa.Call)
		if !ok {
			ff.escaped = true
			return
		}
		callee := match.CalleeObject(call.Common())
		if callee == nil || match.PkgPath(callee.Pkg()) != "context" || (callee.Name() != "WithCancel" && callee.Name() != "WithCancelCause") {
			ff.escaped = true // timeouts end by themselves
			return
		}
		ff.made = call.Pos()
		ff.madeBy = append(ff.madeBy, call)
	}
}

func onlyChangeTypes(v ssa.Value) bool {
	n := 0
	for _, r := range refs(v) {
		if _, ok := r.(*ssa.Store); ok {
			n++
			continue
		}
		return false
	}
	return n == 1
}

// value classifies the uses of a field's value (a load, or the result of
// an accessor).
func (d *deadScan) value(fn *ssa.Function, ff *fieldFacts, v ssa.Value, depth int) {
	if d.seen[v] || depth > 3 {
		if depth > 3 {
			ff.escaped = true
		}
		return
	}
	d.seen[v] = true
	if ff.kind == kindCancel {
		// a load may be a call, or hand the cancel on
		if len(refs(v)) > 0 {
			ff.partner = true
		}
		return
	}
	for _, r := range refs(v) {
		switch u := r.(type) {
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if ff.kind == kindChan && u.Op == token.ARROW {
				ff.waits = append(ff.waits, fieldWait{fn, u, u.Pos()})
				ff.ops = append(ff.ops, chanOp{u, baseOf(v), false, true})
				continue
			}
			ff.escaped = true
		case *ssa.Send:
			if u.Chan == v {
				ff.partner = true
				ff.ops = append(ff.ops, chanOp{u, baseOf(v), true, true})
				continue
			}
			ff.escaped = true
		case *ssa.Select:
			for _, s := range u.States {
				if s.Chan == v {
					ff.ops = append(ff.ops, chanOp{u, baseOf(v), s.Dir == types.SendOnly, u.Blocking && len(u.States) == 1})
				}
				if s.Chan == v && s.Dir == types.SendOnly {
					ff.partner = true
				}
				if s.Send == v {
					ff.escaped = true
				}
			}
			ff.selects = append(ff.selects, u)
		case *ssa.BinOp:
			// a comparison with nil
		case *ssa.ChangeType:
			if ch, ok := u.Type().Underlying().(*types.Chan); ok && ch.Dir() == types.RecvOnly {
				// receive-only from here on: nobody can send or close through it
				d.value(fn, ff, u, depth)
				continue
			}
			ff.escaped = true
		case *ssa.Return:
			if ff.kind == kindChan && fn.Signature.Results().Len() == 1 && recvOnly(fn.Signature.Results().At(0).Type()) {
				ff.accessor = append(ff.accessor, fn)
				continue
			}
			ff.escaped = true
		case *ssa.Call:
			if bi, ok := u.Call.Value.(*ssa.Builtin); ok {
				switch bi.Name() {
				case "close":
					ff.partner = true
					ff.ops = append(ff.ops, chanOp{u, baseOf(v), true, false})
				case "len", "cap":
				default:
					ff.escaped = true
				}
				continue
			}
			if ff.kind == kindCond && !u.Call.IsInvoke() && len(u.Call.Args) > 0 && u.Call.Args[0] == v {
				d.condCall(fn, ff, u)
				continue
			}
			ff.escaped = true
		case *ssa.FieldAddr:
			if ff.kind != kindCond {
				ff.escaped = true
			}
		case *ssa.Defer:
			if bi, ok := u.Call.Value.(*ssa.Builtin); ok && bi.Name() == "close" && ff.kind == kindChan {
				ff.partner = true
				ff.ops = append(ff.ops, chanOp{u, baseOf(v), true, false})
				continue
			}
			ff.escaped = true
		default:
			ff.escaped = true
		}
	}
}

func recvOnly(t types.Type) bool {
	ch, ok := t.Underlying().(*types.Chan)
	return ok && ch.Dir() == types.RecvOnly
}

// wgCall classifies a method call on a WaitGroup: an Add of a positive
// constant needs a Done; Done, Go, or an Add of anything else is a
// partner.
func (d *deadScan) wgCall(fn *ssa.Function, ff *fieldFacts, c *ssa.Call) {
	callee, _ := c.Call.Value.(*ssa.Function)
	if callee == nil {
		ff.escaped = true
		return
	}
	switch callee.Name() {
	case "Wait":
		ff.waits = append(ff.waits, fieldWait{fn, c, c.Pos()})
	case "Add":
		if n, ok := resource.IntConst(c.Call.Args[1]); ok && n > 0 {
			ff.adds++
		} else {
			ff.partner = true
		}
	default:
		ff.partner = true
	}
}

// condCall classifies a method call on a Cond.
func (d *deadScan) condCall(fn *ssa.Function, ff *fieldFacts, c *ssa.Call) {
	callee, _ := c.Call.Value.(*ssa.Function)
	if callee == nil {
		ff.escaped = true
		return
	}
	switch callee.Name() {
	case "Wait":
		ff.waits = append(ff.waits, fieldWait{fn, c, c.Pos()})
	case "Signal", "Broadcast":
		ff.partner = true
	default:
		ff.escaped = true
	}
}

// checkDeadFields reports the waits on fields whose partner never runs.
func (st *state) checkDeadFields(d *deadScan) {
	reported := make(map[ssa.Instruction]bool)
	for f, ff := range sortedFields(d.fields) {
		fname := st.fieldName(f)
		if ff.kind == kindCond && !ff.escaped && ff.partner {
			for _, w := range ff.waits {
				if !st.runsOnce(w.fn) && st.loopStays(w.instr.Block(), nil) {
					st.reportDead(w.pos, ff.made, fmt.Sprintf("%s.Wait() never returns for good: the loop around it has no exit, so a Signal or Broadcast only wakes it to wait again", fname))
				}
			}
			continue
		}
		if ff.kind == kindChan && !ff.escaped && ff.partner && len(ff.accessor) == 0 {
			st.checkNoReceiver(f, ff)
		}
		if ff.escaped || ff.partner {
			continue
		}
		switch ff.kind {
		case kindChan:
			for _, w := range ff.waits {
				// a channel with a buffer for many values whose values
				// are read is a queue, not a signal or a result: a
				// consumer waiting on a source with no messages yet (a
				// stub dataplane's RecvMessage) waits by design; a buffer
				// of one is a result's (`errCh <- err` forgotten)
				if st.runsOnce(w.fn) || !ff.unsized && ff.minCap >= 2 && valueRead(w.instr) {
					continue
				}
				st.reportDead(w.pos, ff.made, fmt.Sprintf("receive from %s blocks for ever: nothing sends on it or closes it, and it never leaves the package; close it where the object is stopped", fname))
				reported[w.instr] = true
			}
			for _, sel := range ff.selects {
				if reported[sel] || !sel.Blocking || st.runsOnce(sel.Parent()) || !allDead(d, sel) {
					continue
				}
				reported[sel] = true
				st.reportDead(sel.Pos(), ff.made, fmt.Sprintf("select blocks for ever: nothing sends on or closes %s or the other channels it waits on, and they never leave the package", fname))
			}
		case kindCond:
			for _, w := range ff.waits {
				// nothing can wake the waiter: an importer that sets an
				// exported field it loops on cannot either
				if st.runsOnce(w.fn) || !st.loopNeverExits(w.instr.Block(), true) {
					continue
				}
				st.reportDead(w.pos, ff.made, fmt.Sprintf("%s.Wait() blocks for ever: nothing calls Signal or Broadcast on it, and the loop around it waits on fields that are never set; set them and broadcast", fname))
			}
		case kindWaitGroup:
			if ff.adds == 0 {
				continue
			}
			for _, w := range ff.waits {
				if st.runsOnce(w.fn) {
					continue
				}
				st.reportDead(w.pos, token.NoPos, fmt.Sprintf("%s.Wait() blocks for ever once Add has run: nothing calls Done on it; call Done when each task finishes", fname))
			}
		case kindCancel:
			for _, made := range ff.madeBy {
				st.checkDeadCancel(f, made.(*ssa.Call))
			}
		}
	}
}

// allDead reports whether every case of a select receives from a field
// whose partner never runs.
func allDead(d *deadScan, sel *ssa.Select) bool {
	for _, s := range sel.States {
		if s.Dir != types.RecvOnly {
			return false
		}
		found := false
		for _, ff := range d.fields {
			if ff.kind == kindChan && !ff.escaped && !ff.partner && containsSel(ff.selects, sel) && d.loadedFrom(ff, s.Chan) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func containsSel(sels []*ssa.Select, sel *ssa.Select) bool {
	for _, s := range sels {
		if s == sel {
			return true
		}
	}
	return false
}

// loadedFrom reports whether v is a value classified as a use of ff:
// a load of it whose uses were scanned.
func (d *deadScan) loadedFrom(ff *fieldFacts, v ssa.Value) bool {
	if !d.seen[v] {
		return false
	}
	var f *types.Var
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			f = fieldOf(fa)
		}
	case *ssa.ChangeType:
		return d.loadedFrom(ff, v.X)
	case *ssa.Call:
		for _, acc := range ff.accessor {
			if v.Call.StaticCallee() == acc {
				return true
			}
		}
	}
	return f != nil && d.fields[f.Origin()] == ff
}

// outlives reports whether a parent context lives on after the call that
// derives from it: context.Background or TODO, or a context held in a
// field or a package variable. A parameter's context (a request's, an
// event's) may end with the call, and its children with it.
func outlives(parent ssa.Value) bool {
	if longLived(parent) {
		return true
	}
	switch v := parent.(type) {
	case *ssa.UnOp:
		if v.Op == token.MUL {
			switch v.X.(type) {
			case *ssa.FieldAddr, *ssa.Global:
				return true
			}
		}
	case *ssa.Field:
		return true
	}
	return false
}

// checkDeadCancel reports a goroutine that waits on the Done channel of a
// context whose cancel is stored in a field nobody reads.
func (st *state) checkDeadCancel(f *types.Var, call *ssa.Call) {
	fn := call.Parent()
	if st.runsOnce(fn) || len(call.Call.Args) == 0 || !outlives(call.Call.Args[0]) {
		return
	}
	if w := st.startedWaiting(call); w != nil {
		st.rep.Report(analysis.Diagnostic{
			Pos: w.pos,
			Message: fmt.Sprintf("<-ctx.Done() blocks until the parent context ends: its cancel is stored in %s, which nothing calls; call it where the object is closed, or defer it",
				st.fieldName(f)),
			Related: []analysis.RelatedInformation{
				{Pos: w.g.Pos(), Message: "the goroutine starts here"},
				{Pos: call.Pos(), Message: "the context and its cancel are made here"},
			},
		})
	}
}

// doneWait is a goroutine's wait on a context's Done.
type doneWait struct {
	g   *ssa.Go
	pos token.Pos
}

// startedWaiting returns the first wait on <-ctx.Done() of the context
// that call (a context.WithCancel) makes, in a goroutine that the same
// function starts.
func (st *state) startedWaiting(call *ssa.Call) *doneWait {
	fn := call.Parent()
	var ctx ssa.Value
	for _, r := range refs(call) {
		if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
			ctx = e
		}
	}
	if ctx == nil {
		return nil
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			g, ok := instr.(*ssa.Go)
			if !ok || st.reported[g] {
				continue
			}
			gf, bindings := goroutineFunc(g)
			if gf == nil {
				continue
			}
			for _, w := range doneWaits(gf, bindings, ctx) {
				return &doneWait{g, w}
			}
		}
	}
	return nil
}

// doneWaits returns the plain receives from ctx.Done() in the goroutine
// for the context ctx of the starting function.
func doneWaits(gf *ssa.Function, bindings binding, ctx ssa.Value) []token.Pos {
	var out []token.Pos
	for _, b := range gf.Blocks {
		for _, instr := range b.Instrs {
			var ch ssa.Value
			var pos token.Pos
			switch in := instr.(type) {
			case *ssa.UnOp:
				if in.Op != token.ARROW {
					continue
				}
				ch, pos = in.X, in.Pos()
			case *ssa.Select:
				if !in.Blocking || len(in.States) != 1 || in.States[0].Dir != types.RecvOnly {
					continue
				}
				ch, pos = in.States[0].Chan, in.States[0].Pos
			default:
				continue
			}
			call, ok := ch.(*ssa.Call)
			if !ok || !call.Call.IsInvoke() || call.Call.Method.Name() != "Done" {
				continue
			}
			v, cell := bound(gf, bindings, call.Call.Value)
			if cell {
				if a, ok := v.(*ssa.Alloc); ok {
					v = lastStored(a)
				}
			}
			if v == ctx {
				out = append(out, pos)
			}
		}
	}
	return out
}

// lastStored returns the value a captured variable holds once the
// starting function has set it: the last store into its cell, when every
// store is in one block (ctx, cancel = context.WithCancel(ctx) stores the
// parameter first, then the derived context). Else nil.
func lastStored(a *ssa.Alloc) ssa.Value {
	var last *ssa.Store
	for _, r := range refs(a) {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != ssa.Value(a) {
			continue
		}
		if last != nil && st.Block() != last.Block() {
			return nil
		}
		if last == nil || indexIn(st.Block(), st) > indexIn(last.Block(), last) {
			last = st
		}
	}
	if last == nil {
		return nil
	}
	return last.Val
}

// valueRead reports whether the value a receive takes is used: the
// element itself, not only the fact that a receive happened.
func valueRead(instr ssa.Instruction) bool {
	v, ok := instr.(ssa.Value)
	if !ok {
		return false
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.Extract:
			if r.Index == 0 && len(*r.Referrers()) > 0 {
				return true
			}
		default:
			return true
		}
	}
	return false
}

func (st *state) reportDead(pos, made token.Pos, msg string) {
	d := analysis.Diagnostic{Pos: pos, Message: msg}
	if made.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: made, Message: "made here"}}
	}
	st.rep.Report(d)
}

// fieldName names a field for messages: Type.field.
func (st *state) fieldName(f *types.Var) string {
	scope := st.pass.Pkg.Scope()
	for _, n := range scope.Names() {
		tn, ok := scope.Lookup(n).(*types.TypeName)
		if !ok {
			continue
		}
		if s, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range s.NumFields() {
				if s.Field(i) == f {
					return n + "." + f.Name()
				}
			}
		}
	}
	return f.Name()
}

// sortedFields yields the fields in source order.
func sortedFields(m map[*types.Var]*fieldFacts) iter.Seq2[*types.Var, *fieldFacts] {
	keys := make([]*types.Var, 0, len(m))
	for f := range m {
		keys = append(keys, f)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Pos() < keys[j].Pos() })
	return func(yield func(*types.Var, *fieldFacts) bool) {
		for _, f := range keys {
			if !yield(f, m[f]) {
				return
			}
		}
	}
}

// baseOf returns the object a field was loaded from: the pointer, or the
// variable cell it is loaded from each time (a receiver captured by a
// closure).
func baseOf(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if fa, ok := u.X.(*ssa.FieldAddr); ok {
			if l, ok := fa.X.(*ssa.UnOp); ok && l.Op == token.MUL {
				if a, ok := l.X.(*ssa.Alloc); ok {
					return a
				}
			}
			return fa.X
		}
	}
	return nil
}

// fieldAddrs returns the field addresses taken on a base: on the pointer,
// or on each load of its cell.
func fieldAddrs(base ssa.Value) []*ssa.FieldAddr {
	var out []*ssa.FieldAddr
	for _, r := range refs(base) {
		switch u := r.(type) {
		case *ssa.FieldAddr:
			out = append(out, u)
		case *ssa.UnOp:
			if _, cell := base.(*ssa.Alloc); cell && u.Op == token.MUL {
				for _, r2 := range refs(u) {
					if fa, ok := r2.(*ssa.FieldAddr); ok {
						out = append(out, fa)
					}
				}
			}
		}
	}
	return out
}

// checkNoReceiver reports a plain send on a channel field that nothing
// receives from: it blocks at once (unbuffered) or once the buffer is full.
func (st *state) checkNoReceiver(f *types.Var, ff *fieldFacts) {
	if !ff.made.IsValid() {
		// never made in the package: a nil field whose sends are dead
		// code (kube-router's hairpin channel, its make commented out),
		// or a channel from code we cannot see
		return
	}
	var send ssa.Instruction
	for _, op := range ff.ops {
		if !op.send {
			return // a receive, somewhere
		}
		if s, ok := op.instr.(*ssa.Send); ok && send == nil && !st.runsOnce(s.Parent()) {
			send = s
		}
	}
	if send == nil {
		return
	}
	when := "at the first send: the channel is unbuffered"
	if ff.buffered {
		when = "once its buffer is full"
	}
	st.reportDead(send.Pos(), ff.made, fmt.Sprintf("send on %s can block for ever: nothing receives from it, and it never leaves the package; it blocks %s", st.fieldName(f), when))
}
