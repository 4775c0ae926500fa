package ctrlmodel

import (
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/internal/diag"
)

// Summaries: where code runs, across packages.
//
// A package cannot know where its exported functions run: only the
// packages that call them can. So the role of a piece of code is kept in
// two parts: a concrete role (Leader, Every, Unknown), from the roots the
// package sees (main, a leader-elected Start, a leader callback), and a
// symbolic one, the entries of the package it is reached from (exported
// functions and methods, handler methods of types registered elsewhere):
// "where the callers of these entries run". The facts carry both parts.
// An importer substitutes the roles of its own call sites for the
// entries; where its call sites are in its own entries, it records an
// edge in its PackageFact, so that its importers go on (nilaway's
// accumulation). The package where the role becomes concrete reports.

// symRole is the summary of where a function runs.
type symRole struct {
	role  Role
	roots []RootRef
	dflt  dfltKind // some of its Leader comes from a controller's defaults
}

// maxSymbolicWalk bounds the walk from a function to its roots.
const maxSymbolicWalk = 256

// symbolic returns where fn runs, as a concrete role and the entries of
// the package whose callers' roles it also takes.
func (m *Model) symbolic(fn *ssa.Function) (Role, []RootRef) {
	if s, ok := m.sum.sym[fn]; ok {
		return s.role, s.roots
	}
	var role Role
	var roots []RootRef
	dflt := dfltNone
	seen := make(map[*ssa.Function]bool)
	work := []*ssa.Function{fn}
	for len(work) > 0 {
		if len(seen) >= maxSymbolicWalk {
			role |= Unknown
			break
		}
		f := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[f] {
			continue
		}
		seen[f] = true
		known := false
		if b := m.base[f]; b != 0 {
			role |= b
			known = true
			if d := m.ctrlDefault[f]; b&Leader != 0 && d > dflt {
				dflt = d
			}
		}
		for _, reg := range m.handlerRegs[f] {
			known = true
			if _, ok := m.electedBefore(reg.Call); ok {
				role |= Leader
				continue
			}
			work = append(work, reg.Fn)
		}
		for _, c := range m.callers[f] {
			known = true
			k := m.edges[edge{c, f}]
			if k&afterElected != 0 {
				role |= Leader
			}
			if k&plainCall != 0 || k == 0 {
				work = append(work, c)
			}
		}
		switch {
		case m.base[f] == 0 && len(m.handlerRegs[f]) == 0 && isEntry(f):
			// exported: its importers may call it too
			roots = addRoot(roots, rootRefOf(f))
		case known:
		case f.Parent() == nil && f.Signature.Recv() != nil && (slices.Contains(handlerMethodNames, f.Name()) || isRunnableStart(f)):
			// a handler method or a Start: an importer knows where
			// the type is registered or added
			roots = addRoot(roots, rootRefOf(f))
		default:
			role |= Unknown
		}
	}
	if m.NoStandbys && role&Leader != 0 {
		role = role&^Leader | Every
	}
	sort.Slice(roots, func(i, j int) bool { return roots[i].String() < roots[j].String() })
	m.sum.sym[fn] = symRole{role, roots, dflt}
	return role, roots
}

// defaultLeaderAt reports whether where instr runs is on the leader,
// in part, only by a controller's defaults (see ctrlDefault).
func (m *Model) defaultLeaderAt(instr ssa.Instruction) dfltKind {
	if _, ok := m.electedBefore(instr); ok {
		return dfltNone
	}
	m.symbolic(instr.Parent())
	return m.sum.sym[instr.Parent()].dflt
}

// Symbolic returns where fn runs as its package's summaries say it: a
// concrete role (0 when there is none) and the entries of the package
// whose callers' roles it also takes (the symbolic role "where my
// callers run", which importers complete).
func (m *Model) Symbolic(fn *ssa.Function) (Role, []RootRef) {
	m.sum.mu.Lock()
	defer m.sum.mu.Unlock()
	return m.symbolic(fn)
}

