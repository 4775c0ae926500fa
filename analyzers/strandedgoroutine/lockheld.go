package strandedgoroutine

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/match"
)

// A mutex held across a blocking operation on a channel field whose every
// partner operation runs with the same mutex held: the partner waits for
// the mutex, the holder waits for the partner. Both are on the same
// object (the mutex and the channel are fields of one value).

func (st *state) checkLockHeld(d *deadScan, reported map[ssa.Instruction]bool) {
	for f, ff := range sortedFields(d.fields) {
		if ff.kind != kindChan || ff.escaped || !ff.partner || ff.buffered {
			continue
		}
		for _, op := range ff.ops {
			if !op.block || op.base == nil || st.runsOnce(op.instr.Parent()) {
				continue
			}
			if op.send && len(ff.accessor) > 0 {
				continue // receivers through the accessor are not all seen
			}
			held := st.mutexesHeld(op.instr, op.base, true)
			// read: an RWMutex held for reading only, which blocks only
			// partners that take it for writing
			var read []*types.Var
			for _, m := range st.mutexesHeld(op.instr, op.base, false) {
				if !containsVar(held, m) {
					read = append(read, m)
				}
			}
			if len(held) == 0 && len(read) == 0 {
				continue
			}
			var partners []chanOp
			for _, p := range ff.ops {
				if p.send != op.send {
					partners = append(partners, p)
				}
			}
			m, mode, need := st.allNeed(partners, held, false), "", ""
			if m == nil {
				if m = st.allNeed(partners, read, true); m == nil {
					continue
				}
				mode, need = " for reading", " for writing"
			}
			what := "receive from"
			if op.send {
				what = "send on"
			}
			dg := analysis.Diagnostic{
				Pos: op.instr.Pos(),
				Message: fmt.Sprintf("%s %s can block for ever: it holds %s%s, and every partner operation on the channel needs %s%s first (it runs with it held, or takes it on the way); release the mutex before waiting",
					what, st.fieldName(f), m.Name(), mode, m.Name(), need),
			}
			for _, p := range partners {
				if len(dg.Related) == 3 {
					break
				}
				dg.Related = append(dg.Related, analysis.RelatedInformation{Pos: p.instr.Pos(), Message: "the partner, under the same mutex"})
			}
			st.rep.Report(dg)
			reported[op.instr] = true
		}
	}
}

// allNeed returns a mutex of held that every partner holds too (on the
// same kind of object), or nil; exclusive: for writing (Lock, not RLock).
func (st *state) allNeed(partners []chanOp, held []*types.Var, exclusive bool) *types.Var {
	if len(partners) == 0 {
		return nil
	}
	for _, m := range held {
		all := true
		for _, p := range partners {
			if p.base != nil && containsVar(st.mutexesHeld(p.instr, p.base, exclusive), m) {
				continue // held at the partner
			}
			if !exclusive && st.acquiresBefore(p.instr, m, false) {
				// taken on the way (any object's: a read lock held
				// blocks only its own object's writers, so this does
				// not count for one)
				continue // taken on the way to the partner
			}
			all = false
			break
		}
		if all {
			return m
		}
	}
	return nil
}

func containsVar(vs []*types.Var, v *types.Var) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// mutexesHeld returns the mutex fields of base held at instr on every
// path: a forward must-analysis over the blocks (a Lock sets, an Unlock
// clears; a deferred Unlock runs later), computed once per function,
// object and mutex.
func (st *state) mutexesHeld(instr ssa.Instruction, base ssa.Value, exclusive bool) []*types.Var {
	var out []*types.Var
	for _, m := range st.mutexFields(base) {
		if st.lockFlow(base, m, exclusive).heldAt(instr) {
			out = append(out, m)
		}
	}
	return out
}

// mutexFields returns the mutex fields of base that are used, memoised.
func (st *state) mutexFields(base ssa.Value) []*types.Var {
	if ms, ok := st.mutexes[base]; ok {
		return ms
	}
	var out []*types.Var
	seen := make(map[*types.Var]bool)
	for _, fa := range fieldAddrs(base) {
		m := fieldOf(fa)
		if m == nil || !isMutex(m.Type()) || seen[m.Origin()] {
			continue
		}
		seen[m.Origin()] = true
		out = append(out, m.Origin())
	}
	st.mutexes[base] = out
	return out
}

