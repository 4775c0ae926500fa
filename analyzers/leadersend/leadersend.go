package leadersend

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/diag"
	"github.com/ctrlvet/ctrlvet/internal/docutil"
	"github.com/ctrlvet/ctrlvet/internal/guard"
	"github.com/ctrlvet/ctrlvet/internal/match"
	"github.com/ctrlvet/ctrlvet/internal/resource"
)

//go:embed doc.go
var docFile string

const name = "leadersend"

// Analyzer reports sends that block for ever on standby replicas.
var Analyzer = New(ctrlmodel.Analyzer)

// New returns the analyzer on top of model, a ctrlmodel analyzer (made by
// ctrlmodel.New from the settings, shared by all the analyzers of a run).
func New(model *analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     name,
		Doc:      docutil.Extract(docFile, name),
		URL:      "https://github.com/ctrlvet/ctrlvet/blob/main/docs/leadersend.md",
		Requires: []*analysis.Analyzer{model},
		Run: guard.Run(name, func(pass *analysis.Pass) (any, error) {
			return run(pass, pass.ResultOf[model].(*ctrlmodel.Model))
		}),
	}
}

const whyHandler = "on standby replicas the handler blocks for ever and client-go buffers every later event for it without bound"

func run(pass *analysis.Pass, m *ctrlmodel.Model) (any, error) {
	if !m.Relevant || m.NoStandbys {
		return nil, nil
	}
	rep := diag.New(pass, name)
	senders := sendersOf(m)
	for _, ch := range m.Channels() {
		check(pass, m, rep, ch)
		checkRecv(m, rep, ch, senders)
	}
	for _, wg := range m.WaitGroups() {
		checkWait(m, rep, wg)
	}
	for _, c := range m.Conds() {
		checkCond(m, rep, c)
	}
	return nil, nil
}

// receivers returns where the channel's receivers run, a description of
// one of them (the operation when it is here, or a related location when
// it is in another package), and whether there is any.
func receivers(m *ctrlmodel.Model, ch *ctrlmodel.Channel) (role ctrlmodel.Role, desc string, local *ctrlmodel.Op, remote *analysis.RelatedInformation, any bool) {
	for _, r := range ch.Recvs {
		role |= m.RoleAt(r.Instr)
		if local == nil {
			local = r
			desc = m.Describe(r.Fn)
			if g, ok := m.WaitBefore(r.Instr); ok {
				desc = "the code after " + g.After + " in " + desc
			}
		}
	}
	for _, r := range ch.RemoteRecvs {
		role |= r.Role
		if desc == "" {
			desc = r.Func + " (" + shortPos(r.Pos) + ")"
			if p := m.PosOf(r.Pos); p.IsValid() {
				remote = &analysis.RelatedInformation{Pos: p, Message: "the only receiver, which runs only on the leader"}
			}
		}
	}
	return role, desc, local, remote, len(ch.Recvs)+len(ch.RemoteRecvs) > 0
}

