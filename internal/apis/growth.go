package apis

// This file lists the APIs unboundedgrowth knows: what grows state, what
// releases it, and what makes a key part of an object's identity or of a
// finite set.

// More package paths.
const (
	Prometheus = "github.com/prometheus/client_golang/prometheus"
	Promauto   = "github.com/prometheus/client_golang/prometheus/promauto"
	Sync       = "sync"
	Maps       = "maps"
	Slices     = "slices"
	ExpSlices  = "golang.org/x/exp/slices"
	UtilSets   = "k8s.io/apimachinery/pkg/util/sets"
	APITypes   = "k8s.io/apimachinery/pkg/types"
	APISchema  = "k8s.io/apimachinery/pkg/runtime/schema"
	APIErrors  = "k8s.io/apimachinery/pkg/api/errors"
	CRClient   = "sigs.k8s.io/controller-runtime/pkg/client"
	Strconv    = "strconv"
	ReflectPkg = "reflect"
	// Unstructured is apimachinery's untyped object.
	Unstructured = "k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
)

// SyncMapGrow are sync.Map's methods that add a key (the first argument).
var SyncMapGrow = []string{"Store", "LoadOrStore", "Swap"}

// SyncMapRelease are sync.Map's methods that remove keys.
var SyncMapRelease = []string{"Delete", "LoadAndDelete", "CompareAndDelete", "Clear"}

// MapReleaseFuncs remove entries from the map passed first.
var MapReleaseFuncs = []Func{{Pkg: Maps, Name: "DeleteFunc"}}

// MetricVecTypes are Prometheus's metric vectors: each label value
// combination makes a series that lives until deleted.
var MetricVecTypes = []Func{
	{Pkg: Prometheus, Name: "CounterVec"},
	{Pkg: Prometheus, Name: "GaugeVec"},
	{Pkg: Prometheus, Name: "HistogramVec"},
	{Pkg: Prometheus, Name: "SummaryVec"},
	{Pkg: Prometheus, Name: "ObserverVec"},
	{Pkg: Prometheus, Name: "MetricVec"},
}

// MetricVecGrow take label values (variadic strings, or a
// prometheus.Labels map) and make the series if it does not exist.
var MetricVecGrow = []string{"WithLabelValues", "With", "GetMetricWithLabelValues", "GetMetricWith"}

// MetricVecCurry fix some labels and return a vector of the rest.
var MetricVecCurry = []string{"CurryWith", "MustCurryWith"}

// MetricVecRelease remove series from a vector.
var MetricVecRelease = []string{"Delete", "DeleteLabelValues", "DeletePartialMatch", "Reset"}

// MetricRegister register a collector: not a use that could release it.
var MetricRegister = []string{"Register", "MustRegister"}

// MetricUnregister remove a collector (and all its series) from a
// registry.
var MetricUnregister = []string{"Unregister"}

// IdentityMethods return part of an object's identity (its name,
// namespace, UID): a key built from them grows with the objects seen.
var IdentityMethods = []string{"GetName", "GetNamespace", "GetUID", "GetGenerateName"}

// IdentityFuncs build a key from an object's identity.
var IdentityFuncs = []Func{
	{Pkg: ClientGoCache, Name: "MetaNamespaceKeyFunc"},
	{Pkg: ClientGoCache, Name: "DeletionHandlingMetaNamespaceKeyFunc"},
	{Pkg: CRClient, Name: "ObjectKeyFromObject"},
}

// IdentityTypes are key types made of an object's identity.
var IdentityTypes = []Func{
	{Pkg: APITypes, Name: "NamespacedName"},
	{Pkg: APITypes, Name: "UID"},
	{Pkg: CRReconcile, Name: "Request"},
	{Pkg: CRReconcile, Name: "TypedRequest"},
}

// FiniteTypes are key types whose values form a small closed set in any
// one cluster (kinds, resources, reflect types).
var FiniteTypes = []Func{
	{Pkg: APISchema, Name: "GroupVersionKind"},
	{Pkg: APISchema, Name: "GroupVersionResource"},
	{Pkg: APISchema, Name: "GroupKind"},
	{Pkg: APISchema, Name: "GroupResource"},
	{Pkg: APISchema, Name: "GroupVersion"},
	{Pkg: ReflectPkg, Name: "Type"},
}

// FiniteFuncs return a value of a small closed set (a status code's text,
// a boolean's).
var FiniteFuncs = []Func{
	{Pkg: Strconv, Name: "FormatBool"},
	{Pkg: NetHTTP, Name: "StatusText"},
	{Pkg: Unstructured, Recv: "Unstructured", Name: "GetKind"},
	{Pkg: Unstructured, Recv: "Unstructured", Name: "GetAPIVersion"},
}

