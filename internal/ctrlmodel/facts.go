package ctrlmodel

import (
	"fmt"
	"strings"
)

// ChanFact is attached to a struct field of channel type: the channel
// operations on it in the field's own package, and the roots (functions of
// that package with no caller there) from which each is reached.
type ChanFact struct {
	Sends []OpSummary
	Recvs []OpSummary
}

// OpSummary is one channel operation, as seen from another package.
type OpSummary struct {
	Pos      string    // file:line:col
	Func     string    // the function holding it (Type.Method or Func)
	Blocking bool      // a send that can block
	Roots    []RootRef // where it is reached from
}

// RootRef names a function of the fact's package that has no caller there:
// a method (Type != "") or a package-level function.
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
		fmt.Fprintf(&b, " from %s)", roots(s.Roots))
	}
	for _, r := range f.Recvs {
		fmt.Fprintf(&b, " recv(%s from %s)", r.Func, roots(r.Roots))
	}
	return b.String()
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

// PackageFact marks a package that exports controller facts.
type PackageFact struct{}

// AFact implements analysis.Fact.
func (*PackageFact) AFact()         {}
func (*PackageFact) String() string { return "controllerfacts" }