func check(pass *analysis.Pass, m *ctrlmodel.Model, rep *diag.Reporter, ch *ctrlmodel.Channel) {
	if ch.Escaped {
		return
	}
	role, recvDesc, recvOp, remoteRecv, any := receivers(m, ch)
	if !any || !role.OnlyLeader() {
		return
	}
	related := func(extra ...analysis.RelatedInformation) []analysis.RelatedInformation {
		var rel []analysis.RelatedInformation
		if recvOp != nil {
			rel = append(rel, analysis.RelatedInformation{Pos: recvOp.Pos, Message: "the only receiver, which runs only on the leader"})
			if g, ok := m.GateAt(recvOp.Instr); ok && g.Pos.IsValid() {
				rel = append(rel, analysis.RelatedInformation{Pos: g.Pos, Message: "leader gate: " + g.What})
			}
		} else if remoteRecv != nil {
			rel = append(rel, *remoteRecv)
		}
		return append(rel, extra...)
	}
	// Sends in this package. Outside handlers, the first Cap sends of
	// every-replica code fit in the buffer.
	var plain []*ctrlmodel.Op
	for _, s := range ch.Sends {
		if s.Blocking && m.RoleAt(s.Instr)&ctrlmodel.Every != 0 && !m.InHandler(s.Fn) {
			plain = append(plain, s)
		}
	}
	sort.Slice(plain, func(i, j int) bool { return plain[i].Pos < plain[j].Pos })
	// how many of these sends run before each on every path, itself
	// included (computed once: a function may hold thousands)
	instrs := make([]ssa.Instruction, len(plain))
	for i, p := range plain {
		instrs[i] = p.Instr
	}
	onPath := resource.DominatingCounts(instrs)
	for _, s := range ch.Sends {
		if !s.Blocking || m.RoleAt(s.Instr)&ctrlmodel.Every == 0 {
			continue
		}
		var msg string
		switch {
		case m.InHandler(s.Fn):
			msg = fmt.Sprintf("send in %s can block for ever: it runs in an informer event handler on every replica, but its only receiver, %s, runs only on the leader; %s",
				m.Describe(s.Fn), recvDesc, whyHandler)
		case m.PerRequest(s.Fn):
			msg = fmt.Sprintf("send in %s blocks for ever on standby replicas: it runs in a reconciler on every replica, once per request, but the channel's only receiver, %s, runs only on the leader; once the buffer is full, each request holds a reconcile worker for ever",
				m.Describe(s.Fn), recvDesc)
		case s.InLoop || (ch.Cap >= 0 && onPath[s.Instr] > ch.Cap):
			msg = fmt.Sprintf("send in %s blocks for ever on standby replicas: it runs on every replica, but the channel's only receiver, %s, runs only on the leader, and %s",
				m.Describe(s.Fn), recvDesc, bufferNote(ch, onPath[s.Instr], s.InLoop))
		default:
			continue
		}
		fix := "; register the producer from leader-only code or make the send non-blocking"
		var why []analysis.RelatedInformation
		if g, ok := m.EveryGateOf(s.Fn); ok {
			fix = "; leave the controller leader-elected, as the receiver is, or make the send non-blocking"
			if g.Pos.IsValid() {
				why = append(why, analysis.RelatedInformation{Pos: g.Pos, Message: g.What})
			}
		}
		rep.Report(analysis.Diagnostic{Pos: s.Pos, Message: msg + fix, Related: related(why...)})
	}
	// Sends in other packages: on fields of handler objects wired here,
	// on channels passed here to an entry of another package, on a
	// channel of another package that an entry called here uses.
	reported := make(map[token.Pos]bool)
	for _, s := range ch.RemoteSends {
		if !s.Blocking || !ctrlmodel.RemoteHandlerSend(s) || s.Role&ctrlmodel.Every == 0 || s.Ignores(name) {
			continue
		}
		wired := false
		for _, w := range m.WiringsOf(s.Field) {
			wired = true
			if !wiredEverywhere(m, w) {
				continue
			}
			owner := ownerName(w.Alloc.Type())
			msg := fmt.Sprintf("%s.%s gets a channel whose only receiver, %s, runs only on the leader, but %s sends on it (%s) from an informer event handler registered on every replica; %s; register the handler from leader-only code, as the receiver runs",
				owner, s.Field.Name(), recvDesc, s.Func, shortPos(s.Pos), whyHandler)
			rep.Report(analysis.Diagnostic{Pos: wiringPos(pass, w), Message: msg, Related: related(append(registrationsOf(m, w), sendRelated(m, s)...)...)})
			break
		}
		if wired || !s.Site.IsValid() || reported[s.Site] || (s.Field != nil && !foreignOnly(ch, s.Field)) {
			continue
		}
		reported[s.Site] = true
		what := "this channel"
		if s.Field != nil {
			what = "a channel"
		}
		msg := fmt.Sprintf("%s registers an informer event handler that sends on %s (%s), on every replica, but its only receiver, %s, runs only on the leader; %s; call it from leader-only code, as the receiver runs, or make the handler's send non-blocking",
			s.SiteCallee, what, shortPos(s.Pos), recvDesc, whyHandler)
		start, end := diag.CallRange(pass, s.Site)
		rep.Report(analysis.Diagnostic{Pos: start, End: end, Message: msg, Related: related(sendRelated(m, s)...)})
	}
}

// foreignOnly reports whether ch is a channel of another package's
// unexported field, with no operation here.
func foreignOnly(ch *ctrlmodel.Channel, f *types.Var) bool {
	return len(ch.IDs) == 1 && ch.IDs[0].Var == f && !f.Exported() && len(ch.Sends)+len(ch.Recvs) == 0
}

// sendRelated points at the send of another package, when its file is
// known here.
func sendRelated(m *ctrlmodel.Model, s ctrlmodel.RemoteOp) []analysis.RelatedInformation {
	if p := m.PosOf(s.Pos); p.IsValid() {
		return []analysis.RelatedInformation{{Pos: p, Message: "the send, in an informer event handler of " + s.Func}}
	}
	return nil
}

// wiredEverywhere reports whether the object a channel is wired into is
// registered from code that runs on every replica (or, when no
// registration of this very object is seen, whether its type is).
func wiredEverywhere(m *ctrlmodel.Model, w *ctrlmodel.Wiring) bool {
	var r ctrlmodel.Role
	for _, reg := range m.RegistrationsOf(w.Alloc) {
		r |= m.RegistrationRole(reg)
	}
	return r == 0 || r&ctrlmodel.Every != 0
}

