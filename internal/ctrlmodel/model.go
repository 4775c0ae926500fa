// Package ctrlmodel is ctrlvet's controller model: a helper analyzer that
// reports nothing and tells the controller-aware analyzers what a
// controller's code means at run time.
//
//   - Where code runs: on the elected leader only (Start of a leader-elected
//     Runnable, OnStartedLeading, reconcilers), on every replica (main and
//     what it calls, runnables that opt out of leader election), or
//     unknown. A handler registered from every-replica code runs on every
//     replica; registered from leader-only code, on the leader only.
//   - Informer event handlers: the types and functions registered through
//     AddEventHandler (directly, through project helpers and forwarding
//     wrappers, across packages through facts).
//   - Channel flows: for each channel (by struct field, package variable
//     or make site), where it is sent to and received from, whether each
//     send can block, and where each runs.
//
// Knowledge crosses packages as facts: the channel operations on a
// package's struct fields and the roots that reach them, the functions
// that register or wrap handlers, and each runnable type's leader-election
// choice.
package ctrlmodel

import (
	"fmt"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/diag"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
	"github.com/ctrlvet/ctrlvet/internal/guard"
	"github.com/ctrlvet/ctrlvet/internal/lazyssa"
	"github.com/ctrlvet/ctrlvet/internal/match"
)

// Analyzer computes the controller model of a package from ctrlvet's
// built-in APIs.
var Analyzer = New(nil)

// New returns the model analyzer that also knows the leader gates and
// handler registrations of cfg (read when it runs, so that flags parsed
// after New take effect). A nil cfg adds nothing. The analyzers of one run
// must share one model analyzer: its facts are one set.
func New(cfg *config.Model) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       "ctrlmodel",
		Doc:        "compute the controller model: where code runs, informer handlers, channel flows (reports nothing)",
		Requires:   []*analysis.Analyzer{lazyssa.Analyzer},
		FactTypes:  factTypes,
		ResultType: reflect.TypeFor[*Model](),
		Run: guard.Run("ctrlmodel", func(pass *analysis.Pass) (any, error) {
			ext, err := extend(cfg)
			if err != nil {
				return nil, err
			}
			return run(pass, ext)
		}),
	}
}

// extension is what the settings add to the model.
type extension struct {
	gates      []apis.Func      // leader gates
	waits      []apis.Func      // leader waits
	registrars []apis.Registrar // handler registrations
}

func extend(cfg *config.Model) (*extension, error) {
	ext := new(extension)
	if cfg == nil {
		return ext, nil
	}
	var err error
	if ext.gates, err = apis.ParseFuncs(cfg.LeaderGates); err != nil {
		return nil, fmt.Errorf("model.leader-gates: %w", err)
	}
	if ext.waits, err = apis.ParseFuncs(cfg.LeaderWaits); err != nil {
		return nil, fmt.Errorf("model.leader-waits: %w", err)
	}
	for _, h := range cfg.HandlerRegistrations {
		r, err := apis.ParseRegistrar(h)
		if err != nil {
			return nil, fmt.Errorf("model.handler-registrations: %w", err)
		}
		ext.registrars = append(ext.registrars, r)
	}
	return ext, nil
}

// uses reports whether f is a leader gate or registration function of
// the settings.
func (ext *extension) uses(f *types.Func) bool {
	if match.IsAny(f, ext.gates) || match.IsAny(f, ext.waits) {
		return true
	}
	for _, r := range ext.registrars {
		if match.IsAny(f, r.Funcs) {
			return true
		}
	}
	return false
}

// maxResolveDepth limits how far channel and handler values are followed
// back through parameters, phis and conversions (results are memoised).
const maxResolveDepth = 8

