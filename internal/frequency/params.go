package frequency

import (
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// paramFreqs computes, for each function of the package, which of its
// parameters it calls back (or whose methods it calls) at a recurring
// frequency, counted per call of the function: in a long-running loop,
// from a closure registered as an event handler or passed to wait.Until,
// or by handing the parameter to a function that does. Rounds repeat
// until nothing changes (helpers that hand parameters on to helpers).
func (b *builder) paramFreqs() {
	for range maxRounds {
		changed := false
		for _, fn := range b.fns {
			if fn.Parent() != nil {
				continue
			}
			var out []ParamFreq
			recv := 0
			if fn.Signature.Recv() != nil {
				recv = 1
			}
			for j, p := range fn.Params {
				if j < recv {
					continue
				}
				s := &paramScan{b: b, param: j - recv, seen: make(map[ssa.Value]bool)}
				s.uses(p, 0, "", 0)
				out = mergeParams(out, s.out)
			}
			if !slices.Equal(out, b.params[fn]) {
				b.params[fn] = out
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

func mergeParams(dst, src []ParamFreq) []ParamFreq {
	for _, p := range src {
		i := slices.IndexFunc(dst, func(q ParamFreq) bool { return q.Param == p.Param && q.Method == p.Method })
		if i < 0 {
			dst = append(dst, p)
			continue
		}
		dst[i].Freq |= p.Freq
	}
	return dst
}

type paramScan struct {
	b     *builder
	param int
	seen  map[ssa.Value]bool
	out   []ParamFreq
}

// add records that the parameter (or its method) is called at f inside
// the function; f without a recurring frequency means "once per call of
// the function": the caller's own frequency then reaches the argument
// (a library that calls back what it is given, as often as it is called).
func (s *paramScan) add(method string, f Freq, why string) {
	s.out = mergeParams(s.out, []ParamFreq{{Param: s.param, Method: method, Freq: f &^ (Once | PerCall), Why: why}})
}

// uses follows the parameter's value v, reached at frequency f (for the
// reason why) inside the function, depth closures deep.
func (s *paramScan) uses(v ssa.Value, f Freq, why string, depth int) {
	if s.seen[v] || depth > paramDepth || v.Referrers() == nil {
		return
	}
	s.seen[v] = true
	for _, r := range *v.Referrers() {
		at, atWhy := f, why
		if l := s.b.res.block[r.Block()]; l.f != 0 {
			at |= l.f
			if atWhy == "" {
				atWhy = l.why
			}
		}
		switch r := r.(type) {
		case ssa.CallInstruction:
			c := r.Common()
			if c.Value == v {
				if c.IsInvoke() {
					s.add(c.Method.Name(), at, atWhy)
				} else {
					s.add("", at, atWhy)
				}
				continue
			}
			s.argUse(r, v, at, atWhy)
		case *ssa.MakeClosure:
			inner, _ := r.Fn.(*ssa.Function)
			if inner == nil {
				continue
			}
			cf, cwhy := s.b.slotOf(r)
			cf |= at
			if cwhy == "" {
				cwhy = atWhy
			}
			for k, bound := range r.Bindings {
				if bound == v && k < len(inner.FreeVars) {
					s.uses(inner.FreeVars[k], cf, cwhy, depth+1)
				}
			}
		case *ssa.Store:
			if r.Val == v {
				if g, w := s.b.storeSlot(r); g != 0 {
					s.add("", g|at, w)
				}
				if cell, ok := r.Addr.(*ssa.Alloc); ok {
					// a parameter captured by reference: its cell
					s.uses(cell, at, atWhy, depth)
				}
			}
		case *ssa.UnOp:
			if r.Op == token.MUL && r.X == v {
				// a load from the cell holding the parameter
				s.uses(r, at, atWhy, depth)
			}
		case *ssa.ChangeType:
			s.uses(r, at, atWhy, depth)
		case *ssa.MakeInterface:
			s.uses(r, at, atWhy, depth)
		}
	}
}

// argUse records what a call does with the parameter passed to it.
func (s *paramScan) argUse(call ssa.CallInstruction, v ssa.Value, f Freq, why string) {
	c := call.Common()
	callee := match.CalleeObject(c)
	if callee == nil {
		return
	}
	off := match.ArgOffset(c, callee)
	for i, a := range c.Args {
		if a != v || i < off {
			continue
		}
		g, w := callbackFreq(callee, i-off)
		if g != 0 {
			s.add("", g|f, w)
		}
		if match.IsAny(callee, registrationFuncs) && i == off {
			for _, m := range []string{"OnAdd", "OnUpdate", "OnDelete"} {
				s.add(m, PerEvent|f, "registered with "+callee.Name()+" as an informer event handler")
			}
		}
		for _, p := range s.b.paramsOf(c, callee) {
			if p.Param == i-off {
				s.add(p.Method, p.Freq|f, p.Why)
			}
		}
	}
}

// callbackFreq returns the frequency at which the API callee calls back
// its argument i.
func callbackFreq(callee *types.Func, i int) (Freq, string) {
	for _, tab := range []struct {
		cbs []apis.Callback
		f   Freq
		why string
	}{
		{apis.TickCallbacks, PerTick, "calls it once per period"},
		{apis.RetryCallbacks, PerRetry, "calls it once per attempt"},
		{apis.EventCallbacks, PerEvent, "calls it per informer event"},
		{apis.RequestCallbacks, PerRequest, "calls it per HTTP request"},
	} {
		for _, cb := range tab.cbs {
			if cb.Arg == i && match.Is(callee, cb.Func) {
				return tab.f, describe(callee) + " " + tab.why
			}
		}
	}
	return 0, ""
}

// slotOf returns the frequency at which an API calls back the function
// value v (a closure) by what v is handed to.
func (b *builder) slotOf(v ssa.Value) (Freq, string) {
	if v.Referrers() == nil {
		return 0, ""
	}
	for _, r := range *v.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Val == v {
				if g, w := b.storeSlot(r); g != 0 {
					return g, w
				}
			}
		case *ssa.ChangeType:
			if g, w := funcTypeSlot(r.Type()); g != 0 {
				return g, w
			}
		case ssa.CallInstruction:
			c := r.Common()
			callee := match.CalleeObject(c)
			if callee == nil {
				continue
			}
			off := match.ArgOffset(c, callee)
			for i, a := range c.Args {
				if a != v || i < off {
					continue
				}
				if g, w := callbackFreq(callee, i-off); g != 0 {
					return g, w
				}
				for _, p := range b.paramsOf(c, callee) {
					if p.Param == i-off && p.Method == "" {
						return p.Freq, p.Why
					}
				}
			}
		}
	}
	return 0, ""
}

// exportFacts exports the parameter summaries of exported functions of
// the user's own code (FactGate).
func (b *builder) exportFacts() {
	if !factgate.LocalPass(b.pass) {
		return
	}
	for _, fn := range b.fns {
		ps := b.params[fn]
		if len(ps) == 0 || fn.Parent() != nil {
			continue
		}
		obj, ok := fn.Object().(*types.Func)
		if !ok || !token.IsExported(obj.Name()) || obj.Pkg() != b.pass.Pkg {
			continue
		}
		b.pass.ExportObjectFact(obj, &ParamFact{Params: ps})
	}
}