func bufferNote(ch *ctrlmodel.Channel, n int, inLoop bool) string {
	if inLoop {
		return "the send runs in a loop, so the buffer fills"
	}
	if ch.Cap == 0 {
		return "the channel is unbuffered"
	}
	return fmt.Sprintf("%d sends run one after another there against a buffer of %d", n, ch.Cap)
}

// registrationsOf returns, as related information, where the handler that
// holds the wired field is registered.
func registrationsOf(m *ctrlmodel.Model, w *ctrlmodel.Wiring) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	seen := make(map[token.Pos]bool)
	for _, reg := range m.RegistrationsOf(w.Alloc) {
		if !seen[reg.Call.Pos()] {
			seen[reg.Call.Pos()] = true
			out = append(out, analysis.RelatedInformation{Pos: reg.Call.Pos(), Message: "the handler is registered here, on every replica"})
		}
	}
	return out
}

func wiringPos(pass *analysis.Pass, w *ctrlmodel.Wiring) token.Pos {
	if w.Store.Pos().IsValid() {
		return w.Store.Pos()
	}
	return w.Alloc.Pos()
}

// ownerName names the type of a wired object: pkg.Type.
func ownerName(t types.Type) string {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg().Name() + "." + n.Obj().Name()
	}
	return t.String()
}

func shortPos(p string) string {
	if i := strings.LastIndex(p, "/"); i >= 0 {
		return p[i+1:]
	}
	return p
}

// checkRecv reports receives that wait for ever on standby replicas:
// they run per event or per request on every replica, and every send and
// close that could release them runs only on the leader. Only channels
// whose every operation is in sight count: made here, or in an
// unexported field or variable of this package, never handed on.
//
// senders holds the functions that send on a channel: a wait there may
// answer a request the function made, which it reaches only once the
// request went through (the send rule judges the request).
func checkRecv(m *ctrlmodel.Model, rep *diag.Reporter, ch *ctrlmodel.Channel, senders map[*ssa.Function]bool) {
	if ch.Escaped || len(ch.RemoteSends)+len(ch.RemoteRecvs) > 0 || !private(m, ch) {
		return
	}
	releases := append(slices.Clone(ch.Sends), ch.Closes...)
	if len(releases) == 0 {
		return
	}
	for _, r := range releases {
		if !m.RoleAt(r.Instr).OnlyLeader() {
			return
		}
	}
	first := releases[0]
	for _, r := range releases[1:] {
		if r.Pos < first.Pos {
			first = r
		}
	}
	partner := "sender"
	if first.Kind == ctrlmodel.Close {
		partner = "closer"
	}
	if len(releases) > 1 {
		partner = "senders and closers"
	}
	desc := m.Describe(first.Fn)
	if g, ok := m.WaitBefore(first.Instr); ok {
		desc = "the code after " + g.After + " in " + desc
	}
	related := []analysis.RelatedInformation{{Pos: first.Pos, Message: "the only release, which runs only on the leader"}}
	if g, ok := m.GateAt(first.Instr); ok && g.Pos.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: g.Pos, Message: "leader gate: " + g.What})
	}
	for _, r := range ch.Recvs {
		if !r.Waits || m.RoleAt(r.Instr)&ctrlmodel.Every == 0 || senders[r.Fn] {
			continue
		}
		var msg string
		switch {
		case m.InHandler(r.Fn):
			msg = fmt.Sprintf("receive in %s can wait for ever: it runs in an informer event handler on every replica, but the channel's %s, %s, runs only on the leader; %s; register the handler from leader-only code or do not wait for the leader in it",
				m.Describe(r.Fn), partner, desc, whyHandler)
		case m.PerRequest(r.Fn):
			msg = fmt.Sprintf("receive in %s waits for ever on standby replicas: it runs in a reconciler on every replica, once per request, but the channel's %s, %s, runs only on the leader, so each request holds a reconcile worker for ever; leave the controller leader-elected or do not wait for the leader in it",
				m.Describe(r.Fn), partner, desc)
		default:
			continue
		}
		rel := slices.Clone(related)
		if g, ok := m.EveryGateOf(r.Fn); ok && g.Pos.IsValid() {
			rel = append(rel, analysis.RelatedInformation{Pos: g.Pos, Message: g.What})
		}
		rep.Report(analysis.Diagnostic{Pos: r.Pos, Message: msg, Related: rel})
	}
}

// sendersOf returns the functions that send, or call (through the
// package's static calls, three deep) a function whose send can block:
// a receive after such a send (a request, then its reply) is reached
// only once the send went through, and the send is the one to report.
func sendersOf(m *ctrlmodel.Model) map[*ssa.Function]bool {
	direct, senders := m.SendsIn()
	defer maps.Copy(senders, direct)
	for range 3 {
		var more []*ssa.Function
		for _, fn := range m.Funcs {
			if senders[fn] {
				continue
			}
			for call := range match.Calls(fn) {
				if senders[call.Call.StaticCallee()] {
					more = append(more, fn)
					break
				}
			}
		}
		if len(more) == 0 {
			break
		}
		for _, fn := range more {
			senders[fn] = true
		}
	}
	return senders
}

