package frequency

import "strings"

// Freq is how often code runs: a set of the frequencies below (a function
// reached from main and from an event handler runs both once and per
// event).
type Freq uint16

// Frequencies.
const (
	Once         Freq = 1 << iota // once per process: main, init, what only they call
	PerCall                       // as often as callers we cannot see call it
	PerEvent                      // per informer event (handlers, predicates, map functions)
	PerReconcile                  // per reconcile (Reconcile of a reconciler)
	PerQueueItem                  // per item taken from a workqueue
	PerLoop                       // per iteration of a long-running loop (over a channel, or for ever)
	PerTick                       // per period (wait.Until, tickers, sleeping loops)
	PerRetry                      // per attempt (wait.Poll*, backoff.Retry*, retry.RetryOnConflict)
	PerRequest                    // per request or connection (HTTP, webhooks, gRPC, accept loops)
	PerReload                     // per configuration reload (file watches, provider messages)
)

// Recurring are the frequencies at which code runs again and again over
// the life of the process, driven by the world outside it: state grown
// there grows without end unless something releases it.
const Recurring = PerEvent | PerReconcile | PerQueueItem | PerLoop | PerTick | PerRequest | PerReload

// Repeats reports whether f has a recurring frequency.
func (f Freq) Repeats() bool { return f&Recurring != 0 }

// OnlyOnce reports whether code of frequency f runs once per process.
func (f Freq) OnlyOnce() bool { return f == Once }

var names = []struct {
	f    Freq
	name string
}{
	{PerEvent, "per event"},
	{PerReconcile, "per reconcile"},
	{PerQueueItem, "per queue item"},
	{PerRequest, "per request"},
	{PerReload, "per configuration reload"},
	{PerTick, "per tick"},
	{PerLoop, "per loop iteration"},
	{PerRetry, "per retry"},
	{PerCall, "per call"},
	{Once, "once"},
}

// Main returns the most telling frequency of f, in the order of the
// messages: event, reconcile, queue item, request, reload, tick, loop,
// retry, call, once.
func (f Freq) Main() Freq {
	for _, n := range names {
		if f&n.f != 0 {
			return n.f
		}
	}
	return 0
}

// String lists f's frequencies ("per event, once"), the most telling
// first; the zero Freq is "unknown".
func (f Freq) String() string {
	var parts []string
	for _, n := range names {
		if f&n.f != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "unknown"
	}
	return strings.Join(parts, ", ")
}
