package unboundedgrowth

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// class says where a key (or a label value) comes from: data that grows
// with the world (an object's identity, an event, a request), a
// parameter of the function (decided by its callers), or a closed set (a
// constant, an enum, a field of the long-lived object itself). When we
// cannot tell, a key is a closed set: unboundedgrowth stays silent.
type class struct {
	dyn    bool
	params uint64 // parameters (by index, the receiver is 0) it comes from
}

func (c class) or(d class) class { return class{c.dyn || d.dyn, c.params | d.params} }

const maxKeyDepth = 8

// keyClass classifies v, a key or label value in fn.
func (a *checker) keyClass(v ssa.Value, depth int) class {
	if v == nil || depth > maxKeyDepth {
		return class{}
	}
	if c, ok := a.keyMemo[v]; ok {
		return c
	}
	a.keyMemo[v] = class{} // cycles (phis) add nothing
	c := a.keyClassOnce(v, depth)
	a.keyMemo[v] = c
	return c
}

func (a *checker) keyClassOnce(v ssa.Value, depth int) class {
	if _, ok := v.(*ssa.Const); ok || finiteType(v.Type()) {
		return class{}
	}
	if isAnyNamed(v.Type(), apis.IdentityTypes) {
		return class{dyn: true}
	}
	switch v := v.(type) {
	case *ssa.Parameter:
		i := paramIndex(v)
		if i < 0 || i >= 64 {
			return class{}
		}
		if i == 0 && v.Parent().Signature.Recv() != nil {
			return class{} // the long-lived object's own data
		}
		return class{params: 1 << i}
	case *ssa.UnOp:
		switch v.Op {
		case token.ARROW:
			return class{dyn: true} // a message from a channel
		case token.MUL:
			switch x := v.X.(type) {
			case *ssa.FieldAddr:
				return a.keyClass(x.X, depth+1)
			case *ssa.Alloc:
				return a.cellClass(x, depth+1)
			case *ssa.IndexAddr:
				return a.keyClass(x.X, depth+1)
			}
			return class{}
		}
		return a.keyClass(v.X, depth+1)
	case *ssa.Alloc:
		return a.cellClass(v, depth+1)
	case *ssa.FieldAddr:
		return a.keyClass(v.X, depth+1)
	case *ssa.Field:
		return a.keyClass(v.X, depth+1)
	case *ssa.Index:
		return a.keyClass(v.X, depth+1)
	case *ssa.IndexAddr:
		return a.keyClass(v.X, depth+1)
	case *ssa.Lookup:
		return a.keyClass(v.X, depth+1)
	case *ssa.Slice:
		return a.keyClass(v.X, depth+1)
	case *ssa.Convert:
		return a.keyClass(v.X, depth+1)
	case *ssa.ChangeType:
		return a.keyClass(v.X, depth+1)
	case *ssa.MakeInterface:
		return a.keyClass(v.X, depth+1)
	case *ssa.TypeAssert:
		return a.keyClass(v.X, depth+1)
	case *ssa.Extract:
		if _, ok := v.Tuple.(*ssa.Select); ok {
			// the chosen case and the ok flag are a closed set; a
			// received value is a message from a channel
			return class{dyn: v.Index >= 2}
		}
		if a.closedExtract(v) {
			return class{} // reason, err := check(obj): one of a few constants
		}
		return a.keyClass(v.Tuple, depth+1)
	case *ssa.Next:
		if r, ok := v.Iter.(*ssa.Range); ok {
			return a.keyClass(r.X, depth+1)
		}
	case *ssa.BinOp:
		return a.keyClass(v.X, depth+1).or(a.keyClass(v.Y, depth+1))
	case *ssa.Phi:
		var c class
		for _, e := range v.Edges {
			c = c.or(a.keyClass(e, depth+1))
		}
		return c
	case *ssa.Call:
		return a.callClass(v.Common(), depth)
	}
	return class{}
}

// constantResults reports whether every value fn returns is a constant
// (directly or through phis of constants): a function that maps its
// arguments onto a closed set, such as an error's reason or a status
// class.
func constantResults(fn *ssa.Function) bool {
	if len(fn.Blocks) == 0 || fn.Signature.Results().Len() != 1 {
		return false
	}
	var constant func(v ssa.Value, depth int) bool
	constant = func(v ssa.Value, depth int) bool {
		switch v := v.(type) {
		case *ssa.Const:
			return true
		case *ssa.Phi:
			if depth > 8 {
				return false
			}
			for _, e := range v.Edges {
				if !constant(e, depth+1) {
					return false
				}
			}
			return true
		}
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
			returns++
			if !constant(r.Results[0], 0) {
				return false
			}
		}
	}
	return returns > 0
}

