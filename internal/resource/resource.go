// Package resource follows a resource value (a handle, a socket, a pipe
// writer) through one SSA function and decides, path by path, whether it
// is released, handed over, or lost. It is the engine behind netlinkclose,
// pipeclose and strandedgoroutine's partners and watches.
//
// The work is linear in the size of the function: aliases are found by one
// walk over referrers, and liveness by one forward pass over the blocks
// (each block entered at most once), never by enumerating paths.
package resource

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Limits that keep the work per function bounded.
const (
	maxValues   = 2000  // aliases followed per resource
	maxBlocks   = 20000 // functions with more blocks are skipped
	maxDepth    = 3     // nested closures and same-package callees followed
	maxCalleeSz = 400   // blocks of a same-package callee we look into
)

// ReleaseNames are the method names that, on a project's own wrapper type,
// are taken to release what it wraps.
var ReleaseNames = []string{"Close", "Delete", "Release", "Stop", "Shutdown", "Destroy", "Free"}

// Policy says what releases a resource and what the analysis may assume.
type Policy struct {
	// ReleaseMethods release the value when called on it (or on an
	// interface holding it).
	ReleaseMethods []string
	// ReleaseFuncs release the value passed as their first argument.
	ReleaseFuncs []apis.Func
	// Borrowing are packages whose functions only use a value passed to
	// them.
	Borrowing []string
	// LostInWriter: once the value is converted to an interface type that
	// has none of ReleaseMethods (an io.Writer), what is done with that
	// interface value no longer hands ownership over: nobody can release
	// it through it.
	LostInWriter bool
	// ParamReleases reports whether a call's callee (from another package,
	// through facts) releases its i'th argument.
	ParamReleases func(callee *types.Func, i int) bool
	// ReleaseBuiltinClose: the builtin close releases the value (a done
	// channel).
	ReleaseBuiltinClose bool
	// CallReleases: calling the value releases it (a context's cancel
	// function).
	CallReleases bool
	// RecvReleases: a receive from the value (a channel) is the partner
	// operation; SendReleases: a send on it is.
	RecvReleases, SendReleases bool
	// Ignore is a function literal whose capture of the value is neither a
	// use nor a hand-over (the goroutine whose partner is being tracked).
	Ignore *ssa.Function
	// Borrows reports whether a call's callee only uses its i'th argument
	// (keeps no reference and releases nothing); may be nil.
	Borrows func(callee *types.Func, i int) bool
	// Wraps reports whether a call's callee returns an object that holds
	// its i'th argument and nothing else of it (a gRPC client made from a
	// connection): the call's result is followed as a wrapper of the
	// value. May be nil.
	Wraps func(callee *types.Func, i int) bool
	// Derives reports which result of a method of a wrapper holds the
	// value too, or -1, and whether that result is a wrapper (a gRPC
	// stream a client opens) or the value itself (an accessor). May be
	// nil.
	Derives func(sig *types.Signature) (int, bool)
	// WrapperRelease, when set, are the methods that release a wrapper
	// of the value, instead of ReleaseNames (a gRPC client's Delete or
	// Stop is a remote call, not a release).
	WrapperRelease []string
	// DrainMethod is a method of the value that returns a channel the
	// value closes once it is done (a watch's ResultChan): the branch on
	// which a receive from that channel finds it closed (a range loop's
	// exit, `if !ok`) releases the value, and the channel handed on
	// hands the value over.
	DrainMethod string
	// DrainEnds reports whether a received value whose field f equals
	// the constant c is the last one the value sends (a watch's ERROR
	// event): the branch on which it holds releases the value too.
	DrainEnds func(of types.Type, field int, c *ssa.Const) bool
}

// Event kinds on instructions.
type event int

const (
	evNone event = iota
	evRelease
	evEscape
	evReturn // returned to the caller
)

// Result is the fate of one resource in one function.
type Result struct {
	// Leaks are the returns reached while the resource is still live
	// (neither released nor handed over).
	Leaks []*ssa.Return
	// LoopLeak is set when a new resource is made in a loop while the one
	// from the previous iteration is still live.
	LoopLeak bool
	// Released is set when some path releases the resource.
	Released bool
	// Escaped is set when some path hands the resource over (stores it,
	// passes it on, captures it in a goroutine) other than by returning it.
	Escaped bool
	// Returned lists the result indexes through which the resource (or a
	// wrapper holding it) is returned, with the returned value's type.
	Returned map[int]types.Type
	// Wrapped is set when what is returned is a wrapper holding the
	// resource rather than the resource itself.
	Wrapped bool
	// Unknown is set when the analysis gave up (too large).
	Unknown bool
	// LostAt is where the resource was first handed on in a form that
	// cannot release it (an io.Writer), with LostInWriter.
	LostAt token.Pos
}

// Never reports whether the resource is never released nor handed over on
// any path.
func (r *Result) Never() bool {
	return !r.Released && !r.Escaped && len(r.Returned) == 0
}