// MembershipChecks test whether a value (the last argument) is in a list
// or set (the first): a key that passed one is one of the list's.
var MembershipChecks = []Func{
	{Pkg: Slices, Name: "Contains"},
	{Pkg: ExpSlices, Name: "Contains"},
	{Pkg: UtilSets, Recv: "Set", Name: "Has"},
	{Pkg: UtilSets, Recv: "String", Name: "Has"},
}

// NotFoundChecks mark the branch of Reconcile where the object is gone.
var NotFoundChecks = []Func{
	{Pkg: APIErrors, Name: "IsNotFound"},
	{Pkg: CRClient, Name: "IgnoreNotFound"},
}

// PrintPackages only read the values passed to them, to print or encode
// them: handing state to them releases nothing.
var PrintPackages = []string{"fmt", "log", "k8s.io/klog/v2", "k8s.io/klog", "github.com/go-logr/logr", "encoding/json"}

// Things made per call that live on until shut down: an informer factory
// (its informers watch and cache for ever once started), an event
// broadcaster (its watchers and goroutines).
const (
	ClientGoDynInformers  = "k8s.io/client-go/dynamic/dynamicinformer"
	ClientGoMetaInformers = "k8s.io/client-go/metadata/metadatainformer"
	ClientGoRecord        = "k8s.io/client-go/tools/record"
	ClientGoEvents        = "k8s.io/client-go/tools/events"
)

// LivingMakers make an object that lives on (watches, goroutines) until
// its Shutdown (LivingRelease) once one of LivingStarts has been called
// on it.
var LivingMakers = []Func{
	{Pkg: ClientGoInformers, Name: "NewSharedInformerFactory"},
	{Pkg: ClientGoInformers, Name: "NewSharedInformerFactoryWithOptions"},
	{Pkg: ClientGoInformers, Name: "NewFilteredSharedInformerFactory"},
	{Pkg: ClientGoDynInformers, Name: "NewDynamicSharedInformerFactory"},
	{Pkg: ClientGoDynInformers, Name: "NewFilteredDynamicSharedInformerFactory"},
	{Pkg: ClientGoMetaInformers, Name: "NewSharedInformerFactory"},
	{Pkg: ClientGoMetaInformers, Name: "NewSharedInformerFactoryWithOptions"},
	{Pkg: ClientGoMetaInformers, Name: "NewFilteredSharedInformerFactory"},
	{Pkg: ClientGoRecord, Name: "NewBroadcaster"},
	{Pkg: ClientGoRecord, Name: "NewBroadcasterWithCorrelatorOptions"},
	{Pkg: ClientGoEvents, Name: "NewBroadcaster"},
}

// LivingStarts start what a LivingMakers object runs.
var LivingStarts = []string{"Start", "StartWithContext", "StartRecordingToSink", "StartRecordingToSinkWithContext",
	"StartLogging", "StartStructuredLogging", "StartEventWatcher"}

// LivingRelease stops it.
var LivingRelease = []string{"Shutdown"}

// RateLimitedAdds record a failure of an item in a workqueue's rate
// limiter (AddRateLimited on a rate-limiting queue, When on a rate
// limiter): its history is kept until Forget.
var RateLimitedAdds = []string{"AddRateLimited", "When"}

// RateLimitForget drops an item's failure history.
var RateLimitForget = []string{"Forget"}

// RateLimitedQueueMakers make a rate-limiting queue or a rate limiter.
var RateLimitedQueueMakers = []string{
	"NewRateLimitingQueue", "NewTypedRateLimitingQueue", "NewNamedRateLimitingQueue",
	"NewRateLimitingQueueWithConfig", "NewTypedRateLimitingQueueWithConfig",
}

// HandlerRemovalMethods remove an event handler that
// HandlerRegistrationMethods added.
var HandlerRemovalMethods = []string{"RemoveEventHandler"}

// CancelContexts derive a context with a cancel function: a factory
// started on one made in the same function stops when it is cancelled.
var CancelContexts = []Func{
	{Pkg: "context", Name: "WithCancel"},
	{Pkg: "context", Name: "WithCancelCause"},
	{Pkg: "context", Name: "WithTimeout"},
	{Pkg: "context", Name: "WithTimeoutCause"},
	{Pkg: "context", Name: "WithDeadline"},
	{Pkg: "context", Name: "WithDeadlineCause"},
}

// SetMarkMethods add a member to a set (apimachinery's sets): a function
// that marks what it registered so that it registers it once.
var SetMarkMethods = []string{"Insert"}
