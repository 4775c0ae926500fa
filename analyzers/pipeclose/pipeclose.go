package pipeclose

import (
	_ "embed"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/diag"
	"github.com/ctrlvet/ctrlvet/internal/docutil"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
	"github.com/ctrlvet/ctrlvet/internal/frequency"
	"github.com/ctrlvet/ctrlvet/internal/guard"
	"github.com/ctrlvet/ctrlvet/internal/lazyssa"
	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

//go:embed doc.go
var docFile string

const name = "pipeclose"

// Analyzer reports *io.PipeWriters that are never closed. It knows
// ctrlvet's built-in APIs only; New makes one that also knows the writers
// of a config.Resources.
var Analyzer = New(nil)

// New returns a pipeclose analyzer that also treats the first result of
// r's constructors as a writer to close, and r's release entries as ways
// to close one (read when it runs, so that flags parsed after New take
// effect). A nil r adds nothing.
func New(r *config.Resources) *analysis.Analyzer {
	return NewOn(r, frequency.Analyzer)
}

// NewOn is New on the frequency stage freq (the one every analyzer of a
// run shares).
func NewOn(r *config.Resources, freq *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      name,
		Doc:       docutil.Extract(docFile, name),
		URL:       "https://github.com/ctrlvet/ctrlvet/blob/main/docs/pipeclose.md",
		Requires:  []*analysis.Analyzer{lazyssa.Analyzer, freq},
		FactTypes: []analysis.Fact{new(freshWriterFact)},
		Run: guard.Run(name, func(pass *analysis.Pass) (any, error) {
			st, err := newState(pass, r)
			if err != nil {
				return nil, err
			}
			st.freq = pass.ResultOf[freq].(*frequency.Result)
			return st.run()
		}),
	}
}

// releaseMethods close a pipe writer (and its reader).
var releaseMethods = []string{"Close", "CloseWithError"}

// freshWriterFact marks a function that returns a new *io.PipeWriter the
// caller must close, at result Result.
type freshWriterFact struct{ Result int }

func (*freshWriterFact) AFact()           {}
func (f *freshWriterFact) String() string { return fmt.Sprintf("freshPipeWriter(result %d)", f.Result) }

type state struct {
	pass     *analysis.Pass
	fresh    map[*ssa.Function]*freshWriterFact
	visiting map[*ssa.Function]bool
	ctors    []apis.Func // constructors from the settings
	policy   *resource.Policy
	reader   *resource.Policy
	freq     *frequency.Result
}

func newState(pass *analysis.Pass, r *config.Resources) (*state, error) {
	st := &state{
		pass:     pass,
		fresh:    make(map[*ssa.Function]*freshWriterFact),
		visiting: make(map[*ssa.Function]bool),
		policy:   &resource.Policy{ReleaseMethods: releaseMethods, LostInWriter: true},
		reader:   &resource.Policy{ReleaseMethods: releaseMethods},
	}
	if r == nil {
		return st, nil
	}
	var err error
	if st.ctors, err = apis.ParseFuncs(r.Constructors); err != nil {
		return nil, fmt.Errorf("pipeclose.constructors: %w", err)
	}
	methods, funcs, err := apis.ParseRelease(r.Release)
	if err != nil {
		return nil, fmt.Errorf("pipeclose.release: %w", err)
	}
	for _, m := range methods {
		if !slices.Contains(st.policy.ReleaseMethods, m) {
			st.policy.ReleaseMethods = append(slices.Clip(st.policy.ReleaseMethods), m)
		}
	}
	st.policy.ReleaseFuncs = funcs
	return st, nil
}

// creation is one call that makes a writer.
type creation struct {
	call   *ssa.Call
	writer ssa.Value
	reader ssa.Value // io.Pipe's reader, if any
	what   string
	noun   string // the writer's type, when not *io.PipeWriter
	why    string // why it is one, when the settings say so
}

func (st *state) run() (any, error) {
	pass := st.pass
	if !st.relevant() {
		return nil, nil
	}
	_, fns := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Builder).Build()
	rep := diag.New(pass, name)
	for _, fn := range fns {
		if factgate.StandardPass(pass) {
			break // no facts there: io.Pipe is known from internal/apis (FactGate)
		}
		if f := st.freshResult(fn); f != nil {
			if obj, ok := fn.Object().(*types.Func); ok {
				pass.ExportObjectFact(obj, f)
			}
		}
	}
	for _, fn := range fns {
		if fn.Synthetic != "" || rep.IsTestFile(fn.Pos()) {
			continue
		}
		for _, c := range st.creations(fn) {
			if st.freq.At(c.call).OnlyOnce() {
				// made once per process (a constructor only main
				// calls): one writer for the process, not a leak
				continue
			}
			st.check(rep, fn, c)
		}
	}
	return nil, nil
}

// relevant is the cheap check: does the package use any function or
// method whose result is a *io.PipeWriter, or a constructor from the
// settings?
func (st *state) relevant() bool {
	for _, obj := range st.pass.TypesInfo.Uses {
		if f, ok := obj.(*types.Func); ok && (writerResult(f) >= 0 || match.IsAny(f, st.ctors)) {
			return true
		}
	}
	return false
}