type tracker struct {
	pol     *Policy
	def     *types.Func              // the constructor called, if known
	defCall *ssa.Call                // its call
	reach   map[*ssa.BasicBlock]bool // the blocks def reaches, when asked
	drained map[ssa.Value]bool       // the DrainMethod channels followed
	fn      *ssa.Function
	depth   int
	seen    map[ssa.Value]bool
	events  map[ssa.Instruction]event
	// kill edges: from block index to successor index on which the
	// resource is known not to exist (the constructor's error was non-nil,
	// or the value is nil).
	deadEdges map[[2]int]bool
	// values known to be nil exactly when the resource does not exist.
	errVals map[ssa.Value]bool
	// releaseEdges are branches on which the partner operation happened
	// (the select case that received from the channel).
	releaseEdges map[[2]int]bool
	res          *Result
	overflow     bool
	wrapped      map[ssa.Value]bool
	// fates memoises calleeFate for one Track, shared by the trackers of
	// the callees it looks into: a callee that many call sites (or many
	// levels of helpers) reach is looked into once.
	fates map[fateKey]event
}

type fateKey struct {
	fn      *ssa.Function
	param   int
	wrapper bool
}

// Track follows v, made by the instruction def in fn (def is the call, v
// its resource result, errv the constructor's error result or nil).
func Track(pol *Policy, fn *ssa.Function, def ssa.Instruction, v, errv ssa.Value) *Result {
	t := newTracker(pol, fn, 0)
	res := t.res
	if len(fn.Blocks) > maxBlocks {
		res.Unknown = true
		return res
	}
	if call, ok := def.(*ssa.Call); ok {
		t.def = match.CalleeObject(call.Common())
		t.defCall = call
	}
	if errv != nil {
		t.addErr(errv, 0)
	}
	t.follow(v, false)
	if t.overflow {
		res.Unknown = true
		return res
	}
	t.findDeadEdges()
	if t.eventBefore(def) {
		// released (a deferred release runs on every return) or handed
		// over before def: nothing to follow from def
		return res
	}
	t.propagate(def)
	return res
}

// eventBefore reports whether a release or hand-over happens on every path
// to def, before it (the resource tracked from a later point, as the
// partner of a goroutine started after `defer close(done)`).
func (t *tracker) eventBefore(def ssa.Instruction) bool {
	for instr, e := range t.events {
		if e != evRelease && e != evEscape {
			continue
		}
		if instr.Block() == def.Block() {
			if i := indexOf(def.Block(), instr); i >= 0 && i < indexOf(def.Block(), def) {
				return true
			}
			continue
		}
		if instr.Block().Dominates(def.Block()) {
			return true
		}
	}
	return false
}

// ParamReleased reports whether fn releases its i'th parameter on some
// path.
func ParamReleased(pol *Policy, fn *ssa.Function, i int) bool {
	if i >= len(fn.Params) || len(fn.Blocks) == 0 || len(fn.Blocks) > maxBlocks {
		return false
	}
	t := newTracker(pol, fn, 0)
	t.follow(fn.Params[i], false)
	if t.overflow || !t.res.Released {
		return false
	}
	// released on every path that has the resource (a nil check before
	// the release is fine)
	t.findDeadEdges()
	t.propagate(nil)
	return len(t.res.Leaks) == 0
}

// siblingErrs reports whether each edge of phi is an error already
// recorded or the error result of a call of the function that made the
// resource.
func (t *tracker) siblingErrs(phi *ssa.Phi) bool {
	if t.def == nil {
		return false
	}
	for i, e := range phi.Edges {
		if t.errVals[e] || isNil(e) || !t.reaches(phi.Block().Preds[i]) {
			// an error already known, none yet (`var err error`
			// before a retry loop), or an edge from where the
			// resource was never made
			continue
		}
		ex, ok := e.(*ssa.Extract)
		if !ok {
			return false
		}
		call, ok := ex.Tuple.(*ssa.Call)
		if !ok || ex.Index != ex.Tuple.Type().(*types.Tuple).Len()-1 {
			return false
		}
		if callee := match.CalleeObject(call.Common()); callee == nil || callee.Name() != t.def.Name() ||
			!types.Identical(call.Type(), t.defCall.Type()) {
			return false
		}
	}
	return true
}

// reaches reports whether b is reachable from the constructor's block.
func (t *tracker) reaches(b *ssa.BasicBlock) bool {
	if t.reach == nil {
		t.reach = map[*ssa.BasicBlock]bool{t.defCall.Block(): true}
		work := []*ssa.BasicBlock{t.defCall.Block()}
		for len(work) > 0 {
			x := work[len(work)-1]
			work = work[:len(work)-1]
			for _, s := range x.Succs {
				if !t.reach[s] {
					t.reach[s] = true
					work = append(work, s)
				}
			}
		}
	}
	return t.reach[b]
}

// addErr records an error value and the cells it is stored into.
func (t *tracker) addErr(v ssa.Value, n int) {
	if t.errVals[v] || n > 8 {
		return
	}
	t.errVals[v] = true
	for _, r := range refs(v) {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val != v {
				break
			}
			// a local variable, or one of the enclosing function
			// captured by this closure (`h, err = ns.GetNS(p)` in a
			// func literal): its loads are the error too
			switch a := r.Addr.(type) {
			case *ssa.Alloc, *ssa.FreeVar:
				for _, ar := range refs(a) {
					if u, ok := ar.(*ssa.UnOp); ok && u.Op == token.MUL {
						t.addErr(u, n+1)
					}
				}
			}
		case *ssa.Phi:
			// err merged with other errors: not reliable, unless each
			// other one is the error of the same constructor called on
			// another branch (`if ns != "" { w, err = c.Namespace(ns).Watch() }
			// else { w, err = c.Watch() }`): then err is the error of
			// the call that made the resource
			if t.siblingErrs(r) {
				t.addErr(r, n+1)
			}
		}
	}
}

