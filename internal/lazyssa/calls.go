package lazyssa

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// Calls is the package's static call graph as its SSA has them, with no
// API knowledge: built once, on first use, shared by every analyzer of
// the run (the controller model, strandedgoroutine), and only read after.
type Calls struct {
	// sites: the static calls of each function of the package from
	// functions of the package, in source order
	sites map[*ssa.Function][]ssa.CallInstruction
	// callers: the functions that hold sites, each once
	callers map[*ssa.Function][]*ssa.Function
	// value: the functions some instruction uses as a value (not as
	// the function a call calls)
	value map[*ssa.Function]bool
	// closures: the closures made of each function
	closures map[*ssa.Function][]*ssa.MakeClosure
	// invoked: the method names called through an interface (in a
	// call, a go or a defer statement)
	invoked map[string]bool
}

// Calls returns the package's static call graph.
func (b *Builder) Calls() *Calls {
	b.callsOnce.Do(func() {
		_, fns := b.Build()
		b.calls = newCalls(fns)
	})
	return b.calls
}

func newCalls(funcs []*ssa.Function) *Calls {
	g := &Calls{
		sites:    make(map[*ssa.Function][]ssa.CallInstruction),
		callers:  make(map[*ssa.Function][]*ssa.Function),
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
					if f := cc.StaticCallee(); f != nil && f.Pkg != nil && fn.Pkg != nil && f.Pkg.Pkg == fn.Pkg.Pkg {
						g.sites[f] = append(g.sites[f], c)
						if !slices.Contains(g.callers[f], fn) {
							g.callers[f] = append(g.callers[f], fn)
						}
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

// Sites returns the static calls of fn from functions of the package
// (its own recursive calls too).
func (g *Calls) Sites(fn *ssa.Function) []ssa.CallInstruction { return g.sites[fn] }

// Callers returns the functions of the package that call fn statically,
// each once, in source order.
func (g *Calls) Callers(fn *ssa.Function) []*ssa.Function { return g.callers[fn] }

// UsedAsValue reports whether some instruction of the package uses fn as
// a value: then its callers are not all known.
func (g *Calls) UsedAsValue(fn *ssa.Function) bool { return g.value[fn] }

// Closures returns the closures made of fn in this package.
func (g *Calls) Closures(fn *ssa.Function) []*ssa.MakeClosure { return g.closures[fn] }

// Invoked reports whether the package calls a method of that name
// through an interface.
func (g *Calls) Invoked(name string) bool { return g.invoked[name] }
