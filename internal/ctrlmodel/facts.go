package ctrlmodel

import (
	"fmt"
	"slices"
	"strings"
)

// ChanFact is attached to a struct field of channel type: the channel
// operations on it in the field's own package, and the roots (functions of
// that package with no caller there) from which each is reached.
type ChanFact struct {
	Sends []OpSummary
	Recvs []OpSummary
}

// OpSummary is one channel operation, as seen from another package. Its
// role is a summary: Role where it runs whatever happens elsewhere, plus
// the roles of the callers of Roots, which only an importer can know.
type OpSummary struct {
	Pos      string    // file:line:col
	Func     string    // the function holding it (Type.Method or Func)
	Blocking bool      // a send that can block
	Handler  bool      // in informer event handler code
	Role     Role      // the concrete part of its role (0: none)
	Roots    []RootRef // the symbolic part: it runs where these run
	Ignore   []string  // analyzers a //ctrlvet:ignore at the operation silences
	// CtrlDefault: its Leader role comes, in part, from a controller
	// that is leader-elected only by controller-runtime's defaults,
	// which the manager of an importer may change (config.Controller)
	CtrlDefault dfltKind
}

// Ignores reports whether a //ctrlvet:ignore at the operation silences
// the analyzer called name.
func (s OpSummary) Ignores(name string) bool { return slices.Contains(s.Ignore, name) }

// RootRef names a function of the fact's package whose role only its
// importers can tell (the symbolic role "where my callers run"): an
// exported function or method, an event handler method of a type that
// another package registers, a runnable's Start.
type RootRef struct {
	Type, Name string
}

func (r RootRef) String() string {
	if r.Type != "" {
		return r.Type + "." + r.Name
	}
	return r.Name
}

// AFact implements analysis.Fact.
func (*ChanFact) AFact() {}

func (f *ChanFact) String() string {
	var b strings.Builder
	b.WriteString("chan")
	for _, s := range f.Sends {
		fmt.Fprintf(&b, " send(%s", s.Func)
		if s.Blocking {
			b.WriteString(",blocking")
		}
		fmt.Fprintf(&b, "%s)", where(s.Roots, s.Role))
	}
	for _, r := range f.Recvs {
		fmt.Fprintf(&b, " recv(%s%s)", r.Func, where(r.Roots, r.Role))
	}
	return b.String()
}

// where prints a summarised role: " from <roots>" and " on <role>".
func where(rs []RootRef, r Role) string {
	s := ""
	if len(rs) > 0 {
		s = " from " + roots(rs)
	}
	if r != 0 {
		s += " on " + r.String()
	}
	return s
}

func roots(rs []RootRef) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.String())
	}
	return strings.Join(s, "|")
}

// WrapperFact is attached to a function that returns an event handler
// forwarding to the handler passed as parameter Param (client-go filters,
// Contour's NewNamespaceFilter).
type WrapperFact struct{ Param int }

// AFact implements analysis.Fact.
func (*WrapperFact) AFact()           {}
func (f *WrapperFact) String() string { return fmt.Sprintf("wrapsHandler(param %d)", f.Param) }

// RegistrarFact is attached to a function that registers the event handler
// passed as parameter Param on an informer (a project helper around
// AddEventHandler): the handler runs wherever the helper is called.
type RegistrarFact struct{ Param int }

// AFact implements analysis.Fact.
func (*RegistrarFact) AFact()           {}
func (f *RegistrarFact) String() string { return fmt.Sprintf("registersHandler(param %d)", f.Param) }

// LeaderFact is attached to a type whose NeedLeaderElection method returns
// a constant.
type LeaderFact struct{ Need bool }

// AFact implements analysis.Fact.
func (*LeaderFact) AFact()           {}
func (f *LeaderFact) String() string { return fmt.Sprintf("needLeaderElection(%v)", f.Need) }

// PackageFact marks a package that exports controller facts. It holds the
// package's part of the cross-package call graph that roles need: its
// entries (the roots its facts name, whose role its importers decide), and
// its edges to the entries of the packages it imports.
type PackageFact struct {
	Entries   []string // RootRef.String() of this package's entries
	Edges     []Edge
	Informers []InformerSummary
}

// InformerSummary is an informer that the package creates (and starts)
// in code whose role only its importers can tell, and that only
// leader-only code consumes: an importer that runs its entries on every
// replica completes earlyinformer's finding.
type InformerSummary struct {
	Resource    string
	Pos         string // where it is created
	Func        string // the function that creates it
	Started     string // client-go: the function that starts its factory ("": a manager's cache)
	StartPos    string
	Consumer    string // what consumes it, and where ("receive in writer.Start")
	ConsumerPos string
	Gate        string // the consumer's leader gate
	GatePos     string
	Roots       []RootRef // where it is created and started: where these run
	Ignore      []string
	// ConsumerDefault: a consumer is leader-only only by a controller's
	// defaults (see OpSummary.CtrlDefault)
	ConsumerDefault dfltKind
}

// Edge says that this package calls (or registers, for an event handler
// method) an entry of another package: from code whose role is Role, and
// from code that runs where the callers of From run.
type Edge struct {
	To   string // the entry: package path + "." + RootRef.String()
	Role Role
	From []RootRef // entries of this package
}

// AFact implements analysis.Fact.
func (*PackageFact) AFact() {}
func (f *PackageFact) String() string {
	var b strings.Builder
	b.WriteString("controllerfacts")
	for _, e := range f.Edges {
		fmt.Fprintf(&b, " edge(%s%s)", e.To, where(e.From, e.Role))
	}
	for _, inf := range f.Informers {
		fmt.Fprintf(&b, " informer(%s from %s)", inf.Resource, roots(inf.Roots))
	}
	return b.String()
}

// SummaryFact is attached to an exported function or method (an entry)
// that takes channels: what it and the code it reaches do with each of
// them, so that an importer can complete the channel where it calls it.
type SummaryFact struct {
	Params []ParamSummary
}

// ParamSummary is what an entry does with its channel parameter Index
// (the receiver of a method counts as parameter 0).
type ParamSummary struct {
	Index   int
	Escaped bool // handed to code the model cannot see
	Sends   []OpSummary
	Recvs   []OpSummary
}

// AFact implements analysis.Fact.
func (*SummaryFact) AFact() {}
func (f *SummaryFact) String() string {
	var b strings.Builder
	b.WriteString("summary")
	for _, p := range f.Params {
		fmt.Fprintf(&b, " param%d(", p.Index)
		var ops []string
		if p.Escaped {
			ops = append(ops, "escaped")
		}
		for _, s := range p.Sends {
			op := "send(" + s.Func
			if s.Blocking {
				op += ",blocking"
			}
			if s.Handler {
				op += ",handler"
			}
			ops = append(ops, op+where(s.Roots, s.Role)+")")
		}
		for _, r := range p.Recvs {
			ops = append(ops, "recv("+r.Func+where(r.Roots, r.Role)+")")
		}
		b.WriteString(strings.Join(ops, " ") + ")")
	}
	return b.String()
}