// callClass classifies a call's result by its arguments (and receiver):
// a key built from an object's identity is as dynamic as the object.
func (a *checker) callClass(c *ssa.CallCommon, depth int) class {
	callee := match.CalleeObject(c)
	if callee != nil {
		if match.IsAny(callee, apis.FiniteFuncs) {
			return class{}
		}
		if match.PkgPath(callee.Pkg()) == apis.ClientGoWorkqueue && slices.Contains(apis.QueueGet, callee.Name()) {
			return class{dyn: true} // a workqueue item: an object's key
		}
	}
	if fn := c.StaticCallee(); fn != nil && constantResults(fn) {
		return class{} // reasonOf(err): one of a few constants, whatever its argument
	}
	if a.closedCall(c) {
		return class{} // kindOf(obj): a kind, whatever the object
	}
	var out class
	if c.IsInvoke() {
		out = a.keyClass(c.Value, depth+1)
	}
	for _, arg := range c.Args {
		if _, isFn := arg.(*ssa.Function); isFn {
			continue
		}
		if match.IsNamed(arg.Type(), "context", "Context") {
			continue // a context carries deadlines, not the key's data
		}
		if v := match.Varargs(arg); v != nil {
			for _, x := range v {
				out = out.or(a.keyClass(x, depth+1))
			}
			continue
		}
		out = out.or(a.keyClass(arg, depth+1))
	}
	return out
}

// cellClass classifies what is stored in a local variable or a struct
// literal (a composite key), and what fills an object passed by pointer
// to a call (client.Get(ctx, req.NamespacedName, obj) makes obj the
// object named by the request).
func (a *checker) cellClass(alloc *ssa.Alloc, depth int) class {
	var out class
	refs := alloc.Referrers()
	if refs == nil {
		return out
	}
	for _, r := range *refs {
		switch r := r.(type) {
		case ssa.CallInstruction:
			for _, arg := range r.Common().Args {
				if arg != ssa.Value(alloc) {
					out = out.or(a.keyClass(arg, depth+1))
				}
			}
		case *ssa.MakeInterface:
			if r.Referrers() == nil {
				continue
			}
			for _, rr := range *r.Referrers() {
				if call, ok := rr.(ssa.CallInstruction); ok {
					for _, arg := range call.Common().Args {
						if arg != ssa.Value(r) {
							out = out.or(a.keyClass(arg, depth+1))
						}
					}
				}
			}
		case *ssa.Store:
			out = out.or(a.keyClass(r.Val, depth+1))
		case *ssa.FieldAddr:
			if r.Referrers() == nil {
				continue
			}
			for _, rr := range *r.Referrers() {
				if s, ok := rr.(*ssa.Store); ok && s.Addr == ssa.Value(r) {
					out = out.or(a.keyClass(s.Val, depth+1))
				}
			}
		}
	}
	return out
}

// finiteType reports whether values of t form a closed set: booleans,
// kinds and types (apis.FiniteTypes), and enums (a named basic type with
// constants of that type declared in its package).
func finiteType(t types.Type) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return true
	}
	if isAnyNamed(t, apis.FiniteTypes) {
		return true
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	if _, basic := n.Underlying().(*types.Basic); !basic {
		return false
	}
	if isAnyNamed(t, apis.IdentityTypes) {
		return false
	}
	scope := n.Obj().Pkg().Scope()
	for _, name := range scope.Names() {
		if c, ok := scope.Lookup(name).(*types.Const); ok && types.Identical(c.Type(), t) {
			return true
		}
	}
	return false
}

func isAnyNamed(t types.Type, fs []apis.Func) bool {
	for _, f := range fs {
		if match.IsNamed(t, f.Pkg, f.Name) {
			return true
		}
	}
	return false
}

// closedCall reports whether the function c calls returns a value of a
// closed set whatever its arguments: a function of this package whose
// every result is one (closedResults), or another package's function
// with a ClosedResultFact.
func (a *checker) closedCall(c *ssa.CallCommon) bool {
	if fn := c.StaticCallee(); fn != nil && a.inPkg[origin(fn)] {
		return a.closedResults(origin(fn))
	}
	callee := match.CalleeObject(c)
	if callee == nil || callee.Pkg() == nil || callee.Pkg() == a.pass.Pkg {
		return false
	}
	var f ClosedResultFact
	return a.pass.ImportObjectFact(callee, &f)
}

