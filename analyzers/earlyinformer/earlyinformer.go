package earlyinformer

import (
	_ "embed"
	"fmt"
	"go/token"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/diag"
	"github.com/ctrlvet/ctrlvet/internal/docutil"
	"github.com/ctrlvet/ctrlvet/internal/guard"
)

//go:embed doc.go
var docFile string

const name = "earlyinformer"

// Analyzer reports informers started on every replica whose consumers all
// run on the leader.
var Analyzer = New(ctrlmodel.Analyzer)

// New returns the analyzer on top of model, a ctrlmodel analyzer (made by
// ctrlmodel.New from the settings, shared by all the analyzers of a run).
func New(model *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      docutil.Extract(docFile, name),
		URL:      "https://github.com/ctrlvet/ctrlvet/blob/main/docs/earlyinformer.md",
		Requires: []*analysis.Analyzer{model},
		Run: guard.Run(name, func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[model].(*ctrlmodel.Model))
		}),
	}
}

func run(pass *analysis.Pass, m *ctrlmodel.Model) (any, error) {
	if !m.Relevant || m.NoStandbys {
		return nil, nil
	}
	rep := diag.New(pass, name)
	for _, inf := range m.Informers() {
		check(pass, m, rep, inf)
	}
	for _, inf := range m.ForeignInformers() {
		checkForeign(pass, m, rep, inf)
	}
	return nil, nil
}

// checkForeign reports an informer of another package that a call here
// creates on every replica (its summary says that only leader-only code
// consumes it).
func checkForeign(pass *analysis.Pass, m *ctrlmodel.Model, rep *diag.Reporter, inf ctrlmodel.ForeignInformer) {
	if slices.Contains(inf.Ignore, name) {
		return
	}
	started := "its cache starts with the manager, on every replica"
	if inf.Started != "" {
		started = fmt.Sprintf("its factory is started in %s, on every replica", inf.Started)
	}
	msg := fmt.Sprintf("%s creates an informer for %s (in %s) here, on every replica, and %s, but everything that consumes it (%s) runs only on the leader: "+
		"standby replicas hold its cache and watch for nothing; call it from leader-only code, or consume the informer on every replica",
		inf.SiteCallee, inf.Resource, inf.Func, started, inf.Consumer)
	start, end := diag.CallRange(pass, inf.Site)
	d := analysis.Diagnostic{Pos: start, End: end, Message: msg}
	for _, r := range []struct{ pos, msg string }{
		{inf.Pos, "the informer is created here"},
		{inf.StartPos, "started here"},
		{inf.ConsumerPos, "consumed here, only on the leader"},
		{inf.GatePos, "leader gate: " + inf.Gate},
	} {
		if p := m.PosOf(r.pos); p.IsValid() {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: p, Message: r.msg})
		}
	}
	rep.Report(d)
}

func check(pass *analysis.Pass, m *ctrlmodel.Model, rep *diag.Reporter, inf *ctrlmodel.Informer) {
	if inf.Unknown || len(inf.Consumer) == 0 || m.RoleAt(inf.Create) != ctrlmodel.Every {
		return
	}
	for _, f := range inf.Others() {
		if m.RoleOf(f) != ctrlmodel.Every {
			return
		}
	}
	started := "its cache starts with the manager, on every replica"
	if inf.IsFactory() {
		if inf.Start == nil || m.RoleAt(inf.Start) != ctrlmodel.Every {
			return
		}
		started = fmt.Sprintf("its factory is started in %s, on every replica", m.Describe(inf.StartFn))
	}
	for _, c := range inf.Consumer {
		if c.Role != ctrlmodel.Leader {
			return
		}
	}
	first := inf.Consumer[0]
	msg := fmt.Sprintf("informer for %s is created in %s and %s, but everything that consumes it (%s in %s) runs only on the leader: "+
		"standby replicas hold its cache and watch for nothing; create and start it from leader-only code, or consume it on every replica",
		inf.Resource, m.Describe(inf.Fn), started, first.What, consumerPlace(m, first))
	start, end := diag.CallRange(pass, inf.Create.Pos())
	d := analysis.Diagnostic{Pos: start, End: end, Message: msg}
	if inf.Start != nil {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: inf.Start.Pos(), Message: "started here, on every replica"})
	}
	seen := make(map[token.Pos]bool)
	for _, c := range inf.Consumer {
		if c.Pos.IsValid() && !seen[c.Pos] {
			seen[c.Pos] = true
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: c.Pos, Message: "consumed here, only on the leader"})
		}
	}
	if g, ok := consumerGate(m, first); ok && g.Pos.IsValid() {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: g.Pos, Message: "leader gate: " + g.What})
	}
	diag.SortRelated(d.Related)
	rep.Report(d)
}

// consumerGate is the leader gate of a consumer: a wait before it in its
// function, or the gate of its function.
func consumerGate(m *ctrlmodel.Model, c ctrlmodel.Consumer) (ctrlmodel.Gate, bool) {
	if c.Instr != nil {
		return m.GateAt(c.Instr)
	}
	return m.GateOf(c.Fn)
}

// consumerPlace says where a consumer runs: its function, or the code
// after a wait for the election in it.
func consumerPlace(m *ctrlmodel.Model, c ctrlmodel.Consumer) string {
	if c.Instr != nil {
		if g, ok := m.WaitBefore(c.Instr); ok {
			return "the code after " + g.After + " in " + m.Describe(c.Fn)
		}
	}
	return m.Describe(c.Fn)
}