// EntryRole returns where a function or method of another package runs,
// seen from this package: the roles of its call sites here and, through
// their summaries, in the packages between; Unknown when none is seen.
func (m *Model) EntryRole(f *types.Func) Role {
	m.sum.mu.Lock()
	defer m.sum.mu.Unlock()
	if f == nil || f.Pkg() == nil || f.Pkg() == m.Pass.Pkg {
		return Unknown
	}
	r := RootRef{Name: f.Name()}
	if sig, ok := f.Type().(*types.Signature); ok && sig.Recv() != nil {
		if n := namedOf(sig.Recv().Type()); n != nil {
			r.Type = n.Obj().Name()
		}
	}
	return m.rootRole(f.Pkg(), r).role
}

// ArgsOf returns the values passed for parameter p at every static call
// of its function in this package, and false when there is none or when
// the function is also used as a value (then its callers are not all
// known).
func (m *Model) ArgsOf(p *ssa.Parameter) ([]ssa.Value, bool) {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	if i < 0 || fn.Parent() != nil {
		return nil, false
	}
	sites := m.callSites(fn)
	if len(sites) == 0 {
		return nil, false
	}
	if m.calls.UsedAsValue(fn) {
		return nil, false // taken as a value
	}
	var out []ssa.Value
	for _, s := range sites {
		args := s.Common().Args
		if i >= len(args) {
			return nil, false
		}
		out = append(out, args[i])
	}
	return out, true
}

// symbolicAt is the summary of where an instruction runs: on the leader
// after a wait for the election, else where its function runs.
func (m *Model) symbolicAt(instr ssa.Instruction) (Role, []RootRef) {
	if _, ok := m.electedBefore(instr); ok {
		return Leader, nil
	}
	return m.symbolic(instr.Parent())
}

func addRoot(roots []RootRef, r RootRef) []RootRef {
	if slices.Contains(roots, r) {
		return roots
	}
	return append(roots, r)
}

// isEntry reports whether other packages can call f by name: an exported
// function, or an exported method of an exported type, outside package
// main.
func isEntry(f *ssa.Function) bool {
	if f.Parent() != nil || f.Synthetic != "" || f.Pkg == nil || f.Pkg.Pkg.Name() == "main" {
		return false
	}
	obj, ok := f.Object().(*types.Func)
	if !ok || !obj.Exported() {
		return false
	}
	if recv := f.Signature.Recv(); recv != nil {
		n := namedOf(recv.Type())
		return n != nil && n.Obj().Exported()
	}
	return true
}

func rootRefOf(f *ssa.Function) RootRef {
	r := RootRef{Name: f.Name()}
	if recv := f.Signature.Recv(); recv != nil {
		if n := namedOf(recv.Type()); n != nil {
			r.Type = n.Obj().Name()
		}
	}
	return r
}

// funcKey names a function or method across packages: its package path,
// its receiver's type name and its name.
func funcKey(obj *types.Func) string {
	if obj == nil || obj.Pkg() == nil {
		return ""
	}
	name := obj.Name()
	if sig, ok := obj.Type().(*types.Signature); ok && sig.Recv() != nil {
		n := namedOf(sig.Recv().Type())
		if n == nil {
			return ""
		}
		name = n.Obj().Name() + "." + name
	}
	return obj.Pkg().Path() + "." + name
}

func rootKey(pkg *types.Package, r RootRef) string { return pkg.Path() + "." + r.String() }

// site is a place in this package where an entry of another package is
// called, passed as a function value, or (for handler methods) where its
// type is registered.
type site struct {
	instr  ssa.Instruction
	callee string // what is called there, for messages (pkg.F)
}

