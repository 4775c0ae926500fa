package ctrlmodel

import (
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// WaitGroup is a sync.WaitGroup of this package whose every use is in
// sight: an unexported field of type sync.WaitGroup, or a local
// variable (captured by closures or not),
// whose address goes nowhere but to its own methods.
type WaitGroup struct {
	Waits, Adds, Dones, Gos []ssa.CallInstruction
}

// WaitGroups returns the package's wait groups whose every use is in
// sight. A call on a wait group we cannot identify (through a pointer
// field or a parameter) cannot be on one of these: their addresses go
// only to their own methods.
func (m *Model) WaitGroups() []*WaitGroup {
	m.computeFlows()
	return m.wgs
}

func (m *Model) waitGroups() []*WaitGroup {
	var out []*WaitGroup
	byID := make(map[any]*WaitGroup)
	var order []any
	escaped := make(map[any]bool)
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if fa, ok := instr.(*ssa.FieldAddr); ok && isWaitGroup(fa.Type()) && !receiverOnly(fa) {
					escaped[fieldVar(fa)] = true
				}
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				name, ok := waitGroupMethod(call.Common())
				if !ok {
					continue
				}
				id := m.wgID(call.Common().Args[0], 0)
				if id == nil {
					// a wait group we cannot identify: not one of
					// ours, whose addresses go only to their methods
					continue
				}
				wg := byID[id]
				if wg == nil {
					wg = new(WaitGroup)
					byID[id] = wg
					order = append(order, id)
				}
				switch name {
				case apis.WaitGroupWait:
					wg.Waits = append(wg.Waits, call)
				case apis.WaitGroupAdd:
					// Add(-1) is a Done; an Add of a count we cannot
					// read may be one
					n, known := addCount(call.Common())
					if !known || n > 0 {
						wg.Adds = append(wg.Adds, call)
					}
					if !known || n < 0 {
						wg.Dones = append(wg.Dones, call)
					}
				case apis.WaitGroupDone:
					wg.Dones = append(wg.Dones, call)
				case apis.WaitGroupGo:
					wg.Gos = append(wg.Gos, call)
				}
			}
		}
	}
	for _, id := range order {
		if !escaped[id] {
			out = append(out, byID[id])
		}
	}
	return out
}

// waitGroupMethod returns the name of the sync.WaitGroup method a call
// calls.
func waitGroupMethod(c *ssa.CallCommon) (string, bool) {
	callee := match.CalleeObject(c)
	if callee == nil || c.IsInvoke() || len(c.Args) == 0 || match.PkgPath(callee.Pkg()) != apis.WaitGroup.Pkg {
		return "", false
	}
	sig, _ := callee.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || match.RecvName(sig.Recv().Type()) != apis.WaitGroup.Name {
		return "", false
	}
	return callee.Name(), true
}

// isWaitGroup reports whether t is *sync.WaitGroup.
func isWaitGroup(t types.Type) bool {
	return match.IsPointerTo(t, apis.WaitGroup.Pkg, apis.WaitGroup.Name)
}

// receiverOnly reports whether the address of a wait group is only the
// receiver of its methods.
func receiverOnly(v ssa.Value) bool {
	for _, r := range refs(v) {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case ssa.CallInstruction:
			if _, ok := waitGroupMethod(r.Common()); !ok || r.Common().Args[0] != v || slices.Index(r.Common().Args, v) != 0 || countArgs(r.Common().Args, v) != 1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func countArgs(args []ssa.Value, v ssa.Value) int {
	n := 0
	for _, a := range args {
		if a == v {
			n++
		}
	}
	return n
}

// wgID identifies the wait group a *sync.WaitGroup value points to: an
// unexported field, or a local variable whose
// address goes only to its methods and to closures that do the same.
func (m *Model) wgID(v ssa.Value, depth int) any {
	if depth > maxResolveDepth {
		return nil
	}
	switch v := v.(type) {
	case *ssa.FieldAddr:
		if f := fieldVar(v); f != nil && !f.Exported() && f.Pkg() == m.Pass.Pkg {
			return f
		}
	case *ssa.Alloc:
		if m.localOnly(v, 0) {
			return v
		}
	case *ssa.FreeVar:
		fn := v.Parent()
		i := slices.Index(fn.FreeVars, v)
		var id any
		for _, mc := range m.calls.Closures(fn) {
			if i < 0 || i >= len(mc.Bindings) {
				return nil
			}
			got := m.wgID(mc.Bindings[i], depth+1)
			if got == nil || (id != nil && got != id) {
				return nil
			}
			id = got
		}
		return id
	}
	return nil
}

// localOnly reports whether a local wait group's address goes only to
// its methods and to closures whose free variable does the same.
func (m *Model) localOnly(v ssa.Value, depth int) bool {
	if depth > maxResolveDepth {
		return false
	}
	for _, r := range refs(v) {
		switch r := r.(type) {
		case *ssa.DebugRef:
		case *ssa.MakeClosure:
			fn, ok := r.Fn.(*ssa.Function)
			if !ok {
				return false
			}
			for i, b := range r.Bindings {
				if b == v && (i >= len(fn.FreeVars) || !m.localOnly(fn.FreeVars[i], depth+1)) {
					return false
				}
			}
		case ssa.CallInstruction:
			if _, ok := waitGroupMethod(r.Common()); !ok || r.Common().Args[0] != v || countArgs(r.Common().Args, v) != 1 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// addCount returns the constant count of an Add call.
func addCount(c *ssa.CallCommon) (int64, bool) {
	if len(c.Args) != 2 {
		return 0, false
	}
	k, ok := c.Args[1].(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(k.Value)
}
