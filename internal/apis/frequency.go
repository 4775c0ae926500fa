package apis

// This file lists the APIs that decide how often code runs (the
// frequency stage, internal/frequency): the callbacks a library calls per
// event, per reconcile, per tick, per retry or per request, and what marks
// a loop as one that runs per queue item, per tick, per connection or per
// reload.

// More package paths.
const (
	CREvent        = "sigs.k8s.io/controller-runtime/pkg/event"
	CRAdmission    = "sigs.k8s.io/controller-runtime/pkg/webhook/admission"
	WaitPkg        = "k8s.io/apimachinery/pkg/util/wait"
	RetryPkg       = "k8s.io/client-go/util/retry"
	BackoffV4      = "github.com/cenkalti/backoff/v4"
	BackoffV5      = "github.com/cenkalti/backoff/v5"
	Backoff        = "github.com/cenkalti/backoff"
	NetHTTP        = "net/http"
	GRPC           = "google.golang.org/grpc"
	Fsnotify       = "github.com/fsnotify/fsnotify"
	WatchPkg       = "k8s.io/apimachinery/pkg/watch"
	Cobra          = "github.com/spf13/cobra"
	Time           = "time"
	Net            = "net"
	TraefikDynamic = "github.com/traefik/traefik/v3/pkg/config/dynamic"
	TraefikDynV2   = "github.com/traefik/traefik/v2/pkg/config/dynamic"
)

// Callback is a function whose argument Arg (from 0, the receiver not
// counted) is called back at some frequency.
type Callback struct {
	Func
	Arg int
}

// TickCallbacks call their function argument once per period until
// stopped.
var TickCallbacks = []Callback{
	{Func{WaitPkg, "", "Until"}, 0},
	{Func{WaitPkg, "", "UntilWithContext"}, 1},
	{Func{WaitPkg, "", "JitterUntil"}, 0},
	{Func{WaitPkg, "", "JitterUntilWithContext"}, 1},
	{Func{WaitPkg, "", "NonSlidingUntil"}, 0},
	{Func{WaitPkg, "", "NonSlidingUntilWithContext"}, 1},
	{Func{WaitPkg, "", "Forever"}, 0},
	{Func{WaitPkg, "", "BackoffUntil"}, 0},
	{Func{WaitPkg, "", "BackoffUntilWithContext"}, 1},
}

// UntilStopped return only once the stop channel or context argument Arg
// is done: a goroutine that runs one with a context that is never done
// runs for ever.
var UntilStopped = []Callback{
	{Func{WaitPkg, "", "Until"}, 2},
	{Func{WaitPkg, "", "UntilWithContext"}, 0},
	{Func{WaitPkg, "", "JitterUntil"}, 4},
	{Func{WaitPkg, "", "JitterUntilWithContext"}, 0},
	{Func{WaitPkg, "", "NonSlidingUntil"}, 2},
	{Func{WaitPkg, "", "NonSlidingUntilWithContext"}, 0},
	{Func{WaitPkg, "", "BackoffUntil"}, 3},
	{Func{WaitPkg, "", "BackoffUntilWithContext"}, 0},
}

// NeverReturns never return.
var NeverReturns = []Func{{WaitPkg, "", "Forever"}}

// NeverStop is the variable wait.NeverStop: a stop channel never closed.
var NeverStop = Func{WaitPkg, "", "NeverStop"}