// Model is the controller model of one package. A Model whose Relevant is
// false describes a package that uses no controller API: nothing else in
// it is set.
type Model struct {
	Relevant bool
	Pass     *analysis.Pass
	Funcs    []*ssa.Function

	ext *extension
	// varInit is the package initializer that SSA makes of the package
	// variables' initial values (not in Funcs, which are the declared
	// functions): the manager stage reads options kept there.
	varInit *ssa.Function

	// The stages, in the order build computes them. Each is computed
	// once and only read after; the analyzers of a pass, which may query
	// the model at once, only read them. Two things are completed after
	// build, under the summaries' lock sum.mu: the flows' results, once
	// (computeFlows; in a package being analysed, before build returns),
	// and the summaries, which answer for any function of any imported
	// package, as they are asked.

	// Stage 1, the call graph (lazyssa.Calls, shared with the other
	// analyzers of the run): the package's own static calls.
	calls *lazyssa.Calls

	// Stage 2, the manager (manager.go): the manager options the package
	// builds. newCacheHook: the options set NewCache, so a cache.New of
	// the package may be the manager's cache.
	manager      *Manager
	newCacheHook bool
	// NoStandbys is set when the package builds a manager without leader
	// election: nothing it runs is leader-only.
	NoStandbys bool

	// Stage 3, controllers and runnables (controllers.go, roles.go): the
	// runnable types' leader-election choices, the controllers built
	// here and the manager-wide controller options.
	leaderTypes      map[string]leaderInfo // by type key
	added            map[string]bool       // runnable types added with mgr.Add
	controllers      []*controller
	mgrNeed, mgrWarm setting
	// optsStored: some controller options in this package set
	// NeedLeaderElection or EnableWarmup.
	optsStored bool
	// waits: <-mgr.Elected() receives and other waits for the election;
	// index: instruction indexes in the blocks that hold one
	waits map[*ssa.Function][]electedWait
	index map[ssa.Instruction]int

	// Stage 4, where code runs and the flows, one stage: the roots and
	// the calls that carry a role (buildCallGraph: callers, edges;
	// callees inverts callers), handler registrations
	// (findRegistrations), controller code, the channel operations
	// (findChanOps), then where each function runs and why (the gates),
	// to one fixpoint (computeRoles).
	roles   map[*ssa.Function]Role
	base    map[*ssa.Function]Role
	callers map[*ssa.Function][]*ssa.Function
	callees map[*ssa.Function][]*ssa.Function
	edges   map[edge]edgeKind
	// gates says why a root runs where it runs (for Related).
	gates map[*ssa.Function]Gate
	// regs: the handler registrations in this package.
	regs []*Registration
	// handlerRegs maps handler code of this package (methods of
	// registered types, registered functions) to its registrations.
	handlerRegs map[*ssa.Function][]*Registration
	// handlerFns is the handler code and what it calls.
	handlerFns map[*ssa.Function]bool
	wrappers   map[*ssa.Function]int // same-package handler wrappers: param
	registrars map[*ssa.Function]int // same-package registration helpers: param
	// ctrlDefault: reconcilers and watch functions that are leader-only
	// because neither their controller nor this package's manager sets
	// the options (controller-runtime's default): a manager built in
	// another package may set them
	ctrlDefault map[*ssa.Function]dfltKind
	// perRequest: reconcilers that run on every replica, once per
	// request, and what they call.
	perRequest      map[*ssa.Function]bool
	perRequestRoots []*ssa.Function
	// everyWatch: watch functions that run where their controller is
	// built.
	everyWatch []*ssa.Function
	// everyGates: why a reconciler or watch function runs on every
	// replica (its controller's options).
	everyGates map[*ssa.Function]Gate

	// The flows (chans.go): channel operations and their alias classes.
	ops    []*Op
	closes []*Op // close calls
	// wirings: stores of a channel into a field of a handler object.
	wirings []*Wiring
	// Capacity of channels by identity (-1: unknown).
	caps map[ChanID]int
	// Identities passed to code we cannot see.
	escaped map[ChanID]bool
	union   map[ChanID]ChanID // channel aliases (union-find parent)
	imports []*importedOp
	// Stage 5, the flows' results (chans.go, informers.go,
	// waitgroups.go): the channels, the informers with their consumers,
	// the wait groups. Computed together, once (computeFlows): in a
	// package being analysed before build returns, else (a pass that
	// only exports facts, which nobody asks) on the first query.
	flowsOnce sync.Once
	channels  []*Channel
	infs      []*Informer
	wgs       []*WaitGroup
	conds     []*Cond
	// The memos of the resolutions, filled while the stages are built
	// and by computeFlows, under sum.mu; no query that runs without
	// that lock reads them.
	paramMemo    map[*ssa.Parameter]ChanID
	resolveMemo  map[ssa.Value]ChanID
	originsMemo  map[ssa.Value]originsResult
	objTypesMemo map[*ssa.Parameter][]string // the informer object types a parameter resolves to
	queueMemo    map[ChanID][]Consumer       // the Get calls of each workqueue

	// Stage 6, summaries (summary.go, chans.go's exportFacts): where code runs as importers
	// complete it, and the facts. Completed as asked, under sum.mu.
	sum struct {
		mu      sync.Mutex
		sym     map[*ssa.Function]symRole
		sites   map[string][]site
		edges   map[string][]depEdge
		entries map[*types.Package][]string
		root    map[string]rootResult
	}
	directives *diag.Directives
	filesOnce  sync.Once
	filesMemo  map[string]*token.File
}

// Role is where code runs: a set of Leader, Every and Unknown.
type Role uint8

// Roles.
const (
	Leader  Role = 1 << iota // only on the elected leader
	Every                    // on every replica
	Unknown                  // we cannot tell
)

// String names the roles of r: "leader", "every", "unknown", joined by
// "|".
func (r Role) String() string {
	var s []string
	for _, x := range []struct {
		r    Role
		name string
	}{{Leader, "leader"}, {Every, "every"}, {Unknown, "unknown"}} {
		if r&x.r != 0 {
			s = append(s, x.name)
		}
	}
	return strings.Join(s, "|")
}