// private reports whether every operation on ch is in this package: it
// is made here, or held by an unexported field or variable of this
// package.
func private(m *ctrlmodel.Model, ch *ctrlmodel.Channel) bool {
	for _, id := range ch.IDs {
		switch {
		case id.Make != nil:
		case id.Var != nil && !id.Var.Exported() && id.Var.Pkg() == m.Pass.Pkg:
		default:
			return false
		}
	}
	return true
}

// checkWait reports sync.WaitGroup waits that last for ever on standby
// replicas: they run per event or per request on every replica, the
// group is added to on every replica, and every Done runs only on the
// leader.
func checkWait(m *ctrlmodel.Model, rep *diag.Reporter, wg *ctrlmodel.WaitGroup) {
	if len(wg.Dones) == 0 || len(wg.Gos) > 0 {
		return
	}
	for _, d := range wg.Dones {
		if !m.RoleAt(d).OnlyLeader() {
			return
		}
	}
	var add ssa.CallInstruction
	for _, a := range wg.Adds {
		if m.RoleAt(a)&ctrlmodel.Every != 0 {
			add = a
			break
		}
	}
	if add == nil {
		return // on standbys the count stays zero: Wait returns at once
	}
	done := wg.Dones[0]
	desc := m.Describe(done.Parent())
	related := []analysis.RelatedInformation{
		{Pos: done.Pos(), Message: "the only Done, which runs only on the leader"},
		{Pos: add.Pos(), Message: "the Add, which runs on every replica"},
	}
	if g, ok := m.GateAt(done); ok && g.Pos.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: g.Pos, Message: "leader gate: " + g.What})
	}
	reportWaits(m, rep, wg.Waits, related, "WaitGroup.Wait", "where the group is added to, but its only Done, in "+desc+",")
}

// reportWaits reports each wait of waits that runs on every replica in an
// informer handler or a per-request reconciler, whose release (what, "but
// ... in F,") runs only on the leader.
func reportWaits(m *ctrlmodel.Model, rep *diag.Reporter, waits []ssa.CallInstruction, related []analysis.RelatedInformation, call, release string) {
	for _, w := range waits {
		if m.RoleAt(w)&ctrlmodel.Every == 0 {
			continue
		}
		var msg string
		switch {
		case m.InHandler(w.Parent()):
			msg = fmt.Sprintf("%s in %s can wait for ever: it runs in an informer event handler on every replica, %s runs only on the leader; %s; register the handler from leader-only code or do not wait for the leader in it",
				call, m.Describe(w.Parent()), release, whyHandler)
		case m.PerRequest(w.Parent()):
			msg = fmt.Sprintf("%s in %s waits for ever on standby replicas: it runs in a reconciler on every replica, once per request, %s runs only on the leader, so each request holds a reconcile worker for ever; leave the controller leader-elected or do not wait for the leader in it",
				call, m.Describe(w.Parent()), release)
		default:
			continue
		}
		rel := slices.Clone(related)
		if g, ok := m.EveryGateOf(w.Parent()); ok && g.Pos.IsValid() {
			rel = append(rel, analysis.RelatedInformation{Pos: g.Pos, Message: g.What})
		}
		start, end := diag.CallRange(m.Pass, w.Pos())
		rep.Report(analysis.Diagnostic{Pos: start, End: end, Message: msg, Related: rel})
	}
}

// checkCond reports sync.Cond waits that last for ever on standby
// replicas: they run per event or per request on every replica, and
// every Signal and Broadcast runs only on the leader.
func checkCond(m *ctrlmodel.Model, rep *diag.Reporter, c *ctrlmodel.Cond) {
	if len(c.Wakes) == 0 {
		return // nothing wakes it anywhere: strandedgoroutine's case
	}
	for _, w := range c.Wakes {
		if !m.RoleAt(w).OnlyLeader() {
			return
		}
	}
	wake := c.Wakes[0]
	desc := m.Describe(wake.Parent())
	related := []analysis.RelatedInformation{{Pos: wake.Pos(), Message: "the only wake-up, which runs only on the leader"}}
	if g, ok := m.GateAt(wake); ok && g.Pos.IsValid() {
		related = append(related, analysis.RelatedInformation{Pos: g.Pos, Message: "leader gate: " + g.What})
	}
	reportWaits(m, rep, c.Waits, related, "Cond.Wait", "but every Signal or Broadcast, in "+desc+",")
}