// InPlaceCallbacks run their function argument as often as they are
// called, and never later on their own: a function handed to them runs
// where the call is. (A function handed to any other function of another
// package may be kept and called at any time: it runs per call too.)
var InPlaceCallbacks = []Callback{
	{Func{"golang.org/x/sync/errgroup", "Group", "Go"}, 0},
	{Func{"golang.org/x/sync/errgroup", "Group", "TryGo"}, 0},
	{Func{Time, "", "AfterFunc"}, 1},
	{Func{"sync", "Once", "Do"}, 0},
	{Func{"sync", "", "OnceFunc"}, 0},
	{Func{"sync", "", "OnceValue"}, 0},
	{Func{"sync", "", "OnceValues"}, 0},
	{Func{"sync", "WaitGroup", "Go"}, 0},
	{Func{Cobra, "", "OnInitialize"}, 0},
	{Func{Cobra, "", "OnFinalize"}, 0},
	{Func{"sort", "", "Slice"}, 1},
	{Func{"sort", "", "SliceStable"}, 1},
	{Func{"sort", "", "Search"}, 1},
	{Func{"slices", "", "SortFunc"}, 1},
	{Func{"slices", "", "SortStableFunc"}, 1},
	{Func{"slices", "", "IndexFunc"}, 1},
	{Func{"slices", "", "ContainsFunc"}, 1},
	{Func{"slices", "", "DeleteFunc"}, 1},
	{Func{"path/filepath", "", "Walk"}, 1},
	{Func{"path/filepath", "", "WalkDir"}, 1},
	{Func{"strings", "", "Map"}, 0},
	{Func{"strings", "", "FieldsFunc"}, 1},
}

// RetryCallbacks call their function argument until it succeeds (or a
// budget runs out).
var RetryCallbacks = []Callback{
	{Func{WaitPkg, "", "Poll"}, 2},
	{Func{WaitPkg, "", "PollImmediate"}, 2},
	{Func{WaitPkg, "", "PollInfinite"}, 1},
	{Func{WaitPkg, "", "PollImmediateInfinite"}, 1},
	{Func{WaitPkg, "", "PollUntil"}, 1},
	{Func{WaitPkg, "", "PollImmediateUntil"}, 1},
	{Func{WaitPkg, "", "PollWithContext"}, 3},
	{Func{WaitPkg, "", "PollImmediateWithContext"}, 3},
	{Func{WaitPkg, "", "PollUntilContextTimeout"}, 4},
	{Func{WaitPkg, "", "PollUntilContextCancel"}, 3},
	{Func{WaitPkg, "", "PollInfiniteWithContext"}, 2},
	{Func{WaitPkg, "", "ExponentialBackoff"}, 1},
	{Func{WaitPkg, "", "ExponentialBackoffWithContext"}, 2},
	{Func{RetryPkg, "", "RetryOnConflict"}, 1},
	{Func{RetryPkg, "", "OnError"}, 2},
	{Func{Backoff, "", "Retry"}, 0},
	{Func{Backoff, "", "RetryNotify"}, 0},
	{Func{BackoffV4, "", "Retry"}, 0},
	{Func{BackoffV4, "", "RetryNotify"}, 0},
	{Func{BackoffV4, "", "RetryWithData"}, 0},
	{Func{BackoffV4, "", "RetryNotifyWithData"}, 0},
	{Func{BackoffV5, "", "Retry"}, 1},
}

// EventCallbacks call their function argument per informer event
// (controller-runtime's map functions and predicates).
var EventCallbacks = []Callback{
	{Func{CRHandler, "", "EnqueueRequestsFromMapFunc"}, 0},
	{Func{CRHandler, "", "TypedEnqueueRequestsFromMapFunc"}, 0},
	{Func{CRPredicate, "", "NewPredicateFuncs"}, 0},
	{Func{CRPredicate, "", "NewTypedPredicateFuncs"}, 0},
}

// RequestCallbacks call their function argument per HTTP request.
var RequestCallbacks = []Callback{
	{Func{NetHTTP, "", "HandleFunc"}, 1},
	{Func{NetHTTP, "ServeMux", "HandleFunc"}, 1},
}

// EventFuncStructs are structs whose function fields run per informer
// event: client-go's handler funcs, controller-runtime's handler and
// predicate funcs.
var EventFuncStructs = []Func{
	{Pkg: ClientGoCache, Name: "ResourceEventHandlerFuncs"},
	{Pkg: ClientGoCache, Name: "ResourceEventHandlerDetailedFuncs"},
	{Pkg: ClientGoCache, Name: "TypedResourceEventHandlerFuncs"},
	{Pkg: ClientGoCache, Name: "FilteringResourceEventHandler"},
	{Pkg: CRHandler, Name: "Funcs"},
	{Pkg: CRHandler, Name: "TypedFuncs"},
	{Pkg: CRPredicate, Name: "Funcs"},
	{Pkg: CRPredicate, Name: "TypedFuncs"},
}