// closedResults reports whether fn, a function of one result (not a
// method: its receiver would count as its own data), returns a value of a
// closed set on every path whatever its arguments: constants, a kind
// (a GroupVersionKind's Kind, an Unstructured's GetKind), an enum. The
// shape of Contour's k8s.KindOf, which labels per-kind metrics.
func (a *checker) closedResults(fn *ssa.Function) bool {
	return fn.Signature.Results().Len() == 1 && a.closedResultAt(fn, 0)
}

// allowListed reports whether the growth at site only runs for a key
// that a branch above it found in a fixed list or set (`if
// slices.Contains(r.CrdResources, req.Name)`, `if _, ok :=
// allowed[key]; ok` on another map, or an early return when it is not
// there): the keys are as many as the list holds. A list is fixed when it
// is a field or package variable that no code of the package adds to or
// deletes from (set whole, at construction): a local list built from the
// event, or a map of objects kept per event, bounds nothing.
func (a *checker) allowListed(site ssa.Instruction, key, grown ssa.Value) bool {
	b := site.Block()
	for d, n := b.Idom(), 0; d != nil && n < 64; d, n = d.Idom(), n+1 {
		ifi, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok || len(d.Succs) != 2 {
			continue
		}
		t := d.Succs[0]
		if len(t.Preds) != 1 || !t.Dominates(b) {
			continue
		}
		switch c := ifi.Cond.(type) {
		case *ssa.Call:
			args := c.Common().Args
			callee := match.CalleeObject(c.Common())
			if callee != nil && match.IsAny(callee, apis.MembershipChecks) && len(args) > 1 &&
				sameKey(args[len(args)-1], key, 0) && a.fixedContainer(args[0]) {
				return true
			}
		case *ssa.Extract:
			if l, ok := c.Tuple.(*ssa.Lookup); ok && c.Index == 1 && l.CommaOk && !sameKey(l.X, grown, 0) &&
				sameKey(l.Index, key, 0) && a.fixedContainer(l.X) {
				return true
			}
		}
	}
	return false
}

// containerOf names the field or package variable a list or map is
// loaded from, or nil.
func containerOf(v ssa.Value) any {
	switch x := v.(type) {
	case *ssa.UnOp:
		if x.Op != token.MUL {
			return nil
		}
		switch addr := x.X.(type) {
		case *ssa.FieldAddr:
			if s, ok := deref(addr.X.Type()).Underlying().(*types.Struct); ok && addr.Field < s.NumFields() {
				return s.Field(addr.Field)
			}
		case *ssa.Global:
			return addr
		}
	case *ssa.Field:
		if s, ok := x.X.Type().Underlying().(*types.Struct); ok && x.Field < s.NumFields() {
			return s.Field(x.Field)
		}
	}
	return nil
}

// fixedContainer reports whether v is loaded from a field or package
// variable that no code of the package adds to or deletes from: stores
// of it are of whole values, not appends, and no map update or delete
// touches it.
func (a *checker) fixedContainer(v ssa.Value) bool {
	id := containerOf(v)
	if id == nil {
		return false
	}
	if c, ok := a.fixed[id]; ok {
		return c
	}
	fixed := true
scan:
	for _, fn := range a.fns {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.MapUpdate:
					if containerOf(in.Map) == id {
						fixed = false
						break scan
					}
				case *ssa.Call:
					if bi, ok := in.Call.Value.(*ssa.Builtin); ok && (bi.Name() == "delete" || bi.Name() == "clear") &&
						len(in.Call.Args) > 0 && containerOf(in.Call.Args[0]) == id {
						fixed = false
						break scan
					}
				case *ssa.Store:
					var to any
					switch addr := in.Addr.(type) {
					case *ssa.FieldAddr:
						if s, ok := deref(addr.X.Type()).Underlying().(*types.Struct); ok && addr.Field < s.NumFields() {
							to = s.Field(addr.Field)
						}
					case *ssa.Global:
						to = addr
					}
					if to == id {
						if c, ok := in.Val.(*ssa.Call); ok {
							if bi, ok := c.Call.Value.(*ssa.Builtin); ok && bi.Name() == "append" {
								fixed = false
								break scan
							}
						}
					}
				}
			}
		}
	}
	a.fixed[id] = fixed
	return fixed
}