// foreignSites returns this package's sites of the functions of other
// packages, by funcKey (handler methods: by the handler type's key and
// the method name).
func (m *Model) foreignSites() map[string][]site {
	if m.sum.sites != nil {
		return m.sum.sites
	}
	out := make(map[string][]site)
	m.sum.sites = out
	add := func(f *ssa.Function, instr ssa.Instruction) {
		f = unbound(f)
		obj, ok := f.Object().(*types.Func)
		if !ok || obj.Pkg() == nil || obj.Pkg() == m.Pass.Pkg {
			return
		}
		key := funcKey(obj)
		if key == "" {
			return
		}
		if ss := out[key]; len(ss) > 0 && ss[len(ss)-1].instr == instr {
			return
		}
		out[key] = append(out[key], site{instr: instr, callee: shortFunc(obj)})
	}
	for _, fn := range m.Funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if _, ok := instr.(*ssa.Store); ok {
					continue // stored, not called: unknown
				}
				var ops []*ssa.Value
				for _, op := range instr.Operands(ops) {
					if op == nil || *op == nil {
						continue
					}
					if f, ok := (*op).(*ssa.Function); ok {
						add(f, instr)
					}
				}
			}
		}
	}
	for _, reg := range m.regs {
		for _, o := range reg.Origins {
			if o.Type == nil || o.Type.Obj().Pkg() == nil || o.Type.Obj().Pkg() == m.Pass.Pkg || len(o.Funcs) > 0 || isHandlerFuncs(o.Type) {
				continue
			}
			for _, name := range handlerMethodNames {
				key := typeKey(o.Type) + "." + name
				out[key] = append(out[key], site{instr: reg.Call, callee: "the registration"})
			}
		}
	}
	return out
}

// depEdge is an edge of another package's PackageFact.
type depEdge struct {
	pkg *types.Package
	Edge
}

// depEdges indexes the edges of every package this one depends on, by
// the entry they reach.
func (m *Model) depEdges() map[string][]depEdge {
	if m.sum.edges != nil {
		return m.sum.edges
	}
	m.sum.edges = make(map[string][]depEdge)
	m.sum.entries = make(map[*types.Package][]string)
	for _, pf := range m.Pass.AllPackageFacts() {
		f, ok := pf.Fact.(*PackageFact)
		if !ok || pf.Package == m.Pass.Pkg {
			continue
		}
		m.sum.entries[pf.Package] = f.Entries
		for _, e := range f.Edges {
			m.sum.edges[e.To] = append(m.sum.edges[e.To], depEdge{pf.Package, e})
		}
	}
	return m.sum.edges
}

// rootResult is where an entry of another package runs, seen from here,
// and a site of this package that makes it run on every replica.
type rootResult struct {
	role Role
	site site
}

// rootRole returns where an entry of another package runs, as far as
// this package and the packages it imports know: the roles of the sites
// that call it here, of the sites in the packages between (through their
// edges), and its own leader election for a runnable's Start. It is
// Unknown when none is seen.
func (m *Model) rootRole(pkg *types.Package, r RootRef) rootResult {
	key := rootKey(pkg, r)
	if res, ok := m.sum.root[key]; ok {
		return res
	}
	m.sum.root[key] = rootResult{role: Unknown} // in progress: a cycle adds nothing known
	var res rootResult
	note := func(role Role, s site) {
		res.role |= role
		if res.site.instr == nil && role&Every != 0 && s.instr != nil {
			res.site = s
		}
	}
	for _, s := range m.foreignSites()[key] {
		note(m.RoleAt(s.instr), s)
	}
	if r.Name == "Start" && r.Type != "" {
		if obj := pkg.Scope().Lookup(r.Type); obj != nil {
			info := m.leaderOf(obj.Type())
			switch {
			case info.known && info.need, !info.has && m.added[typeKey(obj.Type())]:
				res.role |= Leader
			case info.known:
				res.role |= Every
			}
		}
	}
	for _, e := range m.depEdges()[key] {
		res.role |= e.Role
		for _, from := range e.From {
			sub := m.rootRole(e.pkg, from)
			note(sub.role, sub.site)
		}
	}
	if res.role == 0 {
		res.role = Unknown
	}
	if m.NoStandbys && res.role&Leader != 0 {
		res.role = res.role&^Leader | Every
	}
	m.sum.root[key] = res
	return res
}

// remoteRole is where an operation of another package runs, seen from
// here: its concrete role and the roles of its entries.
func (m *Model) remoteRole(pkg *types.Package, s OpSummary) rootResult {
	res := rootResult{role: s.Role}
	for _, r := range s.Roots {
		sub := m.rootRole(pkg, r)
		res.role |= sub.role
		if res.site.instr == nil && sub.role&Every != 0 {
			res.site = sub.site
		}
	}
	if res.role == 0 {
		res.role = Unknown
	}
	return m.localManager(res, s.CtrlDefault)
}