// lockKey identifies one must-held analysis.
type lockKey struct {
	base      ssa.Value
	m         *types.Var
	exclusive bool
}

// lockState is the result: whether the mutex is held at each block's
// entry, and the lock (+1) and unlock (-1) calls.
type lockState struct {
	entry map[*ssa.BasicBlock]bool
	ops   map[ssa.Instruction]int
}

func (st *state) lockFlow(base ssa.Value, m *types.Var, exclusive bool) *lockState {
	key := lockKey{base, m, exclusive}
	if ls, ok := st.locks[key]; ok {
		return ls
	}
	ls := &lockState{entry: make(map[*ssa.BasicBlock]bool), ops: make(map[ssa.Instruction]int)}
	st.locks[key] = ls
	var fn *ssa.Function
	for _, fa := range fieldAddrs(base) {
		if fieldOf(fa) == nil || fieldOf(fa).Origin() != m {
			continue
		}
		fn = fa.Parent()
		for _, c := range lockCalls(fa) {
			callee := match.CalleeObject(c.Common())
			if callee == nil || match.PkgPath(callee.Pkg()) != "sync" {
				continue
			}
			switch callee.Name() {
			case "Lock":
				ls.ops[c] = 1
			case "RLock":
				if !exclusive {
					ls.ops[c] = 1
				}
			case "Unlock", "RUnlock":
				ls.ops[c] = -1
			}
		}
	}
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Blocks) > maxLockBlocks {
		return ls
	}
	// must-held: true everywhere but the entry, then lowered to a fixpoint
	exit := func(b *ssa.BasicBlock) bool {
		h := ls.entry[b]
		for _, in := range b.Instrs {
			switch ls.ops[in] {
			case 1:
				h = true
			case -1:
				h = false
			}
		}
		return h
	}
	for _, b := range fn.Blocks {
		ls.entry[b] = b.Index != 0 && len(b.Preds) > 0
	}
	work := append([]*ssa.BasicBlock(nil), fn.Blocks...)
	in := make(map[*ssa.BasicBlock]bool, len(fn.Blocks))
	for _, b := range work {
		in[b] = true
	}
	for steps := 0; len(work) > 0; steps++ {
		if steps > 8*len(fn.Blocks)+64 {
			clear(ls.entry) // did not settle: held nowhere
			return ls
		}
		b := work[0]
		work = work[1:]
		in[b] = false
		h := exit(b)
		for _, s := range b.Succs {
			if ls.entry[s] && !h {
				ls.entry[s] = false
				if !in[s] {
					in[s] = true
					work = append(work, s)
				}
			}
		}
	}
	return ls
}

// maxLockBlocks: functions with more blocks are not analysed for locks.
const maxLockBlocks = 5000

func (ls *lockState) heldAt(instr ssa.Instruction) bool {
	b := instr.Block()
	h := ls.entry[b]
	for _, in := range b.Instrs {
		if in == instr {
			return h
		}
		switch ls.ops[in] {
		case 1:
			h = true
		case -1:
			h = false
		}
	}
	return false
}

// isMutex reports whether a field of type t is a mutex: sync.Mutex or
// RWMutex, or a pointer to one (a lock shared between objects).
func isMutex(t types.Type) bool {
	return match.IsNamed(t, "sync", "Mutex") || match.IsNamed(t, "sync", "RWMutex") ||
		match.IsPointerTo(t, "sync", "Mutex") || match.IsPointerTo(t, "sync", "RWMutex")
}

