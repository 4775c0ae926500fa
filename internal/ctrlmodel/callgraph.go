package ctrlmodel

import (
	"golang.org/x/tools/go/ssa"
)

// callGraph is the model's first stage: the package's own calls as its
// SSA has them, with no API knowledge. It is built once, before any other
// stage, and only read after. (Where code runs follows a different graph,
// the roles stage's callers, in which a leader-election API cuts the
// edge from a function's maker to the function.)
type callGraph struct {
	// sites: the static calls of each function of the package from
	// other functions of the package, in the order of the functions
	sites map[*ssa.Function][]ssa.CallInstruction
	// value: the functions some instruction uses as a value (not as
	// the function a call calls)
	value map[*ssa.Function]bool
	// closures: the closures made of each function
	closures map[*ssa.Function][]*ssa.MakeClosure
	// invoked: the method names called through an interface
	invoked map[string]bool
}

func newCallGraph(funcs []*ssa.Function) *callGraph {
	g := &callGraph{
		sites:    make(map[*ssa.Function][]ssa.CallInstruction),
		value:    make(map[*ssa.Function]bool),
		closures: make(map[*ssa.Function][]*ssa.MakeClosure),
		invoked:  make(map[string]bool),
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var callee ssa.Value
				if c, ok := instr.(ssa.CallInstruction); ok {
					cc := c.Common()
					callee = cc.Value
					if cc.IsInvoke() {
						g.invoked[cc.Method.Name()] = true
					}
					if f := cc.StaticCallee(); f != nil && f != fn && f.Pkg != nil && fn.Pkg != nil && f.Pkg.Pkg == fn.Pkg.Pkg {
						g.sites[f] = append(g.sites[f], c)
					}
				}
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					if f, ok := mc.Fn.(*ssa.Function); ok {
						g.closures[f] = append(g.closures[f], mc)
					}
				}
				var ops []*ssa.Value
				for _, op := range instr.Operands(ops) {
					if op == nil || *op == nil || *op == callee {
						continue
					}
					if f, ok := (*op).(*ssa.Function); ok {
						g.value[f] = true
					}
				}
			}
		}
	}
	return g
}

// callSites returns the static calls of fn in this package (not its
// own recursive calls).
func (g *callGraph) callSites(fn *ssa.Function) []ssa.CallInstruction { return g.sites[fn] }

// usedAsValue reports whether some instruction of the package uses fn as
// a value: then its callers are not all known.
func (g *callGraph) usedAsValue(fn *ssa.Function) bool { return g.value[fn] }

// closuresOf returns the closures made of fn in this package.
func (g *callGraph) closuresOf(fn *ssa.Function) []*ssa.MakeClosure { return g.closures[fn] }

// invokedName reports whether the package calls a method of that name
// through an interface.
func (g *callGraph) invokedName(name string) bool { return g.invoked[name] }