// localManager applies this package's manager to where an operation of
// another package runs: with no standbys, the leader is every replica;
// a leader-only role that only a controller's defaults give (ctrlDefault)
// is unknown when this package's manager may change those defaults.
func (m *Model) localManager(res rootResult, d dfltKind) rootResult {
	if m.mgrOverrides(d) && res.role&Leader != 0 {
		res.role = res.role&^Leader | Unknown
	}
	if m.NoStandbys && res.role&Leader != 0 {
		res.role = res.role&^Leader | Every
	}
	return res
}

// remoteSymbolic is the summary, for this package's facts, of where an
// operation of another package runs: its concrete role, the concrete
// roles of the sites here and in the packages between, and the entries of
// this package that hold sites.
func (m *Model) remoteSymbolic(pkg *types.Package, s OpSummary) (Role, []RootRef) {
	role := s.Role
	var roots []RootRef
	for _, r := range s.Roots {
		key := rootKey(pkg, r)
		sites := m.foreignSites()[key]
		for _, st := range sites {
			c, rs := m.symbolicAt(st.instr)
			role |= c
			for _, x := range rs {
				roots = addRoot(roots, x)
			}
		}
		edges := m.depEdges()[key]
		for _, e := range edges {
			role |= e.Role
			for _, from := range e.From {
				role |= m.rootRole(e.pkg, from).role
			}
		}
		if len(sites) == 0 && len(edges) == 0 {
			// a handler method or Start with no site in sight, or an
			// entry nobody here calls: decided by rootRole
			role |= m.rootRole(pkg, r).role
		}
	}
	return role, roots
}

// importedOp is a channel operation of another package on a channel of
// this package, passed to an entry there at a call here.
type importedOp struct {
	call   ssa.CallInstruction
	id     ChanID
	kind   OpKind
	op     OpSummary
	pkg    *types.Package // the entry's package
	entry  RootRef        // the entry called
	callee string         // the entry, for messages (pkg.F)
}

// importParams records what the entries of other packages called here do
// with the channels passed to them (from their SummaryFacts). It reports
// whether the call's channel arguments are all summarised.
func (m *Model) importParams(call ssa.CallInstruction) bool {
	c := call.Common()
	sf := c.StaticCallee()
	if sf == nil || c.IsInvoke() {
		return false
	}
	sf = unbound(sf)
	obj, ok := sf.Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == m.Pass.Pkg {
		return false
	}
	var f SummaryFact
	if !m.Pass.ImportObjectFact(obj, &f) {
		return false
	}
	entry := rootRefOf(sf)
	for i, a := range c.Args {
		if _, ok := a.Type().Underlying().(*types.Chan); !ok {
			continue
		}
		k := slices.IndexFunc(f.Params, func(p ParamSummary) bool { return p.Index == i })
		id := m.resolve(a, 0)
		if !id.valid() {
			continue
		}
		if k < 0 || f.Params[k].Escaped {
			m.escaped[id] = true
			continue
		}
		p := f.Params[k]
		for _, s := range p.Sends {
			m.imports = append(m.imports, &importedOp{call: call, id: id, kind: Send, op: s, pkg: obj.Pkg(), entry: entry, callee: shortFunc(obj)})
		}
		for _, r := range p.Recvs {
			m.imports = append(m.imports, &importedOp{call: call, id: id, kind: Recv, op: r, pkg: obj.Pkg(), entry: entry, callee: shortFunc(obj)})
		}
	}
	return true
}

// importedRole is where an imported operation runs, seen from here.
func (m *Model) importedRole(o *importedOp) rootResult {
	res := rootResult{role: o.op.Role}
	for _, r := range o.op.Roots {
		if r == o.entry {
			role := m.RoleAt(o.call)
			res.role |= role
			if res.site.instr == nil && role&Every != 0 {
				res.site = site{instr: o.call, callee: o.callee}
			}
			continue
		}
		sub := m.rootRole(o.pkg, r)
		res.role |= sub.role
		if res.site.instr == nil && sub.role&Every != 0 {
			res.site = sub.site
		}
	}
	if res.role == 0 {
		res.role = Unknown
	}
	return m.localManager(res, o.op.CtrlDefault)
}