// mutexArg returns the mutex field that the receiver of a Lock or Unlock
// call names: &x.mu, or x.mu for a pointer field.
func mutexArg(v ssa.Value) *types.Var {
	if l, ok := v.(*ssa.UnOp); ok && l.Op == token.MUL {
		fa, ok := l.X.(*ssa.FieldAddr)
		if !ok {
			return nil
		}
		if f := fieldOf(fa); f != nil && (match.IsPointerTo(f.Type(), "sync", "Mutex") || match.IsPointerTo(f.Type(), "sync", "RWMutex")) {
			return f.Origin()
		}
		return nil
	}
	if fa, ok := v.(*ssa.FieldAddr); ok {
		if f := fieldOf(fa); f != nil {
			return f.Origin()
		}
	}
	return nil
}

// lockCalls returns the calls whose receiver is the mutex at fa: on the
// field itself, or, for a pointer field, on what it holds.
func lockCalls(fa *ssa.FieldAddr) []*ssa.Call {
	var out []*ssa.Call
	for _, r := range refs(fa) {
		switch r := r.(type) {
		case *ssa.Call:
			out = append(out, r)
		case *ssa.UnOp:
			if r.Op != token.MUL {
				continue
			}
			for _, rr := range refs(r) {
				if c, ok := rr.(*ssa.Call); ok {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// acquiresBefore reports whether the function of instr may take mutex m
// (any object's field m) on a path to instr: a Lock of it, or a call of
// a same-package function that takes it, before instr (or anywhere, for
// a deferred instr, which runs at the end). exclusive: only for writing
// (an RLock does not count).
func (st *state) acquiresBefore(instr ssa.Instruction, m *types.Var, exclusive bool) bool {
	fn := instr.Parent()
	_, deferred := instr.(*ssa.Defer)
	var calls []ssa.Instruction
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			if c, ok := in.(*ssa.Call); ok && st.callLocks(c, m, 0, exclusive) {
				calls = append(calls, c)
			}
		}
	}
	if len(calls) == 0 {
		return false
	}
	return deferred || reachedFrom(fn, calls)(instr)
}

// callLocks reports whether a call takes mutex field m: a Lock on it (or
// an RLock, unless exclusive), or a same-package callee that may (to
// depth 3), through function values and interface methods that resolve
// to functions of the package.
func (st *state) callLocks(c *ssa.Call, m *types.Var, depth int, exclusive bool) bool {
	if callee := c.Call.StaticCallee(); callee != nil && callee.Pkg != nil && match.PkgPath(callee.Pkg.Pkg) == "sync" {
		if callee.Name() != "Lock" && (exclusive || callee.Name() != "RLock") || len(c.Call.Args) == 0 {
			return false
		}
		return mutexArg(c.Call.Args[0]) == m
	}
	if depth >= 3 {
		return false
	}
	callee := c.Call.StaticCallee()
	if c.Call.IsInvoke() {
		// an interface method: its implementations in the package
		for _, impl := range st.implementations(&c.Call) {
			if st.calleeLocks(impl, c, m, depth, exclusive) {
				return true
			}
		}
		return false
	}
	if callee == nil {
		// a function value: the functions of the package it can hold
		for _, fv := range st.funcValues(c.Call.Value, 0) {
			if st.calleeLocks(fv, c, m, depth, exclusive) {
				return true
			}
		}
		return false
	}
	return st.calleeLocks(callee, c, m, depth, exclusive)
}

// calleeLocks reports whether a same-package callee takes mutex field m.
func (st *state) calleeLocks(callee *ssa.Function, c *ssa.Call, m *types.Var, depth int, exclusive bool) bool {
	if callee == nil || callee.Pkg != c.Parent().Pkg || len(callee.Blocks) > maxCalleeBlocks {
		return false
	}
	key := takeKey{callee, m, depth, exclusive}
	if v, ok := st.takes[key]; ok {
		return v
	}
	st.takes[key] = false
	for _, b := range callee.Blocks {
		for _, in := range b.Instrs {
			if cc, ok := in.(*ssa.Call); ok && st.callLocks(cc, m, depth+1, exclusive) {
				st.takes[key] = true
				return true
			}
		}
	}
	return false
}

// takeKey identifies one "does this callee take the mutex" question: at
// each depth, since deeper ones see less.
type takeKey struct {
	fn        *ssa.Function
	m         *types.Var
	depth     int
	exclusive bool
}

// maxFuncValues bounds the functions a function value resolves to.
const maxFuncValues = 8

// funcValues returns functions of the package that a function value may
// hold: a function or a closure, a field of the package (the values
// stored in it), a parameter (the arguments the package passes), or the
// result of a call of the package (the values returned); to depth 4, at
// most maxFuncValues. Values it cannot follow are left out: the answer is
// what the package itself may call there, for "may take a mutex".
func (st *state) funcValues(v ssa.Value, depth int) []*ssa.Function {
	if depth > 4 {
		return nil
	}
	if depth == 0 {
		if fs, ok := st.funcs[v]; ok {
			return fs
		}
		fs := st.funcValues(v, 1)
		st.funcs[v] = fs
		return fs
	}
	var out []*ssa.Function
	add := func(fs []*ssa.Function) {
		for _, f := range fs {
			if len(out) < maxFuncValues && !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	switch v := v.(type) {
	case *ssa.Function:
		return []*ssa.Function{v}
	case *ssa.MakeClosure:
		if fn, ok := v.Fn.(*ssa.Function); ok {
			return []*ssa.Function{fn}
		}
	case *ssa.UnOp:
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL {
			// a local variable (a result spilled for a defer): every
			// value stored in it
			for _, r := range refs(a) {
				if s, ok := r.(*ssa.Store); ok && s.Addr == ssa.Value(a) {
					add(st.funcValues(s.Val, depth+1))
				}
			}
			return out
		}
		fa, ok := v.X.(*ssa.FieldAddr)
		if !ok || v.Op != token.MUL {
			return nil
		}
		f := fieldOf(fa)
		if f == nil || f.Pkg() != st.pass.Pkg {
			return nil
		}
		for _, fn := range st.all {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					if s, ok := instr.(*ssa.Store); ok && storedField(s) == f.Origin() {
						add(st.funcValues(s.Val, depth+1))
					}
				}
			}
		}
	case *ssa.Parameter:
		fn := v.Parent()
		if fn.Parent() != nil {
			return nil
		}
		idx := slices.Index(fn.Params, v)
		for _, caller := range st.callersOf(fn) {
			for c := range match.Calls(caller) {
				if c.Call.StaticCallee() == fn && idx < len(c.Call.Args) {
					add(st.funcValues(c.Call.Args[idx], depth+1))
				}
			}
		}
	case *ssa.Call:
		callees := []*ssa.Function{v.Call.StaticCallee()}
		if v.Call.IsInvoke() {
			callees = st.implementations(&v.Call)
		}
		for _, callee := range callees {
			if callee == nil || callee.Pkg != v.Parent().Pkg || len(callee.Blocks) > maxCalleeBlocks {
				continue
			}
			for _, b := range callee.Blocks {
				if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(r.Results) == 1 {
					add(st.funcValues(r.Results[0], depth+1))
				}
			}
		}
	}
	return out
}

// implementations returns the methods of the package's own types that an
// interface method call may run, memoised per interface and method.
func (st *state) implementations(c *ssa.CallCommon) []*ssa.Function {
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok || c.Method == nil {
		return nil
	}
	key := implKey{c.Value.Type().String(), c.Method.Name()}
	if fs, ok := st.impls[key]; ok {
		return fs
	}
	var out []*ssa.Function
	for _, fn := range st.fns {
		recv := fn.Signature.Recv()
		if recv == nil || fn.Name() != c.Method.Name() || fn.Synthetic != "" || generic(recv.Type()) {
			continue // Implements is unspecified for uninstantiated types
		}
		if types.Implements(recv.Type(), iface) {
			out = append(out, fn)
		}
	}
	if len(out) > maxFuncValues {
		out = nil // too many to say
	}
	st.impls[key] = out
	return out
}

// implKey identifies an interface method for implementations.
type implKey struct {
	iface, method string
}

// generic reports whether t is (a pointer to) a generic named type.
func generic(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	return ok && n.TypeParams().Len() > 0
}