func refs(v ssa.Value) []ssa.Instruction {
	if r := v.Referrers(); r != nil {
		return *r
	}
	return nil
}

func (t *tracker) mark(instr ssa.Instruction, e event) {
	if old := t.events[instr]; old == evNone || e < old {
		t.events[instr] = e
	}
	switch e {
	case evRelease:
		t.res.Released = true
	case evEscape:
		t.res.Escaped = true
	}
}

// follow records the events on the uses of v, an alias of the resource.
// wrapper is set when v is an object holding the resource.
func (t *tracker) follow(v ssa.Value, wrapper bool) {
	if t.seen[v] {
		return
	}
	if len(t.seen) >= maxValues {
		t.overflow = true
		return
	}
	t.seen[v] = true
	if wrapper {
		t.wrapped[v] = true
	}
	for _, instr := range refs(v) {
		t.use(v, instr, wrapper)
	}
}

func (t *tracker) use(v ssa.Value, instr ssa.Instruction, wrapper bool) {
	switch u := instr.(type) {
	case *ssa.DebugRef:
	case *ssa.Phi:
		t.follow(u, wrapper)
	case *ssa.ChangeType, *ssa.Convert, *ssa.ChangeInterface:
		t.follow(u.(ssa.Value), wrapper)
	case *ssa.MakeInterface:
		if t.pol.LostInWriter && !hasAnyMethod(u.Type(), t.pol.ReleaseMethods) {
			// Nobody can release it through this interface: what
			// happens to the interface value is a use only, unless
			// someone asserts it back.
			t.followLost(u)
			return
		}
		t.follow(u, wrapper)
	case *ssa.TypeAssert:
		if u.CommaOk {
			for _, r := range refs(u) {
				if e, ok := r.(*ssa.Extract); ok && e.Index == 0 {
					t.follow(e, wrapper)
				}
			}
			return
		}
		t.follow(u, wrapper)
	case *ssa.Extract:
		t.follow(u, wrapper)
	case *ssa.Store:
		if u.Val != v {
			return // v is the address: a write into the handle
		}
		t.store(u, wrapper)
	case *ssa.UnOp:
		if u.Op == token.MUL && wrapper {
			// a copy of the wrapper struct: it holds the resource too
			if _, ok := v.(*ssa.Alloc); ok {
				t.follow(u, true)
			}
		}
		if u.Op == token.ARROW && t.pol.RecvReleases {
			t.mark(u, evRelease)
		}
		// otherwise reading through the handle, or a receive: a use
	case *ssa.Send:
		if u.Chan == v && t.pol.SendReleases {
			t.mark(u, evRelease)
			return
		}
		t.mark(u, evEscape)
	case *ssa.Select:
		t.selectUse(v, u)
	case *ssa.FieldAddr:
		if wrapper {
			// a field of the wrapper: releasing what it holds
			// releases the wrapper
			for _, r := range refs(u) {
				if l, ok := r.(*ssa.UnOp); ok && l.Op == token.MUL {
					t.follow(l, false)
				}
			}
		}
	case *ssa.Field:
		if wrapper {
			t.follow(u, false)
		}
	case *ssa.BinOp, *ssa.Index, *ssa.IndexAddr,
		*ssa.Slice, *ssa.If, *ssa.Lookup, *ssa.Range:
		// plain uses
	case *ssa.Call:
		t.call(v, u, u.Common(), false, wrapper)
	case *ssa.Defer:
		t.call(v, u, u.Common(), true, wrapper)
	case *ssa.Go:
		t.mark(u, evEscape)
	case *ssa.Return:
		t.mark(u, evReturn)
		for i, r := range u.Results {
			if r == v {
				t.res.Returned[i] = v.Type()
				if wrapper {
					t.res.Wrapped = true
				}
			}
		}
	case *ssa.MakeClosure:
		t.closure(v, u)
	case *ssa.Panic:
		// the process is going down
	default:
		// Send, MapUpdate, MakeMap, Select, anything else: handed over.
		t.mark(instr, evEscape)
	}
}

// followLost marks what is done with an interface value that cannot
// release the resource: uses only, but an assertion back to a type that
// can release it hands it over.
func (t *tracker) followLost(v ssa.Value) {
	if t.seen[v] {
		return
	}
	t.seen[v] = true
	for _, r := range refs(v) {
		if _, isDebug := r.(*ssa.DebugRef); !isDebug && !t.res.LostAt.IsValid() {
			t.res.LostAt = r.Pos()
		}
		switch u := r.(type) {
		case *ssa.TypeAssert:
			if hasAnyMethod(u.AssertedType, t.pol.ReleaseMethods) {
				t.mark(u, evEscape)
			}
		case *ssa.Phi:
			t.followLost(u)
		case *ssa.ChangeInterface:
			t.followLost(u)
		case *ssa.Call:
			// handed to a process-wide sink (log.SetOutput), or
			// wrapped (log.New(w)) into a value kept in a package
			// variable: one writer for the process, not a leak per
			// call
			if callee := match.CalleeObject(u.Common()); callee != nil && match.IsAny(callee, apis.GlobalWriterSinks) {
				t.mark(u, evEscape)
			} else if storedInGlobal(u) {
				t.mark(u, evEscape)
			}
		case *ssa.Return:
			// An io.Writer returned: the caller cannot close it either.
		}
	}
}

