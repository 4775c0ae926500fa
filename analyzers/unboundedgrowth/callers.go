package unboundedgrowth

import (
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/frequency"
)

// site is an in-package call of a function: the caller and the call.
type site struct {
	caller *ssa.Function
	call   ssa.CallInstruction
}

// callSites returns the package's static calls of fn (calls, go and
// defer statements), found once for every function, with the functions
// used as values (a method value, a function handed on), which may run
// anywhere.
func (a *checker) callSites(fn *ssa.Function) []site {
	if a.sites == nil {
		a.sites = make(map[*ssa.Function][]site)
		a.valued = make(map[*ssa.Function]bool)
		var ops []*ssa.Value
		for _, f := range a.fns {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					var callee ssa.Value
					if call, ok := instr.(ssa.CallInstruction); ok {
						callee = call.Common().Value
						if sf := call.Common().StaticCallee(); sf != nil {
							a.sites[origin(sf)] = append(a.sites[origin(sf)], site{f, call})
						}
					}
					ops = instr.Operands(ops[:0])
					for _, op := range ops {
						if op == nil || *op == nil || *op == callee {
							continue
						}
						switch v := (*op).(type) {
						case *ssa.Function:
							a.valued[origin(v)] = true
						case *ssa.MakeClosure:
							// a bound method value: its wrapper has the method's object
							if w, ok := v.Fn.(*ssa.Function); ok && w.Object() != nil {
								for _, g := range a.fns {
									if g.Object() == w.Object() {
										a.valued[g] = true
									}
								}
							}
						}
					}
				}
			}
		}
	}
	return a.sites[origin(fn)]
}

// madePerCall reports whether every caller of fn in sight hands it, as
// parameter i, an object it has just made, and runs itself at a
// recurring frequency: the object lives for one event, reconcile or
// request, and what fn grows in it dies with it. A function we cannot
// see all the callers of (exported, or used as a value) is not.
func (a *checker) madePerCall(fn *ssa.Function, i int) bool {
	sites := a.callSites(fn)
	if len(sites) == 0 || fn.Object() != nil && fn.Object().Exported() || a.valued[origin(fn)] {
		return false
	}
	for _, s := range sites {
		args := s.call.Common().Args
		f := a.freq.Of(s.caller)
		if i < 0 || i >= len(args) || !fresh(args[i], 0) || !f.Repeats() || f&frequency.Once != 0 {
			return false
		}
	}
	return true
}

// fresh reports whether v is an object made right there: &T{}, new(T),
// make(map...), or the result of a function of the package that returns
// only such objects (newCollector()).
func fresh(v ssa.Value, depth int) bool {
	switch v := v.(type) {
	case *ssa.Alloc, *ssa.MakeMap, *ssa.MakeSlice:
		return true
	case *ssa.ChangeType:
		return fresh(v.X, depth)
	case *ssa.Call:
		sf := v.Common().StaticCallee()
		if sf == nil || depth > 2 || len(sf.Blocks) == 0 || sf.Signature.Results().Len() != 1 {
			return false
		}
		for _, b := range sf.Blocks {
			if len(b.Instrs) == 0 {
				continue
			}
			if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && !fresh(r.Results[0], depth+1) {
				return false
			}
		}
		return true
	}
	return false
}
