package ctrlmodel

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Cond is a sync.Cond kept in an unexported field of this package whose
// every use is in sight: the field (a *sync.Cond, or a sync.Cond) is only
// set from sync.NewCond and only the receiver of the Cond's methods.
type Cond struct {
	Waits []ssa.CallInstruction // Wait
	Wakes []ssa.CallInstruction // Signal, Broadcast
}

// Conds returns the package's conditions whose every use is in sight.
func (m *Model) Conds() []*Cond {
	m.computeFlows()
	return m.conds
}

func (m *Model) condsOf() []*Cond {
	byField := make(map[any]*Cond)
	var order []any
	escaped := make(map[any]bool)
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				fa, ok := instr.(*ssa.FieldAddr)
				if !ok {
					continue
				}
				f := fieldVar(fa)
				if f == nil || f.Exported() {
					continue
				}
				ptr := match.IsPointerTo(f.Type(), apis.Cond.Pkg, apis.Cond.Name)
				if !ptr && !match.IsNamed(f.Type(), apis.Cond.Pkg, apis.Cond.Name) {
					continue
				}
				c := byField[f]
				if c == nil {
					c = new(Cond)
					byField[f] = c
					order = append(order, f)
				}
				uses := refs(fa)
				if ptr {
					// loads of the pointer, and stores of sync.NewCond
					var loads []ssa.Instruction
					for _, r := range uses {
						switch r := r.(type) {
						case *ssa.UnOp:
							if r.Op != token.MUL {
								escaped[f] = true
							}
							loads = append(loads, refs(r)...)
						case *ssa.Store:
							if call, ok := r.Val.(*ssa.Call); !ok || !isNewCond(call) {
								escaped[f] = true
							}
						case *ssa.DebugRef:
						default:
							escaped[f] = true
						}
					}
					uses = loads
				}
				for _, r := range uses {
					call, ok := r.(ssa.CallInstruction)
					if !ok {
						if _, debug := r.(*ssa.DebugRef); !debug {
							escaped[f] = true
						}
						continue
					}
					callee := match.CalleeObject(call.Common())
					if callee == nil || match.PkgPath(callee.Pkg()) != apis.Cond.Pkg || len(call.Common().Args) == 0 || countArgs(call.Common().Args, call.Common().Args[0]) != 1 {
						escaped[f] = true
						continue
					}
					switch callee.Name() {
					case "Wait":
						c.Waits = append(c.Waits, call)
					case "Signal", "Broadcast":
						c.Wakes = append(c.Wakes, call)
					default:
						escaped[f] = true
					}
				}
			}
		}
	}
	var out []*Cond
	for _, id := range order {
		if !escaped[id] {
			out = append(out, byField[id])
		}
	}
	return out
}

// isNewCond reports whether call is sync.NewCond.
func isNewCond(call *ssa.Call) bool {
	callee := match.CalleeObject(call.Common())
	return callee != nil && match.Is(callee, apis.NewCond)
}