// store handles `*addr = v`.
func (t *tracker) store(s *ssa.Store, wrapper bool) {
	switch addr := s.Addr.(type) {
	case *ssa.Alloc:
		// a local variable (possibly captured by closures): its loads
		// are aliases; its address passed elsewhere hands it over.
		t.cell(addr, s, wrapper)
	case *ssa.FieldAddr:
		// stored into a field of a local object: that object now holds
		// the resource.
		if obj, ok := addr.X.(*ssa.Alloc); ok && !t.seen[obj] {
			t.follow(obj, true)
			return
		}
		t.mark(s, evEscape)
	default:
		t.mark(s, evEscape)
	}
}

// cell follows the loads of a local variable holding the resource.
func (t *tracker) cell(a *ssa.Alloc, s *ssa.Store, wrapper bool) {
	if t.seen[a] {
		return
	}
	t.seen[a] = true
	for _, r := range refs(a) {
		switch u := r.(type) {
		case *ssa.UnOp:
			if u.Op == token.MUL {
				t.follow(u, wrapper)
			}
		case *ssa.Store, *ssa.DebugRef:
		case *ssa.MakeClosure:
			t.closure(a, u)
		case *ssa.FieldAddr, *ssa.IndexAddr:
			// the variable is itself a struct or array: a part of it
		default:
			// &v passed on: handed over
			t.mark(r, evEscape)
		}
	}
}

// closure handles v captured by a function literal: a closure that
// releases it releases it where the closure is called or deferred; one
// that hands it over hands it over; otherwise the capture is a use.
func (t *tracker) closure(v ssa.Value, mc *ssa.MakeClosure) {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		t.mark(mc, evEscape)
		return
	}
	if fn == t.pol.Ignore {
		return
	}
	for i, b := range mc.Bindings {
		if b != v || i >= len(fn.FreeVars) {
			continue
		}
		if t.depth >= maxDepth {
			t.mark(mc, evEscape)
			return
		}
		sub := t.inner(fn)
		fv := fn.FreeVars[i]
		if a, isCell := v.(*ssa.Alloc); isCell {
			// the closure captured the variable: its loads are aliases
			for _, r := range refs(fv) {
				if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL {
					sub.follow(u, t.wrapped[a])
				} else if _, ok := r.(*ssa.Store); !ok {
					if _, ok := r.(*ssa.DebugRef); !ok {
						sub.mark(r, evEscape)
					}
				}
			}
		} else {
			sub.follow(fv, t.wrapped[v])
		}
		switch {
		case sub.res.Released:
			// released where the closure runs: treat its creation
			// as the release (a deferred or called closure; one
			// passed to a goroutine owns it).
			t.mark(mc, evRelease)
		case sub.res.Escaped || len(sub.res.Returned) > 0 || sub.overflow || !calledInPlace(mc):
			// handed over: the closure keeps it beyond this call (a
			// goroutine, a callback stored or passed on)
			t.mark(mc, evEscape)
		}
	}
}

// selectUse handles v as one of a select's channels: with RecvReleases
// (SendReleases), the case that receives from (sends on) v is the
// partner, on the branch where that case is chosen.
func (t *tracker) selectUse(v ssa.Value, sel *ssa.Select) {
	want := types.RecvOnly
	if t.pol.SendReleases {
		want = types.SendOnly
	}
	if !t.pol.RecvReleases && !t.pol.SendReleases {
		for _, st := range sel.States {
			if st.Dir == types.SendOnly && st.Send == v {
				t.mark(sel, evEscape) // v sent somewhere
			}
		}
		return
	}
	for i, st := range sel.States {
		if st.Chan != v || st.Dir != want {
			continue
		}
		if len(sel.States) == 1 && sel.Blocking {
			t.mark(sel, evRelease)
			return
		}
		// the branch `if index == i`
		if iff := caseTest(sel, i); iff != nil {
			t.releaseEdges[[2]int{iff.Block().Index, 0}] = true
			t.res.Released = true
		}
	}
}

// drain follows ch, the channel of the value's DrainMethod (call is that
// method's call): a receive that finds it closed releases the value on
// the branch that tests so; the channel handed on (passed, stored,
// captured, returned) hands the value over at call.
func (t *tracker) drain(call *ssa.Call, ch ssa.Value) {
	if t.drained == nil {
		t.drained = make(map[ssa.Value]bool)
	}
	if t.drained[ch] || len(t.drained) >= maxValues {
		return
	}
	t.drained[ch] = true
	for _, r := range refs(ch) {
		switch u := r.(type) {
		case *ssa.DebugRef, *ssa.Range:
		case *ssa.Phi:
			t.drain(call, u)
		case *ssa.ChangeType:
			t.drain(call, u)
		case *ssa.UnOp:
			if u.Op != token.ARROW {
				t.mark(call, evEscape)
				continue
			}
			if !u.CommaOk {
				t.lastValue(u, nil)
				continue
			}
			for _, er := range refs(u) {
				if ex, ok := er.(*ssa.Extract); ok && ex.Index == 1 {
					t.closedBranches(ex, nil)
				}
				if ex, ok := er.(*ssa.Extract); ok && ex.Index == 0 {
					t.lastValue(ex, nil)
				}
			}
		case *ssa.Select:
			for k, st := range u.States {
				if st.Chan != ch || st.Dir != types.RecvOnly {
					continue
				}
				if entry := caseEntry(u, k); entry != nil {
					for _, ok := range recvOks(u) {
						t.closedBranches(ok, entry)
					}
					if v := recvValue(u, k); v != nil {
						t.lastValue(v, entry)
					}
				}
			}
		case *ssa.Call:
			if b, ok := u.Call.Value.(*ssa.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				continue
			}
			t.mark(call, evEscape)
		case *ssa.BinOp:
			// ch == nil, ch != nil: a use
		default:
			t.mark(call, evEscape)
		}
	}
}