// importedSymbolic is the summary, for this package's facts, of where an
// imported operation runs.
func (m *Model) importedSymbolic(o *importedOp) (Role, []RootRef) {
	role := o.op.Role
	var roots []RootRef
	for _, r := range o.op.Roots {
		if r == o.entry {
			c, rs := m.symbolicAt(o.call)
			role |= c
			for _, x := range rs {
				roots = addRoot(roots, x)
			}
			continue
		}
		c, rs := m.remoteSymbolic(o.pkg, OpSummary{Roots: []RootRef{r}})
		role |= c
		for _, x := range rs {
			roots = addRoot(roots, x)
		}
	}
	return role, roots
}

// summarize is the summary of one of this package's operations.
func (m *Model) summarize(op *Op) OpSummary {
	role, roots := m.symbolicAt(op.Instr)
	return OpSummary{
		Pos: m.posString(op.Pos), Func: funcName(op.Fn), Blocking: op.Blocking,
		Handler: m.handlerFns[op.Fn], Role: role, Roots: roots, Ignore: m.ignoresAt(op.Pos),
		CtrlDefault: m.defaultLeaderAt(op.Instr),
	}
}

// ignoresAt returns the analyzers that a //ctrlvet:ignore silences at
// pos, so that the package's importers honour it too.
func (m *Model) ignoresAt(pos token.Pos) []string {
	if m.directives == nil {
		m.directives = diag.NewDirectives(m.Pass)
	}
	return m.directives.At(pos)
}

// PosOf turns a position of another package, as facts carry it
// (file:line:col), into a position of the pass's file set: in the file
// when it is known there with that line (its syntax, or export data that
// reaches the line), else in a stand-in file of that name made for the
// position (go vet's export data only holds the lines of declarations),
// so that the report still names the file, line and column.
func (m *Model) PosOf(s string) token.Pos {
	file, line, col, ok := splitPos(s)
	if !ok || line < 1 || file == "" {
		return token.NoPos
	}
	m.filesOnce.Do(func() {
		m.filesMemo = make(map[string]*token.File)
		m.Pass.Fset.Iterate(func(f *token.File) bool {
			if _, dup := m.filesMemo[f.Name()]; !dup {
				m.filesMemo[f.Name()] = f
			}
			return true
		})
	})
	f := m.filesMemo[file]
	if f == nil || line > f.LineCount() {
		return standIn(m.Pass.Fset, file, line, col)
	}
	p := f.LineStart(line)
	if off := f.Offset(p) + col - 1; col > 1 && off < f.Size() {
		next := f.Size()
		if line < f.LineCount() {
			next = f.Offset(f.LineStart(line + 1))
		}
		if off < next {
			return f.Pos(off)
		}
	}
	return p
}

// maxStandInLine bounds the stand-in files PosOf makes.
const maxStandInLine = 1 << 20

// standIn adds to fset a file of the given name whose only position that
// matters is line:col (lines of one byte, then a last line long enough),
// and returns that position.
func standIn(fset *token.FileSet, name string, line, col int) token.Pos {
	if line > maxStandInLine || col > maxStandInLine {
		return token.NoPos
	}
	col = max(col, 1)
	f := fset.AddFile(name, -1, line-1+col)
	lines := make([]int, line)
	for i := range lines {
		lines[i] = i
	}
	f.SetLines(lines)
	return f.Pos(line - 1 + col - 1)
}