// OnlyLeader reports whether r is exactly Leader.
func (r Role) OnlyLeader() bool { return r == Leader }

// Gate records the API that makes a root leader-only.
type Gate struct {
	Pos  token.Pos // in this package, or NoPos
	What string    // e.g. "NeedLeaderElection returns true"
	// After names the wait when the gate is one inside a function
	// ("<-mgr.Elected()", "leader.Become"): only the code after it is
	// leader-only.
	After string
}

// GateOf returns the gate that makes fn (or a function that reaches it)
// leader-only.
func (m *Model) GateOf(fn *ssa.Function) (Gate, bool) {
	return m.gateAlongCallers(fn, m.gates)
}

// gateAlongCallers returns the gate of fn in gates, or of the nearest
// function that reaches it (breadth first, at most 256 functions).
func (m *Model) gateAlongCallers(fn *ssa.Function, gates map[*ssa.Function]Gate) (Gate, bool) {
	seen := make(map[*ssa.Function]bool)
	work := []*ssa.Function{fn}
	for len(work) > 0 && len(seen) < 256 {
		f := work[0]
		work = work[1:]
		if seen[f] {
			continue
		}
		seen[f] = true
		if g, ok := gates[f]; ok {
			return g, true
		}
		work = append(work, m.callers[f]...)
	}
	return Gate{}, false
}

func run(pass *analysis.Pass, ext *extension) (any, error) {
	m := &Model{Pass: pass, ext: ext}
	if !relevant(pass, ext) {
		return m, nil
	}
	m.Relevant = true
	var pkg *ssa.Package
	builder := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Builder)
	pkg, m.Funcs = builder.Build()
	m.calls = builder.Calls()
	if pkg != nil {
		m.varInit = pkg.Func("init")
	}
	m.build()
	if factgate.LocalPass(pass) {
		// a package being analysed: its analyzers ask, and its facts
		// need the informers
		m.computeFlows()
	}
	m.exportFacts()
	return m, nil
}

// relevant is the cheap check: does the package import a controller API
// or a package that exports controller facts?
func relevant(pass *analysis.Pass, ext *extension) bool {
	if len(ext.gates) > 0 || len(ext.waits) > 0 || len(ext.registrars) > 0 {
		// a leader gate or registration function from the settings,
		// called here
		for _, obj := range pass.TypesInfo.Uses {
			if f, ok := obj.(*types.Func); ok && ext.uses(f) {
				return true
			}
		}
	}
	// an informer event handler type, which another package registers
	for _, obj := range pass.TypesInfo.Defs {
		if f, ok := obj.(*types.Func); ok && slices.Contains(apis.HandlerMethods, f.Name()) && f.Type().(*types.Signature).Recv() != nil {
			return true
		}
	}
	for _, imp := range pass.Pkg.Imports() {
		p := match.PkgPath(imp)
		for _, c := range apis.ControllerPackages {
			if p == c {
				return true
			}
		}
		if len(p) > len(apis.ClientGoInformersPfx) && p[:len(apis.ClientGoInformersPfx)] == apis.ClientGoInformersPfx {
			return true
		}
		if pass.ImportPackageFact(imp, new(PackageFact)) {
			return true
		}
	}
	return false
}

func (m *Model) build() {
	m.roles = make(map[*ssa.Function]Role)
	m.gates = make(map[*ssa.Function]Gate)
	m.caps = make(map[ChanID]int)
	m.escaped = make(map[ChanID]bool)
	m.leaderTypes = make(map[string]leaderInfo)
	m.resolveMemo = make(map[ssa.Value]ChanID)
	m.originsMemo = make(map[ssa.Value]originsResult)
	m.objTypesMemo = make(map[*ssa.Parameter][]string)
	m.queueMemo = make(map[ChanID][]Consumer)
	m.added = make(map[string]bool)
	m.sum.sym = make(map[*ssa.Function]symRole)
	m.sum.root = make(map[string]rootResult)
	m.everyGates = make(map[*ssa.Function]Gate)
	m.ctrlDefault = make(map[*ssa.Function]dfltKind)
	m.scanLeaderTypes()
	m.scanManager()
	m.scanManagers()
	m.scanControllers()
	m.scanElected()
	m.buildCallGraph()
	m.findRegistrations()
	m.markControllerCode()
	m.findChanOps()
	m.computeRoles()
}

// computeFlows computes the flows' results once. They read the summaries
// stage, whose memos it completes under its lock.
func (m *Model) computeFlows() {
	m.flowsOnce.Do(func() {
		if !m.Relevant {
			return
		}
		m.sum.mu.Lock()
		defer m.sum.mu.Unlock()
		m.channels = m.channelsOf()
		m.infs = m.informers()
		m.wgs = m.waitGroups()
		m.conds = m.condsOf()
	})
}

// RoleOf returns where fn runs.
func (m *Model) RoleOf(fn *ssa.Function) Role {
	if r, ok := m.roles[fn]; ok && r != 0 {
		return r
	}
	return Unknown
}
