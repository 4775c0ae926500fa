package strandedgoroutine

import (
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

// A WaitGroup whose Wait runs inside the loop that starts the goroutines,
// after an Add of the whole count before the loop: the first Wait waits
// for Done calls of goroutines that the loop has not started yet, so it
// never returns (unless the loop runs once).

func (st *state) checkWaitInLoop(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok || !st.loops.In(b) || !wgMethod(call, "Wait") {
				continue
			}
			wg := wgOf(call)
			if wg == nil || !everyIteration(call.Block()) {
				continue
			}
			add := wholeAddBefore(st, fn, wg)
			if add == nil {
				continue
			}
			g := goInLoopBefore(st, fn, call)
			if g == nil {
				continue
			}
			st.rep.Report(analysis.Diagnostic{
				Pos:     call.Pos(),
				Message: "Wait inside the loop blocks for ever: the Add before the loop counts every goroutine, but when this runs the loop has started only some of them; wait after the loop",
				Related: []analysis.RelatedInformation{
					{Pos: add.Pos(), Message: "the Add of the whole count"},
					{Pos: g.Pos(), Message: "one goroutine per iteration"},
				},
			})
			return
		}
	}
}

// everyIteration reports whether b runs on every iteration of the loops
// around it: it dominates the source of every back edge to a header that
// dominates b (a Wait only on the last iteration, under an if, waits for
// every goroutine by then).
func everyIteration(b *ssa.BasicBlock) bool {
	for _, p := range b.Parent().Blocks {
		for _, h := range p.Succs {
			if h.Dominates(p) && h.Dominates(b) && !b.Dominates(p) {
				return false
			}
		}
	}
	return true
}

func wgMethod(call *ssa.Call, name string) bool {
	callee := match.CalleeObject(call.Common())
	if callee == nil || callee.Name() != name || match.PkgPath(callee.Pkg()) != "sync" {
		return false
	}
	sig, _ := callee.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && match.IsPointerTo(sig.Recv().Type(), "sync", "WaitGroup")
}

// wgOf returns the local WaitGroup a method is called on (an Alloc).
func wgOf(call *ssa.Call) *ssa.Alloc {
	if len(call.Call.Args) == 0 {
		return nil
	}
	a, _ := call.Call.Args[0].(*ssa.Alloc)
	return a
}

// wholeAddBefore finds an Add on wg outside every loop of fn whose count
// is not the constant 1 (len(items), n).
func wholeAddBefore(st *state, fn *ssa.Function, wg *ssa.Alloc) *ssa.Call {
	var add *ssa.Call
	for _, r := range refs(wg) {
		c, ok := r.(*ssa.Call)
		if !ok {
			continue
		}
		if !wgMethod(c, "Add") {
			continue
		}
		if st.loops.In(c.Block()) || c.Parent() != fn {
			return nil // an Add per iteration: not this bug
		}
		if n, ok := resource.IntConst(c.Call.Args[1]); ok && n <= 1 {
			return nil
		}
		add = c
	}
	return add
}

// goInLoopBefore finds a go statement that runs before the Wait in the same
// loop iteration (it dominates the Wait) and whose goroutine calls Done.
func goInLoopBefore(st *state, fn *ssa.Function, wait *ssa.Call) *ssa.Go {
	for _, b := range fn.Blocks {
		if !st.loops.In(b) {
			continue
		}
		for _, instr := range b.Instrs {
			g, ok := instr.(*ssa.Go)
			if !ok || !dominates(g, wait) {
				continue
			}
			gf, _ := goroutineFunc(g)
			if gf != nil && callsDone(gf) {
				return g
			}
		}
	}
	return nil
}

func callsDone(gf *ssa.Function) bool {
	for _, b := range gf.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok {
				if call, ok := c.(*ssa.Call); ok && wgMethod(call, "Done") {
					return true
				}
				if d, ok := c.(*ssa.Defer); ok {
					if callee := match.CalleeObject(d.Common()); callee != nil && callee.Name() == "Done" && match.PkgPath(callee.Pkg()) == "sync" {
						return true
					}
				}
			}
		}
	}
	return false
}
