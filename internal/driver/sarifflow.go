package driver

// SARIF code flows: a finding's path, one threadFlow per goroutine or per
// place the code runs, read from the diagnostic's related information.
//
// The analyzers' text output is the contract users see, so flows are not
// encoded in it: each analyzer's related messages are already stable
// phrases ("returns here without ...", "leader gate: ..."), and the table
// below says, per analyzer and per kind of finding (the message's prefix),
// on which thread each of them sits and in which order. A related message
// the table does not know stays in relatedLocations only; so does evidence
// that is not a step of a path (unfilteredcache's watches, strandedgoroutine's
// "the only close"). cmd/ctrlvet's SARIF tests run the real analyzers on
// the examples and fail when a message drifts from the table.

import (
	"sort"
	"strings"
)

// maxCodeFlows caps the alternative paths of one result (one per leaking
// return, or per registration of a handler).
const maxCodeFlows = 4

// Thread names shared by several rules: threadFlow messages.
const (
	threadStandby   = "on a standby replica"
	threadLeader    = "on the leader"
	threadEvery     = "on every replica"
	threadFunc      = "in the function"
	threadParent    = "the goroutine that starts it"
	threadGoroutine = "the started goroutine"
	threadCaller    = "the caller"
)

// flowStep places a location on a thread.
type flowStep struct {
	thread string // the thread's name, shown as the threadFlow's message
	order  int    // the step's place in its thread
	// branch: each location with this step is an alternative (a leaking
	// return, a registration): one codeFlow per location
	branch bool
	label  string // the step's message, for the finding's own location
}

// flowRule reads one kind of finding of an analyzer as a path.
type flowRule struct {
	prefix  string     // the finding's message starts with this ("" for any)
	has     string     // and contains this ("" for any)
	primary []flowStep // where the finding's own location sits
	// related message prefixes and where their locations sit; the longest
	// matching prefix wins
	related map[string]flowStep
}

// flowRules are the analyzers' paths. Keep them in step with the
// messages in analyzers/*.
var flowRules = map[string][]flowRule{
	"leadersend": {
		{
			prefix:  "send in ",
			primary: []flowStep{{thread: threadStandby, order: 2, label: "blocks here: no receiver runs on a standby replica"}},
			related: leaderSendRelated,
		},
		{
			// a call of another package's function that registers the
			// sending handler (the call, then the send in that package)
			has:     " registers an informer event handler that sends on ",
			primary: []flowStep{{thread: threadStandby, order: 1, label: "this call registers the sending handler, on every replica"}},
			related: map[string]flowStep{
				"the send, in an informer event handler": {thread: threadStandby, order: 2},
				"leader gate: ":                          leaderSendRelated["leader gate: "],
				"the only receiver":                      leaderSendRelated["the only receiver"],
			},
		},
		{
			// a channel wired into a handler object, sent on in another
			// package: the wiring, then the registration (the send itself
			// is named in the message)
			primary: []flowStep{{thread: threadStandby, order: 1, label: "the handler gets the channel here; its send on it blocks on a standby replica"}},
			related: map[string]flowStep{
				"the handler is registered here": {thread: threadStandby, order: 2, branch: true},
				"leader gate: ":                  leaderSendRelated["leader gate: "],
				"the only receiver":              leaderSendRelated["the only receiver"],
			},
		},
	},
	"earlyinformer": {{
		primary: []flowStep{{thread: threadEvery, order: 1, label: "the informer is created here, on every replica"}},
		related: map[string]flowStep{
			"started here":  {thread: threadEvery, order: 2},
			"leader gate: ": {thread: threadLeader, order: 1},
			"consumed here": {thread: threadLeader, order: 2},
		},
	}},
	"strandedgoroutine": {
		{
			// the waiter of a channel that only an unstarted goroutine closes
			prefix:  "receive from ",
			primary: []flowStep{{thread: threadCaller, order: 2, label: "then waits here for ever"}},
			related: map[string]flowStep{
				"returns here without starting the goroutine": {thread: threadCaller, order: 1},
			},
		},
		{
			prefix: "goroutine started on every loop iteration",
			primary: []flowStep{
				{thread: threadParent, order: 2, label: "starts the goroutine here, once per iteration"},
				{thread: threadGoroutine, order: 1, label: "starts here"},
			},
			related: map[string]flowStep{
				"the iteration's context":   {thread: threadParent, order: 1},
				"the goroutine blocks here": {thread: threadGoroutine, order: 2},
			},
		},
		{
			prefix: "goroutine ",
			primary: []flowStep{
				{thread: threadParent, order: 1, label: "starts the goroutine here"},
				{thread: threadGoroutine, order: 1, label: "starts here"},
			},
			related: map[string]flowStep{
				"returns here without ":     {thread: threadParent, order: 2, branch: true},
				"the goroutine blocks here": {thread: threadGoroutine, order: 2},
			},
		},
	},
	"netlinkclose": {
		{
			prefix:  "netlink.",
			primary: []flowStep{{thread: threadFunc, order: 2, label: "subscribes here; nothing closes the done channel"}},
			related: map[string]flowStep{"done channel made here": {thread: threadFunc, order: 1}},
		},
		{
			primary: []flowStep{{thread: threadFunc, order: 1, label: "acquired here"}},
			related: map[string]flowStep{"returns here without releasing": {thread: threadFunc, order: 2, branch: true}},
		},
	},
	"pipeclose": {{
		primary: []flowStep{{thread: threadFunc, order: 1, label: "the writer is made here"}},
		related: map[string]flowStep{"handed on here": {thread: threadFunc, order: 2}},
	}},
}