// OnceFuncTypes are function types whose values run once per process:
// a manager.RunnableFunc, which the manager starts once.
var OnceFuncTypes = []Func{{Pkg: CRManager, Name: "RunnableFunc"}}

// CommandStructs are structs whose function fields run once per process:
// a CLI command's run functions (cobra's Run, RunE, PreRun and the rest).
var CommandStructs = []Func{{Pkg: Cobra, Name: "Command"}}

// EventMethods are the methods of an informer event handler (client-go)
// or of a controller-runtime handler or predicate (whose parameter is an
// event type of CREvent).
var EventMethods = []string{"OnAdd", "OnUpdate", "OnDelete", "Create", "Update", "Delete", "Generic"}

// RequestFuncTypes are function types whose values serve a request.
var RequestFuncTypes = []Func{{Pkg: NetHTTP, Name: "HandlerFunc"}}

// ReconcileFuncTypes are function types whose values reconcile.
var ReconcileFuncTypes = []Func{{Pkg: CRReconcile, Name: "Func"}, {Pkg: CRReconcile, Name: "TypedFunc"}}

// WebhookMethods run per admission request on a type that has them (with
// a parameter or result of CRAdmission or a context first).
var WebhookMethods = []string{"Handle", "ValidateCreate", "ValidateUpdate", "ValidateDelete", "Default"}

// QueueGet is the method of a workqueue that takes the next item.
var QueueGet = []string{"Get", "GetWithPriority"}

// TickerType is the type whose C field ticks.
var TickerType = Func{Pkg: Time, Name: "Ticker"}

// TickChans return a channel that ticks (or fires) on a timer.
var TickChans = []Func{{Pkg: Time, Name: "Tick"}, {Pkg: Time, Name: "After"}}

// Sleeps pause a loop between rounds: a loop that sleeps ticks.
var Sleeps = []Func{{Pkg: Time, Name: "Sleep"}}

// ReloadWatcher is fsnotify's watcher: a loop receiving from its Events
// runs per change of a watched file (a configuration reload).
var ReloadWatcher = Func{Pkg: Fsnotify, Name: "Watcher"}

// ReloadMessages are the element types of provider channels that carry a
// new configuration (Traefik's dynamic.Message).
var ReloadMessages = []Func{{Pkg: TraefikDynamic, Name: "Message"}, {Pkg: TraefikDynV2, Name: "Message"}}

// A watch's API (watch.Interface): Watch methods return one (typed,
// dynamic and metadata clients, rest.Request, ListerWatcher, the
// controller-runtime client's WithWatch), Stop ends it, ResultChan
// carries its events and is closed when it ends.
const (
	WatchInterface = "Interface"
	WatchMethod    = "Watch"
	WatchStop      = "Stop"
	WatchResults   = "ResultChan"
	// WatchError is the type of the last event a watch sends before its
	// goroutine returns (the stream's error).
	WatchError = "ERROR"
)

// WatchMethods start a watch (cache.ListerWatcherWithContext's too).
var WatchMethods = []string{WatchMethod, "WatchWithContext"}

// WatchEvents are the element type of a watch's result channel
// (watch.Interface's ResultChan, a RetryWatcher's, a fake's): a loop
// receiving them runs per change of a watched object (per event).
var WatchEvents = []Func{{Pkg: WatchPkg, Name: "Event"}}

// GRPCServerTypes are the first parameter of a generated
// Register<Service>Server: the service implementation (the second
// argument) serves one call per request.
var GRPCServerTypes = []Func{{Pkg: GRPC, Name: "Server"}, {Pkg: GRPC, Name: "ServiceRegistrar"}}
