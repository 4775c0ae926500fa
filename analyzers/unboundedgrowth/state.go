package unboundedgrowth

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// state names one piece of state across packages: a package variable
// ("example.com/pkg.cache"), a field of a named struct type
// ("example.com/pkg.Tracker.seen"), or a local variable captured by
// closures ("local:<pos>", in its own package only).
type state struct {
	Key  string // identity, the same in every package
	Name string // for messages: "Tracker.seen", "podGauge"
}

// rootKind says what holds the state in one function.
type rootKind uint8

const (
	rNone   rootKind = iota // a local object: not long-lived
	rGlobal                 // a package variable
	rParam                  // reached from parameter idx (the receiver is 0)
	rFree                   // reached from free variable idx of a closure
	rOwn                    // the parameter idx is the state itself (a map passed in)
)

type root struct {
	kind rootKind
	idx  int
}

const maxDepth = 6

// stateOf resolves a container value (a map, a slice, a metric vector
// pointer) to the state it is and what holds it.
func (a *checker) stateOf(v ssa.Value, depth int) (state, root, bool) {
	if depth > maxDepth {
		return state{}, root{}, false
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return a.stateOfAddr(v.X, depth+1)
		}
	case *ssa.Parameter:
		return state{}, root{rOwn, paramIndex(v)}, true
	case *ssa.Field:
		st, ok := fieldState(v.X.Type(), v.Field)
		if !ok {
			return state{}, root{}, false
		}
		r := a.rootOfValue(v.X, depth+1)
		return st, r, true
	case *ssa.Call:
		// a curried vector: the state is the vector it was curried from
		callee := match.CalleeObject(v.Common())
		if callee != nil && isVecMethod(callee, apis.MetricVecCurry) {
			return a.stateOf(recvArg(v.Common()), depth+1)
		}
	case *ssa.ChangeType:
		return a.stateOf(v.X, depth+1)
	}
	return state{}, root{}, false
}

// stateOfAddr resolves the address of a container (a field, a package
// variable, a captured or local variable).
func (a *checker) stateOfAddr(x ssa.Value, depth int) (state, root, bool) {
	switch x := x.(type) {
	case *ssa.Global:
		if x.Pkg == nil {
			return state{}, root{}, false
		}
		return state{Key: match.PkgPath(x.Pkg.Pkg) + "." + x.Name(), Name: x.Name()}, root{kind: rGlobal}, true
	case *ssa.FieldAddr:
		st, ok := fieldState(x.X.Type(), x.Field)
		if !ok {
			return state{}, root{}, false
		}
		if _, slice := x.Type().(*types.Pointer).Elem().Underlying().(*types.Slice); slice && inValueCopy(x.X) {
			// a slice field of a struct parameter a closure captures:
			// appending grows the callee's copy, not the caller's
			return state{}, root{}, false
		}
		return st, a.rootOfPtr(x.X, depth+1), true
	case *ssa.FreeVar:
		if alloc := a.outerCell(x); alloc != nil {
			return state{Key: localKey(alloc), Name: x.Name()}, root{rFree, freeIndex(x)}, true
		}
	case *ssa.Alloc:
		if p := spilledParam(x); p != nil {
			if _, slice := p.Type().Underlying().(*types.Slice); !slice {
				return state{}, root{rOwn, paramIndex(p)}, true // a map parameter a closure captures
			}
			// a slice parameter appended to grows the callee's copy
		}
		if x.Heap {
			return state{Key: localKey(x), Name: x.Comment}, root{}, true
		}
	}
	return state{}, root{}, false
}

func localKey(a *ssa.Alloc) string {
	return "local:" + a.Parent().String() + ":" + itoa(int(a.Pos()))
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	neg := i < 0
	if neg {
		i = -i
	}
	for i > 0 {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

// outerCell returns the variable a free variable captures, following
// closures nested in closures.
func (a *checker) outerCell(fv *ssa.FreeVar) *ssa.Alloc {
	for range maxDepth {
		fn := fv.Parent()
		parent := fn.Parent()
		if parent == nil {
			return nil
		}
		i := freeIndex(fv)
		var bound ssa.Value
		for _, b := range parent.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == ssa.Value(fn) && i < len(mc.Bindings) {
					bound = mc.Bindings[i]
				}
			}
		}
		switch b := bound.(type) {
		case *ssa.Alloc:
			return b
		case *ssa.FreeVar:
			fv = b
		default:
			return nil
		}
	}
	return nil
}

func freeIndex(fv *ssa.FreeVar) int {
	for i, f := range fv.Parent().FreeVars {
		if f == fv {
			return i
		}
	}
	return -1
}

func paramIndex(p *ssa.Parameter) int {
	for i, q := range p.Parent().Params {
		if q == p {
			return i
		}
	}
	return -1
}