var leaderSendRelated = map[string]flowStep{
	"the handler is registered here": {thread: threadStandby, order: 1, branch: true},
	"leader gate: ":                  {thread: threadLeader, order: 1},
	"the only receiver":              {thread: threadLeader, order: 2},
}

// ruleFor returns the flow rule of a finding, or nil.
func ruleFor(analyzer, message string) *flowRule {
	for i, r := range flowRules[analyzer] {
		if strings.HasPrefix(message, r.prefix) && strings.Contains(message, r.has) {
			return &flowRules[analyzer][i]
		}
	}
	return nil
}

// step returns the step of a related message under r.
func (r *flowRule) step(message string) (flowStep, bool) {
	best, found := -1, flowStep{}
	for p, s := range r.related {
		if strings.HasPrefix(message, p) && len(p) > best {
			best, found = len(p), s
		}
	}
	return found, best >= 0
}

// placed is a location on a thread.
type placed struct {
	step flowStep
	loc  SARIFLocation
	seq  int // order of appearance, to keep ties stable
}

// codeFlows returns the code flows of a finding: primary is its own
// location, related its related locations (with their messages). Nil when
// the analyzer or the finding has no rule, or no related location is a
// step of its path.
func codeFlows(analyzer, message string, primary SARIFLocation, related []SARIFLocation) []SARIFCodeFlow {
	rule := ruleFor(analyzer, message)
	if rule == nil {
		return nil
	}
	var common, branches []placed
	for _, s := range rule.primary {
		loc := primary
		loc.ID = nil
		loc.Message = &SARIFMessage{Text: s.label}
		common = append(common, placed{step: s, loc: loc, seq: len(common)})
	}
	for i, rl := range related {
		if rl.Message == nil {
			continue
		}
		s, ok := rule.step(rl.Message.Text)
		if !ok {
			continue
		}
		loc := rl
		loc.ID = nil
		p := placed{step: s, loc: loc, seq: len(rule.primary) + i}
		if s.branch {
			branches = append(branches, p)
		} else {
			common = append(common, p)
		}
	}
	var paths [][]placed
	if len(branches) == 0 {
		paths = [][]placed{common}
	}
	for i, b := range branches {
		if i == maxCodeFlows {
			break
		}
		paths = append(paths, append(append([]placed(nil), common...), b))
	}
	var flows []SARIFCodeFlow
	for _, path := range paths {
		if len(path) == len(rule.primary) {
			continue // the finding's own location alone is no path
		}
		flows = append(flows, SARIFCodeFlow{ThreadFlows: threadFlows(path)})
	}
	return flows
}

// threadFlows groups a path's steps by thread, threads in the order of
// their first step in the rule, steps by order.
func threadFlows(path []placed) []SARIFThreadFlow {
	sort.SliceStable(path, func(i, j int) bool {
		if path[i].step.order != path[j].step.order {
			return path[i].step.order < path[j].step.order
		}
		return path[i].seq < path[j].seq
	})
	index := make(map[string]int)
	var out []SARIFThreadFlow
	// thread order: by the first step the rule gives each thread (the
	// primary's threads first, as the rule lists them)
	threads := make([]string, 0, 2)
	firstSeq := make(map[string]int)
	for _, p := range path {
		if s, ok := firstSeq[p.step.thread]; !ok || p.seq < s {
			if !ok {
				threads = append(threads, p.step.thread)
			}
			firstSeq[p.step.thread] = p.seq
		}
	}
	sort.SliceStable(threads, func(i, j int) bool { return firstSeq[threads[i]] < firstSeq[threads[j]] })
	for _, t := range threads {
		index[t] = len(out)
		out = append(out, SARIFThreadFlow{Message: &SARIFMessage{Text: t}})
	}
	for _, p := range path {
		tf := &out[index[p.step.thread]]
		tf.Locations = append(tf.Locations, SARIFThreadFlowLocation{Location: p.loc})
	}
	return out
}