// writerResult returns the index of f's *io.PipeWriter result, or -1.
func writerResult(f *types.Func) int {
	sig, ok := f.Type().(*types.Signature)
	if !ok {
		return -1
	}
	for i := range sig.Results().Len() {
		if match.IsPointerTo(sig.Results().At(i).Type(), apis.IO, "PipeWriter") {
			return i
		}
	}
	return -1
}

func (st *state) creations(fn *ssa.Function) []*creation {
	var out []*creation
	for call := range match.Calls(fn) {
		if c := st.creationOf(call); c != nil {
			out = append(out, c)
		}
	}
	return out
}

func (st *state) creationOf(call *ssa.Call) *creation {
	common := call.Common()
	callee := match.CalleeObject(common)
	if callee == nil {
		return nil
	}
	idx := writerResult(callee)
	configured := match.IsAny(callee, st.ctors)
	if configured {
		idx = 0
	}
	if idx < 0 || callee.Type().(*types.Signature).Results().Len() == 0 {
		return nil
	}
	c := &creation{call: call, what: describe(callee)}
	switch {
	case configured:
		c.noun = types.TypeString(callee.Type().(*types.Signature).Results().At(0).Type(), func(p *types.Package) string { return p.Name() })
		c.why = describe(callee) + " is a writer constructor in ctrlvet's settings"
	case match.Is(callee, apis.Func{Pkg: apis.IO, Name: "Pipe"}):
		c.reader = result(call, 0)
		if c.reader == nil {
			return nil // nobody reads the pipe: no goroutine waits on it
		}
	case match.IsAny(callee, apis.PipeWriterConstructors), common.IsInvoke():
		// logrus, or a project's logging interface (Traefik's
		// log.Logger.WriterLevel): a fresh writer with a reading
		// goroutine.
	default:
		if !st.freshCallee(common, callee) {
			return nil
		}
	}
	c.writer = result(call, idx)
	if c.writer == nil {
		c.writer = call
	}
	return c
}

func (st *state) freshCallee(common *ssa.CallCommon, callee *types.Func) bool {
	if sf := common.StaticCallee(); sf != nil && sf.Pkg != nil && sf.Pkg.Pkg == st.pass.Pkg {
		return st.freshResult(sf) != nil
	}
	var f freshWriterFact
	return callee.Pkg() != st.pass.Pkg && st.pass.ImportObjectFact(callee, &f)
}

// freshResult reports whether fn returns a new writer it made (or got
// from a constructor) without closing it.
func (st *state) freshResult(fn *ssa.Function) *freshWriterFact {
	if f, ok := st.fresh[fn]; ok {
		return f
	}
	if st.visiting[fn] || fn.Object() == nil {
		return nil
	}
	obj, _ := fn.Object().(*types.Func)
	if obj == nil || writerResult(obj) < 0 {
		return nil
	}
	st.visiting[fn] = true
	defer func() { st.visiting[fn] = false }()
	var fact *freshWriterFact
	for _, c := range st.creations(fn) {
		res := resource.Track(st.policy, fn, c.call, c.writer, nil)
		if res.Unknown || res.Released || res.Escaped {
			continue
		}
		for i := range res.Returned {
			if i == writerResult(obj) {
				fact = &freshWriterFact{Result: i}
			}
		}
	}
	st.fresh[fn] = fact
	return fact
}

func (st *state) check(rep *diag.Reporter, fn *ssa.Function, c *creation) {
	res := resource.Track(st.policy, fn, c.call, c.writer, nil)
	if res.Unknown || !res.Never() {
		return
	}
	if c.reader != nil {
		rr := resource.Track(st.reader, fn, c.call, c.reader, nil)
		if rr.Unknown || rr.Released {
			return
		}
	}
	start, end := diag.CallRange(st.pass, c.call.Pos())
	noun, why := "*io.PipeWriter", ""
	if c.noun != "" {
		noun, why = c.noun, "; "+c.why
	}
	d := analysis.Diagnostic{
		Pos: start,
		End: end,
		Message: fmt.Sprintf("%s from %s is never closed: the goroutine reading its pipe blocks for ever, one per call of %s; "+
			"close it when done or make one writer for the process%s", noun, c.what, match.FuncName(fn), why),
	}
	if res.LostAt.IsValid() && res.LostAt != c.call.Pos() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: res.LostAt, Message: "handed on here as an io.Writer, which nobody can close"})
	}
	rep.Report(d)
}

func result(call *ssa.Call, i int) ssa.Value {
	if _, ok := call.Type().(*types.Tuple); !ok {
		if i == 0 {
			return call
		}
		return nil
	}
	if refs := call.Referrers(); refs != nil {
		for _, r := range *refs {
			if e, ok := r.(*ssa.Extract); ok && e.Index == i {
				return e
			}
		}
	}
	return nil
}

// describe names a callee for messages: io.Pipe, logrus Entry.WriterLevel,
// log.Logger.WriterLevel.
func describe(f *types.Func) string {
	sig, _ := f.Type().(*types.Signature)
	pkg := ""
	if f.Pkg() != nil {
		pkg = f.Pkg().Name() + " "
	}
	if sig != nil && sig.Recv() != nil {
		recv := match.RecvName(sig.Recv().Type())
		if recv == "" {
			return pkg + f.Name()
		}
		return pkg + recv + "." + f.Name()
	}
	return strings.TrimSuffix(pkg, " ") + "." + f.Name()
}