// closedBranches makes release edges of the branches on which ok, a
// receive's second result, is false; with entry, only of the branches
// that entry dominates (the case of a select whose channel is drained).
func (t *tracker) closedBranches(ok ssa.Value, entry *ssa.BasicBlock) {
	if ok == nil {
		return
	}
	for _, r := range refs(ok) {
		var iff *ssa.If
		succ := 1 // the else branch: ok is false
		switch u := r.(type) {
		case *ssa.If:
			iff = u
		case *ssa.UnOp, *ssa.BinOp:
			// !ok, ok == false, ok != true
			holdsWhenClosed, known := negates(u.(ssa.Value), ok)
			if !known {
				continue
			}
			for _, nr := range refs(u.(ssa.Value)) {
				if i, isIf := nr.(*ssa.If); isIf {
					iff, succ = i, 1
					if holdsWhenClosed {
						succ = 0
					}
				}
			}
		}
		if iff == nil || entry != nil && !entry.Dominates(iff.Block()) {
			continue
		}
		t.releaseEdges[[2]int{iff.Block().Index, succ}] = true
		t.res.Released = true
	}
}

// lastValue makes release edges of the branches on which v, a value
// received from the drained channel, is the last one (DrainEnds); with
// entry, only of the branches that entry dominates.
func (t *tracker) lastValue(v ssa.Value, entry *ssa.BasicBlock) {
	if t.pol.DrainEnds == nil {
		return
	}
	// the field read from the value, or from the variable it is stored in
	type read struct {
		v     ssa.Value // the field's value
		field int
		of    types.Type // the received value's type
	}
	var reads []read
	for _, r := range refs(v) {
		switch u := r.(type) {
		case *ssa.Field:
			reads = append(reads, read{u, u.Field, v.Type()})
		case *ssa.Store:
			a, ok := u.Addr.(*ssa.Alloc)
			if !ok || u.Val != v {
				continue
			}
			for _, ar := range refs(a) {
				fa, ok := ar.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				for _, fr := range refs(fa) {
					if l, ok := fr.(*ssa.UnOp); ok && l.Op == token.MUL {
						reads = append(reads, read{l, fa.Field, v.Type()})
					}
				}
			}
		}
	}
	for _, f := range reads {
		for _, fr := range refs(f.v) {
			cmp, ok := fr.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL && cmp.Op != token.NEQ {
				continue
			}
			other := cmp.Y
			if cmp.Y == f.v {
				other = cmp.X
			}
			c, ok := other.(*ssa.Const)
			if !ok || !t.pol.DrainEnds(f.of, f.field, c) {
				continue
			}
			succ := 0 // ==: the branch where it holds
			if cmp.Op == token.NEQ {
				succ = 1
			}
			for _, cr := range refs(cmp) {
				if iff, ok := cr.(*ssa.If); ok && (entry == nil || entry.Dominates(iff.Block())) {
					t.releaseEdges[[2]int{iff.Block().Index, succ}] = true
					t.res.Released = true
				}
			}
		}
	}
}

// recvValue returns the value a select's case k receives, or nil: the
// select's results are the index, recvOk, then one value per receiving
// case.
func recvValue(sel *ssa.Select, k int) ssa.Value {
	idx := 2
	for i := range k {
		if sel.States[i].Dir == types.RecvOnly {
			idx++
		}
	}
	for _, r := range refs(sel) {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == idx {
			return ex
		}
	}
	return nil
}

// negates reports, for v a test of the boolean ok (!ok, ok == c,
// ok != c), whether v holds when ok is false; known is false for any
// other value.
func negates(v, ok ssa.Value) (holdsWhenFalse, known bool) {
	switch v := v.(type) {
	case *ssa.UnOp:
		return true, v.Op == token.NOT && v.X == ok
	case *ssa.BinOp:
		x, y := v.X, v.Y
		if y == ok {
			x, y = y, x
		}
		c, isConst := y.(*ssa.Const)
		if x != ok || !isConst || c.Value == nil || c.Value.Kind() != constant.Bool || v.Op != token.EQL && v.Op != token.NEQ {
			return false, false
		}
		// ok == false and ok != true hold when ok is false
		return constant.BoolVal(c.Value) == (v.Op == token.NEQ), true
	}
	return false, false
}

// recvOks returns the extracts of a select's recvOk result (go/ssa makes
// one in each case that uses it).
func recvOks(sel *ssa.Select) []ssa.Value {
	var out []ssa.Value
	for _, r := range refs(sel) {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == 1 {
			out = append(out, ex)
		}
	}
	return out
}

