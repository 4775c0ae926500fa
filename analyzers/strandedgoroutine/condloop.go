package strandedgoroutine

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// A Cond that nobody signals is harmless as long as the loop around its
// Wait is never entered: for !p.ready { c.Wait() } with ready set before
// anyone waits. It blocks for ever when the loop's exit conditions read
// only fields that the package never sets to anything but their zero
// value: then, evaluated with those zeros, the loop stays.

// zeroOnly returns the unexported fields of the package that are never
// stored a non-zero value.
func (st *state) nonZeroStores() map[*types.Var]bool {
	if st.nonZero != nil {
		return st.nonZero
	}
	st.nonZero = make(map[*types.Var]bool)
	for _, fn := range st.all {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch in := instr.(type) {
				case *ssa.Store:
					if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
						if f := fieldOf(fa); f != nil {
							if c, ok := in.Val.(*ssa.Const); !ok || !isZero(c) {
								st.nonZero[f.Origin()] = true
							}
						}
					}
				case *ssa.FieldAddr:
					// the field's address taken for anything but a load
					// or a store: it may be set there
					f := fieldOf(in)
					if f == nil {
						continue
					}
					for _, r := range refs(in) {
						switch u := r.(type) {
						case *ssa.UnOp:
							if u.Op == token.MUL {
								continue
							}
						case *ssa.Store:
							if u.Addr == ssa.Value(in) {
								continue
							}
						case *ssa.DebugRef:
							continue
						}
						st.nonZero[f.Origin()] = true
					}
				}
			}
		}
	}
	return st.nonZero
}

func isZero(c *ssa.Const) bool {
	if c.Value == nil {
		return true
	}
	switch c.Value.Kind() {
	case constant.Bool:
		return !constant.BoolVal(c.Value)
	case constant.Int, constant.Float:
		return constant.Sign(c.Value) == 0
	case constant.String:
		return constant.StringVal(c.Value) == ""
	}
	return false
}

// zeroEnv says which fields the evaluation may take at their zero value:
// those never stored anything else (nonZero false), unexported ones only
// unless exported is set. An exported field may be set by an importer;
// that matters only when someone can then wake the waiter, so exported
// is set for a Cond that nothing in the package signals.
type zeroEnv struct {
	nonZero  map[*types.Var]bool
	exported bool
}

// loopNeverExits reports whether the loop around the wait at block b,
// evaluated with every field it reads at its zero value, never exits:
// each exit condition either is known to stay, or is unknown (then false).
// exported: exported fields count too (see zeroEnv).
func (st *state) loopNeverExits(b *ssa.BasicBlock, exported bool) bool {
	return st.loopStays(b, &zeroEnv{st.nonZeroStores(), exported})
}

// loopStays reports whether the loop around b never exits, with the
// fields of nz at their zero values (nz nil: no field is known, only
// constants decide).
func (st *state) loopStays(b *ssa.BasicBlock, nz *zeroEnv) bool {
	fn := b.Parent()
	loop := func(b *ssa.BasicBlock) bool { return st.loops.In(b) }
	if !loop(b) {
		return false
	}
	exits := 0
	for _, lb := range fn.Blocks {
		if !loop(lb) || len(lb.Instrs) == 0 {
			continue
		}
		switch last := lb.Instrs[len(lb.Instrs)-1].(type) {
		case *ssa.If:
			out0, out1 := !loop(lb.Succs[0]), !loop(lb.Succs[1])
			if !out0 && !out1 {
				continue
			}
			exits++
			v, ok := evalZero(last.Cond, nz, 0)
			if !ok {
				return false
			}
			if (v && out0) || (!v && out1) {
				return false // the loop exits
			}
		case *ssa.Return, *ssa.Panic:
			return false
		case *ssa.Jump:
			if !loop(lb.Succs[0]) {
				return false
			}
		}
	}
	return exits > 0
}

// evalZero evaluates a boolean condition with every field it loads at its
// zero value; ok is false when a value is not known.
func evalZero(v ssa.Value, nz *zeroEnv, depth int) (val, ok bool) {
	x, ok := zeroValue(v, nz, depth)
	if !ok || x.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(x), true
}

// nilValue stands for nil in the evaluation.
var nilValue = constant.MakeString("\x00nil")

func zeroValue(v ssa.Value, nz *zeroEnv, depth int) (constant.Value, bool) {
	if depth > 4 {
		return nil, false
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return nilValue, true
		}
		return v.Value, true
	case *ssa.UnOp:
		switch v.Op {
		case token.NOT:
			x, ok := zeroValue(v.X, nz, depth+1)
			if !ok || x.Kind() != constant.Bool {
				return nil, false
			}
			return constant.MakeBool(!constant.BoolVal(x)), true
		case token.MUL:
			fa, ok := v.X.(*ssa.FieldAddr)
			if !ok {
				return nil, false
			}
			f := fieldOf(fa)
			if f == nil || nz == nil || (f.Exported() && !nz.exported) || nz.nonZero[f.Origin()] {
				return nil, false
			}
			switch t := f.Type().Underlying().(type) {
			case *types.Basic:
				switch {
				case t.Info()&types.IsBoolean != 0:
					return constant.MakeBool(false), true
				case t.Info()&types.IsInteger != 0:
					return constant.MakeInt64(0), true
				}
				return nil, false
			case *types.Pointer, *types.Interface, *types.Map, *types.Slice, *types.Chan, *types.Signature:
				return nilValue, true
			}
		}
	case *ssa.BinOp:
		if v.Op != token.EQL && v.Op != token.NEQ {
			return nil, false
		}
		x, ok1 := zeroValue(v.X, nz, depth+1)
		y, ok2 := zeroValue(v.Y, nz, depth+1)
		if !ok1 || !ok2 || x.Kind() != y.Kind() {
			return nil, false
		}
		eq := constant.Compare(x, token.EQL, y)
		return constant.MakeBool(eq == (v.Op == token.EQL)), true
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		if callee == nil || callee.Pkg != v.Parent().Pkg || len(callee.Blocks) == 0 || len(callee.Blocks) > 8 {
			return nil, false
		}
		var out constant.Value
		for _, b := range callee.Blocks {
			if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				if len(r.Results) != 1 {
					return nil, false
				}
				x, ok := zeroValue(r.Results[0], nz, depth+1)
				if !ok || (out != nil && constant.Compare(out, token.NEQ, x)) {
					return nil, false
				}
				out = x
			}
		}
		return out, out != nil
	}
	return nil, false
}