// fieldState names field i of the struct that t (or what it points to)
// is: only fields of named struct types are state.
func fieldState(t types.Type, i int) (state, bool) {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return state{}, false
	}
	s, ok := n.Underlying().(*types.Struct)
	if !ok || i >= s.NumFields() {
		return state{}, false
	}
	f := s.Field(i)
	name := n.Obj().Name() + "." + f.Name()
	return state{Key: match.PkgPath(n.Obj().Pkg()) + "." + name, Name: name}, true
}

// rootOfPtr says what holds the struct that the pointer p points to.
func (a *checker) rootOfPtr(p ssa.Value, depth int) root {
	if depth > maxDepth {
		return root{}
	}
	switch p := p.(type) {
	case *ssa.Parameter:
		return root{rParam, paramIndex(p)}
	case *ssa.Global:
		return root{kind: rGlobal}
	case *ssa.FieldAddr:
		return a.rootOfPtr(p.X, depth+1)
	case *ssa.UnOp:
		if p.Op != token.MUL {
			return root{}
		}
		switch x := p.X.(type) {
		case *ssa.Global:
			return root{kind: rGlobal}
		case *ssa.FieldAddr:
			return a.rootOfPtr(x.X, depth+1)
		case *ssa.FreeVar:
			return root{rFree, freeIndex(x)}
		case *ssa.Alloc:
			if q := spilledParam(x); q != nil {
				return root{rParam, paramIndex(q)} // a receiver a closure captures
			}
		}
	case *ssa.FreeVar:
		return root{rFree, freeIndex(p)}
	case *ssa.ChangeType:
		return a.rootOfPtr(p.X, depth+1)
	case *ssa.Alloc:
		if q := spilledParam(p); q != nil {
			return root{rParam, paramIndex(q)} // a struct parameter a closure captures
		}
	}
	return root{}
}

// spilledParam returns the parameter that alloc is the cell of: a
// parameter captured by a function literal (a retry.RetryOnConflict
// closure, a deferred recover) lives in a heap cell that holds only it,
// and the function reads the parameter back from there. Only such a
// cell: a local copy of a struct parameter or of a value receiver
// (o.Args = append(o.Args, arg) on an Options passed by value) is the
// callee's own, and so is a cell that no closure binds.
func spilledParam(alloc *ssa.Alloc) *ssa.Parameter {
	refs := alloc.Referrers()
	if !alloc.Heap || refs == nil || alloc.Block() == nil || alloc.Block().Index != 0 {
		return nil
	}
	captured := false
	for _, r := range *refs {
		if mc, ok := r.(*ssa.MakeClosure); ok && slices.Contains(mc.Bindings, ssa.Value(alloc)) {
			captured = true
		}
	}
	if !captured {
		return nil
	}
	var p *ssa.Parameter
	for _, r := range *refs {
		switch r := r.(type) {
		case *ssa.Store:
			q, ok := r.Val.(*ssa.Parameter)
			if !ok || r.Addr != ssa.Value(alloc) || p != nil {
				return nil
			}
			p = q
		case *ssa.UnOp:
			if r.Op != token.MUL {
				return nil
			}
		case *ssa.FieldAddr, *ssa.MakeClosure, *ssa.DebugRef:
			// a field of a struct parameter; the closure's capture
		default:
			return nil
		}
	}
	return p
}

// inValueCopy reports whether p addresses a struct parameter passed by
// value and spilled to a closure's cell (or a field of one), not a
// struct behind a pointer.
func inValueCopy(p ssa.Value) bool {
	for range maxDepth {
		switch x := p.(type) {
		case *ssa.Alloc:
			return spilledParam(x) != nil
		case *ssa.FieldAddr:
			p = x.X
		default:
			return false
		}
	}
	return false
}

// rootOfValue says what holds a struct value.
func (a *checker) rootOfValue(v ssa.Value, depth int) root {
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return a.rootOfPtr(v.X, depth+1)
		}
	case *ssa.Parameter:
		return root{rParam, paramIndex(v)}
	case *ssa.Field:
		return a.rootOfValue(v.X, depth+1)
	}
	return root{}
}

// isVecMethod reports whether f is one of names on a Prometheus metric
// vector.
func isVecMethod(f *types.Func, names []string) bool {
	if match.PkgPath(f.Pkg()) != apis.Prometheus {
		return false
	}
	found := false
	for _, n := range names {
		if f.Name() == n {
			found = true
		}
	}
	if !found {
		return false
	}
	sig := f.Type().(*types.Signature)
	if sig.Recv() == nil {
		return false
	}
	for _, t := range apis.MetricVecTypes {
		if match.IsNamed(sig.Recv().Type(), t.Pkg, t.Name) {
			return true
		}
	}
	return false
}

// recvArg returns the receiver of a method call (the interface value of
// an interface call).
func recvArg(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() {
		return c.Value
	}
	if len(c.Args) == 0 {
		return nil
	}
	return c.Args[0]
}