// caseEntry returns the first block of the select's case k: the branch
// `if index == k`, or the block after a blocking select of one case.
func caseEntry(sel *ssa.Select, k int) *ssa.BasicBlock {
	if len(sel.States) == 1 && sel.Blocking {
		return sel.Block()
	}
	if iff := caseTest(sel, k); iff != nil {
		return iff.Block().Succs[0]
	}
	return nil
}

// caseTest returns the if that tests whether the select chose case k
// (`if index == k`), or nil.
func caseTest(sel *ssa.Select, k int) *ssa.If {
	for _, r := range refs(sel) {
		ex, ok := r.(*ssa.Extract)
		if !ok || ex.Index != 0 {
			continue
		}
		for _, rr := range refs(ex) {
			cmp, ok := rr.(*ssa.BinOp)
			if !ok || cmp.Op != token.EQL {
				continue
			}
			if n, ok := IntConst(cmp.Y); !ok || int(n) != k {
				continue
			}
			for _, ir := range refs(cmp) {
				if iff, ok := ir.(*ssa.If); ok {
					return iff
				}
			}
		}
	}
	return nil
}

// Results returns the result of index result of a constructor call and
// its error (the last result, of type error, when it is another one):
// the call itself when it has one result (result 0), nil for a result
// the code drops; ok is false when the call has no such result.
func Results(call *ssa.Call, result int) (val, errv ssa.Value, ok bool) {
	tuple, isTuple := call.Type().(*types.Tuple)
	if !isTuple {
		return call, nil, result == 0
	}
	if result >= tuple.Len() {
		return nil, nil, false
	}
	for _, r := range refs(call) {
		e, isExtract := r.(*ssa.Extract)
		if !isExtract {
			continue
		}
		if e.Index == result {
			val = e
		}
		if e.Index == tuple.Len()-1 && e.Index != result && types.Identical(e.Type(), types.Universe.Lookup("error").Type()) {
			errv = e
		}
	}
	return val, errv, true
}

// storedInGlobal reports whether v (or the interface made of it) is
// stored into a package variable or a field of one.
func storedInGlobal(v ssa.Value) bool {
	for _, r := range refs(v) {
		switch u := r.(type) {
		case *ssa.Store:
			if u.Val != v {
				continue
			}
			switch a := u.Addr.(type) {
			case *ssa.Global:
				return true
			case *ssa.FieldAddr:
				if l, ok := a.X.(*ssa.UnOp); ok {
					if _, ok := l.X.(*ssa.Global); ok {
						return true
					}
				}
				if _, ok := a.X.(*ssa.Global); ok {
					return true
				}
			}
		case *ssa.MakeInterface, *ssa.ChangeType:
			if storedInGlobal(u.(ssa.Value)) {
				return true
			}
		}
	}
	return false
}

// calledInPlace reports whether a closure is only called or deferred by
// the function that makes it, so that it cannot outlive the call.
func calledInPlace(mc *ssa.MakeClosure) bool {
	for _, r := range refs(mc) {
		switch u := r.(type) {
		case *ssa.Call:
			if u.Call.Value != mc {
				return false
			}
		case *ssa.Defer:
			if u.Call.Value != mc {
				return false
			}
		case *ssa.DebugRef:
		default:
			return false
		}
	}
	return true
}

func (t *tracker) inner(fn *ssa.Function) *tracker {
	sub := newTracker(t.pol, fn, t.depth+1)
	sub.fates = t.fates
	return sub
}

func newTracker(pol *Policy, fn *ssa.Function, depth int) *tracker {
	return &tracker{
		pol:          pol,
		fn:           fn,
		depth:        depth,
		seen:         make(map[ssa.Value]bool),
		events:       make(map[ssa.Instruction]event),
		deadEdges:    make(map[[2]int]bool),
		errVals:      make(map[ssa.Value]bool),
		releaseEdges: make(map[[2]int]bool),
		res:          &Result{Returned: make(map[int]types.Type)},
		wrapped:      make(map[ssa.Value]bool),
		fates:        make(map[fateKey]event),
	}
}