func splitPos(s string) (string, int, int, bool) {
	i := strings.LastIndex(s, ":")
	if i < 0 {
		return "", 0, 0, false
	}
	j := strings.LastIndex(s[:i], ":")
	if j < 0 {
		return "", 0, 0, false
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil {
		return "", 0, 0, false
	}
	return s[:j], line, col, true
}

// exportSummaries exports the package's summaries: the SummaryFact of
// each entry that takes channels, and the edges and entries of its
// PackageFact. It returns the roots its facts name so far (ChanFacts
// included), to be listed as entries.
func (m *Model) exportSummaries(named []RootRef) (exported bool) {
	for _, fn := range m.Funcs {
		if !isEntry(fn) {
			continue
		}
		var f SummaryFact
		for i, p := range fn.Params {
			if _, ok := p.Type().Underlying().(*types.Chan); !ok {
				continue
			}
			ps := m.paramSummary(ChanID{Param: p})
			ps.Index = i
			for _, s := range append(slices.Clone(ps.Sends), ps.Recvs...) {
				named = append(named, s.Roots...)
			}
			f.Params = append(f.Params, ps)
		}
		if len(f.Params) > 0 {
			if obj, ok := fn.Object().(*types.Func); ok {
				m.Pass.ExportObjectFact(obj, &f)
				exported = true
			}
		}
	}
	// edges to the entries of other packages
	var edges []Edge
	m.depEdges()
	for key, sites := range m.foreignSites() {
		if !m.isForeignEntry(key) {
			continue
		}
		e := Edge{To: key}
		for _, s := range sites {
			c, rs := m.symbolicAt(s.instr)
			e.Role |= c
			for _, r := range rs {
				e.From = addRoot(e.From, r)
			}
		}
		sort.Slice(e.From, func(i, j int) bool { return e.From[i].String() < e.From[j].String() })
		named = append(named, e.From...)
		edges = append(edges, e)
	}
	sort.Slice(edges, func(i, j int) bool { return edges[i].To < edges[j].To })
	var entries []string
	for _, r := range named {
		if !slices.Contains(entries, r.String()) {
			entries = append(entries, r.String())
		}
	}
	infs := m.informerSummaries()
	for _, inf := range infs {
		for _, r := range inf.Roots {
			if !slices.Contains(entries, r.String()) {
				entries = append(entries, r.String())
			}
		}
	}
	sort.Strings(entries)
	if exported || len(edges) > 0 || len(entries) > 0 {
		m.Pass.ExportPackageFact(&PackageFact{Entries: entries, Edges: edges, Informers: infs})
		return true
	}
	return false
}

// informerSummaries returns the informers created (and started) in code
// whose role is symbolic only, and consumed only on the leader.
func (m *Model) informerSummaries() []InformerSummary {
	var out []InformerSummary
	for _, inf := range m.Informers() {
		if inf.Unknown || len(inf.Consumer) == 0 {
			continue
		}
		leaderOnly := true
		for _, c := range inf.Consumer {
			if c.Role != Leader {
				leaderOnly = false
			}
		}
		if !leaderOnly {
			continue
		}
		var roots []RootRef
		symbolicOnly := func(role Role, rs []RootRef) bool {
			for _, r := range rs {
				roots = addRoot(roots, r)
			}
			return role == 0 && len(rs) > 0
		}
		ok := symbolicOnly(m.symbolicAt(inf.Create))
		for _, f := range inf.Others() {
			ok = ok && symbolicOnly(m.symbolic(f))
		}
		s := InformerSummary{Resource: inf.Resource, Pos: m.posString(inf.Create.Pos()), Func: m.Describe(inf.Fn), Ignore: m.ignoresAt(inf.Create.Pos())}
		if inf.IsFactory() {
			if inf.Start == nil {
				continue
			}
			ok = ok && symbolicOnly(m.symbolicAt(inf.Start))
			s.Started, s.StartPos = m.Describe(inf.StartFn), m.posString(inf.Start.Pos())
		}
		if !ok {
			continue
		}
		c := inf.Consumer[0]
		s.Consumer = c.What + " in " + m.Describe(c.Fn)
		s.ConsumerPos = m.posString(c.Pos)
		g, found := m.GateOf(c.Fn)
		if c.Instr != nil {
			g, found = m.GateAt(c.Instr)
		}
		if found {
			s.Gate, s.GatePos = g.What, m.posString(g.Pos)
		}
		for _, c := range inf.Consumer {
			at := c.Instr
			if at == nil && len(c.Fn.Blocks) > 0 && len(c.Fn.Blocks[0].Instrs) > 0 {
				at = c.Fn.Blocks[0].Instrs[0]
			}
			d := c.Default
			if at != nil && c.Default == dfltNone {
				d = m.defaultLeaderAt(at)
			}
			s.ConsumerDefault = max(s.ConsumerDefault, d)
		}
		sort.Slice(roots, func(i, j int) bool { return roots[i].String() < roots[j].String() })
		s.Roots = roots
		out = append(out, s)
	}
	return out
}

// ForeignInformer is an informer of another package that code of this
// package makes run on every replica, while only leader-only code
// consumes it.
type ForeignInformer struct {
	InformerSummary
	Site       token.Pos // the call here that runs it on every replica
	SiteCallee string
}

// ForeignInformers returns the informers of other packages whose role
// becomes concrete here, exactly on every replica, at a site of this
// package.
func (m *Model) ForeignInformers() []ForeignInformer {
	m.sum.mu.Lock()
	defer m.sum.mu.Unlock()
	if !m.Relevant {
		return nil
	}
	var out []ForeignInformer
	for _, pf := range m.Pass.AllPackageFacts() {
		f, ok := pf.Fact.(*PackageFact)
		if !ok || pf.Package == m.Pass.Pkg {
			continue
		}
		for _, inf := range f.Informers {
			var role Role
			var at site
			for _, r := range inf.Roots {
				res := m.rootRole(pf.Package, r)
				role |= res.role
				if at.instr == nil {
					at = res.site
				}
			}
			if role != Every || at.instr == nil || m.mgrOverrides(inf.ConsumerDefault) {
				continue
			}
			out = append(out, ForeignInformer{InformerSummary: inf, Site: at.instr.Pos(), SiteCallee: at.callee})
		}
	}
	return out
}

// isForeignEntry reports whether key names an entry of another package
// that its facts name (so its role matters there), or a handler method of
// a type of a package with facts.
func (m *Model) isForeignEntry(key string) bool {
	for pkg, entries := range m.sum.entries {
		p := pkg.Path() + "."
		if !strings.HasPrefix(key, p) {
			continue
		}
		rest := key[len(p):]
		if strings.Contains(rest, "/") {
			continue // a longer package path
		}
		if slices.Contains(entries, rest) {
			return true
		}
		if i := strings.LastIndex(rest, "."); i >= 0 && slices.Contains(handlerMethodNames, rest[i+1:]) {
			return true
		}
	}
	return false
}

// callersChannel reports whether the channel class root holds a channel
// parameter of an entry: a channel of the callers, who may use it too.
func (m *Model) callersChannel(root ChanID) bool {
	if root.Param != nil {
		return true
	}
	for id := range m.union {
		if id.Param != nil && m.find(id) == root {
			return true
		}
	}
	return false
}

// paramSummary is what the package does with the channel class of a
// parameter of an entry.
func (m *Model) paramSummary(id ChanID) ParamSummary {
	var ps ParamSummary
	root := m.find(id)
	for other, esc := range m.escaped {
		if esc && m.find(other) == root {
			ps.Escaped = true
		}
	}
	for _, op := range m.ops {
		if m.find(op.Chan) != root {
			continue
		}
		if op.Kind == Send {
			ps.Sends = append(ps.Sends, m.summarize(op))
		} else {
			ps.Recvs = append(ps.Recvs, m.summarize(op))
		}
	}
	for _, o := range m.imports {
		if m.find(o.id) != root {
			continue
		}
		s := o.op
		s.Role, s.Roots = m.importedSymbolic(o)
		if o.kind == Send {
			ps.Sends = append(ps.Sends, s)
		} else {
			ps.Recvs = append(ps.Recvs, s)
		}
	}
	for other := range m.union {
		if m.find(other) != root || other.Var == nil || !other.Var.IsField() || other.Var.Pkg() == m.Pass.Pkg {
			continue
		}
		var f ChanFact
		if !m.Pass.ImportObjectFact(other.Var, &f) {
			continue
		}
		for _, s := range f.Sends {
			s.Role, s.Roots = m.remoteSymbolic(other.Var.Pkg(), s)
			ps.Sends = append(ps.Sends, s)
		}
		for _, r := range f.Recvs {
			r.Role, r.Roots = m.remoteSymbolic(other.Var.Pkg(), r)
			ps.Recvs = append(ps.Recvs, r)
		}
	}
	return ps
}