// sameKey reports whether x and y are the same value, or the same field
// path read from the same value (req.NamespacedName.Name read twice).
func sameKey(x, y ssa.Value, depth int) bool {
	if x == y || sameValue(x, y) {
		return true
	}
	if depth > 6 {
		return false
	}
	switch x := x.(type) {
	case *ssa.Field:
		y, ok := y.(*ssa.Field)
		return ok && x.Field == y.Field && sameKey(x.X, y.X, depth+1)
	case *ssa.FieldAddr:
		y, ok := y.(*ssa.FieldAddr)
		return ok && x.Field == y.Field && sameKey(x.X, y.X, depth+1)
	case *ssa.UnOp:
		y, ok := y.(*ssa.UnOp)
		return ok && x.Op == token.MUL && y.Op == token.MUL && sameKey(x.X, y.X, depth+1)
	case *ssa.ChangeType:
		y, ok := y.(*ssa.ChangeType)
		return ok && sameKey(x.X, y.X, depth+1)
	}
	return false
}

// resultAt is one result of a function of several.
type resultAt struct {
	fn *ssa.Function
	i  int
}

// closedExtract reports whether v, one result of a call of a function of
// this package with several results, is of a closed set on every path
// whatever the arguments (getSupportGroups returning one of its reason
// constants next to the groups and an error).
func (a *checker) closedExtract(v *ssa.Extract) bool {
	call, ok := v.Tuple.(*ssa.Call)
	if !ok {
		return false
	}
	fn := call.Common().StaticCallee()
	if fn == nil || !a.inPkg[origin(fn)] {
		return false
	}
	return a.closedResultAt(origin(fn), v.Index)
}

// closedResultAt is closedResults for result i of a function of one or
// more results.
func (a *checker) closedResultAt(fn *ssa.Function, i int) bool {
	k := resultAt{fn, i}
	if c, ok := a.closedAt[k]; ok {
		return c
	}
	a.closedAt[k] = false // recursion: not proven
	if fn.Signature.Recv() != nil || fn.Signature.Results().Len() <= i || len(fn.Params) == 0 || len(fn.Blocks) == 0 || len(fn.Blocks) > maxBlocks {
		return false
	}
	returns := 0
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || len(r.Results) <= i {
			continue
		}
		returns++
		if !a.closedValue(r.Results[i], 0) {
			return false
		}
	}
	a.closedAt[k] = returns > 0
	return returns > 0
}

// closedValue reports whether v is known to be a value of a closed set:
// a constant, a boolean, a kind or type (a GroupVersionKind's Kind, a
// reflect.Type's String), an enum value that the program holds as one (a
// parameter or a field of an enum type), the result of a finite function.
// A conversion is as closed as what it converts: Key(req.Name) has an
// enum's type but the world's values. Unlike keyClass, what we cannot
// tell is not closed here: a config loaded from a path is the world's.
func (a *checker) closedValue(v ssa.Value, depth int) bool {
	if depth > maxKeyDepth {
		return false
	}
	if c, ok := a.closedMemo[v]; ok {
		return c
	}
	a.closedMemo[v] = false // cycles (phis) are not proven
	c := a.closedValueOnce(v, depth)
	a.closedMemo[v] = c
	return c
}

func (a *checker) closedValueOnce(v ssa.Value, depth int) bool {
	if _, ok := v.(*ssa.Const); ok {
		return true
	}
	if b, ok := v.Type().Underlying().(*types.Basic); ok && b.Info()&types.IsBoolean != 0 {
		return true
	}
	switch v := v.(type) {
	case *ssa.Phi:
		for _, e := range v.Edges {
			if !a.closedValue(e, depth+1) {
				return false
			}
		}
		return true
	case *ssa.ChangeType:
		return a.closedValue(v.X, depth+1)
	case *ssa.Convert:
		return a.closedValue(v.X, depth+1)
	case *ssa.Field:
		return isAnyNamed(v.X.Type(), apis.FiniteTypes) || finiteType(v.Type())
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return isAnyNamed(deref(fa.X.Type()), apis.FiniteTypes) || finiteType(v.Type())
		}
		return false
	case *ssa.Parameter:
		return finiteType(v.Type())
	case *ssa.Extract:
		return a.closedExtract(v)
	case *ssa.Call:
		c := v.Common()
		if callee := match.CalleeObject(c); callee != nil && match.IsAny(callee, apis.FiniteFuncs) {
			return true
		}
		if recv := recvArg(c); recv != nil && (c.IsInvoke() || c.Signature().Recv() != nil) &&
			(isAnyNamed(deref(recv.Type()), apis.FiniteTypes) || a.closedValue(recv, depth+1)) {
			return true // gvk.String(), reflect.TypeOf(x).String(), a closed enum's String()
		}
		if fn := c.StaticCallee(); fn != nil && constantResults(fn) {
			return true
		}
		return a.closedCall(c)
	}
	return isAnyNamed(v.Type(), apis.FiniteTypes)
}