// call handles v used by a call (or defer) instruction.
func (t *tracker) call(v ssa.Value, instr ssa.Instruction, c *ssa.CallCommon, deferred, wrapper bool) {
	// v is the receiver of an interface call.
	if c.IsInvoke() && c.Value == v {
		if slices.Contains(t.releaseMethods(wrapper), c.Method.Name()) {
			t.mark(instr, evRelease)
		} else if call, ok := instr.(*ssa.Call); ok && !wrapper && c.Method.Name() == t.pol.DrainMethod && t.pol.DrainMethod != "" {
			t.drain(call, call)
		} else if ok && t.pol.Derives != nil {
			t.derived(call, c.Signature())
		}
		return
	}
	if c.Value == v {
		// calling the resource itself (a func value): a use, or the
		// release (cancel())
		if t.pol.CallReleases {
			t.mark(instr, evRelease)
		}
		return
	}
	callee := match.CalleeObject(c)
	for i, arg := range c.Args {
		if arg != v {
			continue
		}
		// static method call with v as receiver
		if i == 0 && c.Signature().Recv() != nil && !c.IsInvoke() {
			if callee != nil && slices.Contains(t.releaseMethods(wrapper), callee.Name()) {
				t.mark(instr, evRelease)
			} else if call, ok := instr.(*ssa.Call); ok && !wrapper && callee != nil && t.pol.DrainMethod != "" && callee.Name() == t.pol.DrainMethod {
				t.drain(call, call)
			} else if sf := c.StaticCallee(); sf != nil && sf.Pkg == t.fn.Pkg && sf.Pkg != nil &&
				t.calleeFate(sf, 0, true) == evRelease {
				// a project method that releases what its
				// receiver wraps, under another name
				t.mark(instr, evRelease)
			} else if call, ok := instr.(*ssa.Call); ok && t.pol.Derives != nil {
				t.derived(call, c.Signature())
			}
			continue
		}
		argIdx := i
		if c.IsInvoke() {
			argIdx = i // invoke Args exclude the receiver
		}
		switch {
		case callee == nil:
			if b, ok := c.Value.(*ssa.Builtin); ok {
				switch b.Name() {
				case "len", "cap", "print", "println", "min", "max", "clear":
					continue
				case "close":
					if t.pol.ReleaseBuiltinClose {
						t.mark(instr, evRelease)
						continue
					}
				}
			}
			t.mark(instr, evEscape)
		case i == match.ArgOffset(c, callee) && match.IsAny(callee, t.pol.ReleaseFuncs):
			t.mark(instr, evRelease)
		case t.pol.ParamReleases != nil && t.pol.ParamReleases(callee, argIdx):
			t.mark(instr, evRelease)
		case t.pol.Borrows != nil && t.pol.Borrows(callee, argIdx):
			// a use
		case t.pol.Wraps != nil && t.pol.Wraps(callee, i-match.ArgOffset(c, callee)):
			if call, ok := instr.(*ssa.Call); ok {
				t.follow(call, true)
			} else {
				t.mark(instr, evEscape)
			}
		case slices.Contains(t.pol.Borrowing, match.PkgPath(callee.Pkg())):
			// a use
		default:
			if sf := c.StaticCallee(); sf != nil && !c.IsInvoke() && sf.Pkg == t.fn.Pkg && sf.Pkg != nil {
				switch t.calleeFate(sf, i, false) {
				case evRelease:
					t.mark(instr, evRelease)
				case evNone:
					// borrowed
				default:
					t.mark(instr, evEscape)
				}
				continue
			}
			t.mark(instr, evEscape)
		}
	}
	_ = deferred // a deferred release runs on every later return: same as a release here
}

// derived follows the result of call, a method of a wrapper of the
// value with signature sig, that Derives names.
func (t *tracker) derived(call *ssa.Call, sig *types.Signature) {
	i, wrapper := t.pol.Derives(sig)
	switch {
	case i < 0:
	case sig.Results().Len() == 1:
		t.follow(call, wrapper)
	default:
		for _, r := range refs(call) {
			if e, ok := r.(*ssa.Extract); ok && e.Index == i {
				t.follow(e, wrapper)
			}
		}
	}
}

// calleeFate looks into a same-package callee to see what it does with
// its i'th parameter.
func (t *tracker) calleeFate(fn *ssa.Function, i int, wrapper bool) event {
	key := fateKey{fn, i, wrapper}
	if e, ok := t.fates[key]; ok {
		return e
	}
	t.fates[key] = evEscape // in progress: recursion escapes
	e := t.calleeFateOnce(fn, i, wrapper)
	t.fates[key] = e
	return e
}

func (t *tracker) calleeFateOnce(fn *ssa.Function, i int, wrapper bool) event {
	if t.depth >= maxDepth || len(fn.Blocks) == 0 || len(fn.Blocks) > maxCalleeSz || i >= len(fn.Params) {
		return evEscape
	}
	sub := t.inner(fn)
	sub.follow(fn.Params[i], wrapper)
	switch {
	case sub.overflow:
		return evEscape
	case sub.res.Released:
		sub.findDeadEdges()
		sub.propagate(nil)
		if len(sub.res.Leaks) > 0 {
			// released on some paths only: we cannot tell which
			return evEscape
		}
		return evRelease
	case sub.res.Escaped || len(sub.res.Returned) > 0:
		return evEscape
	}
	return evNone
}

func (t *tracker) releaseMethods(wrapper bool) []string {
	if wrapper && t.pol.WrapperRelease != nil {
		return t.pol.WrapperRelease
	}
	if wrapper {
		return ReleaseNames
	}
	return t.pol.ReleaseMethods
}

// findDeadEdges marks the branches on which the resource does not exist:
// `if err != nil` after its constructor, `if v == nil`.
func (t *tracker) findDeadEdges() {
	for _, b := range t.fn.Blocks {
		if len(b.Instrs) == 0 || len(b.Succs) != 2 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		if t.errPredicate(iff.Cond) {
			// apierrors.IsNotFound(err), errors.Is(err, x): true only
			// for an error, when there is no resource
			t.deadEdges[[2]int{b.Index, 0}] = true
			continue
		}
		cmp, ok := iff.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
			continue
		}
		x, y := cmp.X, cmp.Y
		if isNil(x) {
			x, y = y, x
		}
		if !isNil(y) {
			continue
		}
		var deadWhenNonNil bool
		switch {
		case t.errVals[x]:
			deadWhenNonNil = true // err != nil: no resource
		case t.seen[x]:
			deadWhenNonNil = false // v == nil: no resource
		default:
			continue
		}
		// successor 0 is taken when the condition holds.
		holdsMeansNonNil := cmp.Op == token.NEQ
		dead := 1
		if holdsMeansNonNil == deadWhenNonNil {
			dead = 0
		}
		t.deadEdges[[2]int{b.Index, dead}] = true
	}
}

// errPredicate reports whether cond is a call of a known error test
// (false for nil) on the constructor's error.
func (t *tracker) errPredicate(cond ssa.Value) bool {
	call, ok := cond.(*ssa.Call)
	if !ok || call.Common().IsInvoke() || len(call.Common().Args) == 0 || !t.errVals[call.Common().Args[0]] {
		return false
	}
	callee := match.CalleeObject(call.Common())
	return callee != nil && slices.Contains(apis.ErrorPredicatePackages, match.PkgPath(callee.Pkg()))
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// propagate walks forward from def, block by block, and records the
// returns reached while the resource is live.
func (t *tracker) propagate(def ssa.Instruction) {
	entered := make(map[*ssa.BasicBlock]bool)
	var work []*ssa.BasicBlock
	if def == nil {
		// a parameter: live from the function's entry
		if len(t.fn.Blocks) == 0 {
			return
		}
		entry := t.fn.Blocks[0]
		entered[entry] = true
		work = append(work, entry)
	} else if start := def.Block(); t.walk(start, indexOf(start, def)+1, def) {
		// walk the rest of the defining block
		work = t.succs(start, work, entered)
	}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if t.walk(b, 0, def) {
			work = t.succs(b, work, entered)
		}
	}
}

func (t *tracker) succs(b *ssa.BasicBlock, work []*ssa.BasicBlock, entered map[*ssa.BasicBlock]bool) []*ssa.BasicBlock {
	for i, s := range b.Succs {
		if t.deadEdges[[2]int{b.Index, i}] || t.releaseEdges[[2]int{b.Index, i}] || entered[s] {
			continue
		}
		entered[s] = true
		work = append(work, s)
	}
	return work
}

// walk scans b from instruction from while the resource is live; it
// reports whether the resource is still live at the end of b.
func (t *tracker) walk(b *ssa.BasicBlock, from int, def ssa.Instruction) bool {
	for _, instr := range b.Instrs[from:] {
		if instr == def {
			// made again while the previous one is live
			t.res.LoopLeak = true
			return false
		}
		switch t.events[instr] {
		case evRelease, evEscape, evReturn:
			return false
		}
		switch instr := instr.(type) {
		case *ssa.Return:
			t.res.Leaks = append(t.res.Leaks, instr)
			return false
		case *ssa.Panic:
			return false
		case *ssa.Call:
			if noReturn(instr.Common()) {
				return false
			}
		}
	}
	return true
}

func indexOf(b *ssa.BasicBlock, instr ssa.Instruction) int {
	for i, in := range b.Instrs {
		if in == instr {
			return i
		}
	}
	return -1
}

func noReturn(c *ssa.CallCommon) bool {
	callee := match.CalleeObject(c)
	return callee != nil && match.IsAny(callee, apis.NoReturn)
}

// hasAnyMethod reports whether t's method set (or, for a pointer's
// element, its pointer method set) has one of names.
func hasAnyMethod(t types.Type, names []string) bool {
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for i := range ms.Len() {
		if slices.Contains(names, ms.At(i).Obj().Name()) {
			return true
		}
	}
	return false
}

// ReleaseMethodsOf returns the methods of t among names.
func ReleaseMethodsOf(t types.Type, names []string) []string {
	var out []string
	ms := types.NewMethodSet(t)
	if _, isPtr := t.Underlying().(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for i := range ms.Len() {
		if n := ms.At(i).Obj().Name(); slices.Contains(names, n) && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// IntConst returns the integer value of v if it is a constant.
func IntConst(v ssa.Value) (int64, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(c.Value)
}

// Loops memoises LoopBlocks per function.
type Loops map[*ssa.Function]map[*ssa.BasicBlock]bool

// In reports whether b lies on a cycle of its function's CFG.
func (l Loops) In(b *ssa.BasicBlock) bool {
	fn := b.Parent()
	m, ok := l[fn]
	if !ok {
		m = LoopBlocks(fn)
		l[fn] = m
	}
	return m[b]
}

// LoopBlocks returns the blocks of fn that lie on a cycle (Tarjan's
// strongly connected components: linear in the size of the CFG).
func LoopBlocks(fn *ssa.Function) map[*ssa.BasicBlock]bool {
	n := len(fn.Blocks)
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	next := 0
	loop := make(map[*ssa.BasicBlock]bool)
	var strong func(v int)
	strong = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, s := range fn.Blocks[v].Succs {
			w := s.Index
			if index[w] < 0 {
				strong(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
			if w == v {
				loop[fn.Blocks[v]] = true
			}
		}
		if low[v] == index[v] {
			var comp []int
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			if len(comp) > 1 {
				for _, w := range comp {
					loop[fn.Blocks[w]] = true
				}
			}
		}
	}
	for i := range fn.Blocks {
		if index[i] < 0 {
			strong(i)
		}
	}
	return loop
}
