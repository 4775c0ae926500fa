// Package apis is the one table of the third-party and standard APIs that
// ctrlvet's analyzers know about: package paths, functions, methods and the
// methods that release what they return. Analyzers match callees against
// these entries by package path and object name, never by printed types.
package apis

// Package paths.
const (
	Netlink   = "github.com/vishvananda/netlink"
	NetlinkNL = "github.com/vishvananda/netlink/nl"
	Netns     = "github.com/vishvananda/netns"
	CNINS     = "github.com/containernetworking/plugins/pkg/ns"
	Unix      = "golang.org/x/sys/unix"
	Syscall   = "syscall"
	IO        = "io"
	Logrus    = "github.com/sirupsen/logrus"
	// FsnotifyV1 is fsnotify's old import path, still imported.
	FsnotifyV1 = "gopkg.in/fsnotify.v1"
)

// Func names a package-level function (Recv == "") or a method of a named
// type (Recv is the type's name, pointer or not).
type Func struct {
	Pkg, Recv, Name string
}

// Kind is a resource family: what the constructors return and how the
// value is released.
type Kind struct {
	// Noun is how messages name the resource ("netlink handle").
	Noun string
	// Why says in a few words why a leaked one matters.
	Why string
	// ReleaseMethods are the methods that release the value.
	ReleaseMethods []string
	// ReleaseFuncs release the value passed as their first argument.
	ReleaseFuncs []Func
	// Preferred is the release method a suggested fix uses.
	Preferred string
}

// Resource kinds known to netlinkclose.
var (
	NetlinkHandle = &Kind{
		Noun:           "netlink handle",
		Why:            "its netlink sockets are bare file descriptors with no finalizer",
		ReleaseMethods: []string{"Close", "Delete"},
		Preferred:      "Close",
	}
	NetnsHandle = &Kind{
		Noun:           "network namespace handle",
		Why:            "an NsHandle is a bare file descriptor with no finalizer",
		ReleaseMethods: []string{"Close"},
		Preferred:      "Close",
	}
	NetlinkSocket = &Kind{
		Noun:           "netlink socket",
		Why:            "a NetlinkSocket is a bare file descriptor with no finalizer",
		ReleaseMethods: []string{"Close"},
		Preferred:      "Close",
	}
	RawNetlinkFD = &Kind{
		Noun: "AF_NETLINK socket",
		Why:  "a raw socket is a bare file descriptor with no finalizer",
		ReleaseFuncs: []Func{
			{Pkg: Unix, Name: "Close"},
			{Pkg: Syscall, Name: "Close"},
		},
	}
	CNINetNS = &Kind{
		Noun:           "network namespace (ns.NetNS)",
		Why:            "it holds an open *os.File, closed only by a late finalizer",
		ReleaseMethods: []string{"Close"},
		Preferred:      "Close",
	}
	// InotifyWatcher is fsnotify's Watcher: on Linux an inotify instance
	// (fs.inotify.max_user_instances, 128 per user by default, shared by
	// every process of the user) and a goroutine reading it, both kept
	// until Close.
	InotifyWatcher = &Kind{
		Noun:           "fsnotify watcher",
		Why:            "it holds an inotify instance (128 per user by default) and a goroutine until Close",
		ReleaseMethods: []string{"Close"},
		Preferred:      "Close",
	}
	// GRPCConn is a gRPC client connection (a node agent's connection to
	// a CSI driver, a device plugin, the container runtime).
	GRPCConn = &Kind{
		Noun:           "gRPC client connection",
		Why:            "it holds its connections and the goroutines of its resolver, balancer and transports until Close",
		ReleaseMethods: []string{"Close"},
		Preferred:      "Close",
	}
)

// Constructor is a function whose result Result is a fresh resource of
// Kind.
type Constructor struct {
	Func
	Result int
	Kind   *Kind
}

// NetlinkConstructors lists the library calls that make a resource the
// caller must release: netlink's and the other kernel handles a dataplane
// agent opens (fsnotify's inotify watchers), and gRPC client connections.
var NetlinkConstructors = []Constructor{
	{Func{Netlink, "", "NewHandle"}, 0, NetlinkHandle},
	{Func{Netlink, "", "NewHandleAt"}, 0, NetlinkHandle},
	{Func{Netlink, "", "NewHandleAtFrom"}, 0, NetlinkHandle},
	{Func{Netns, "", "Get"}, 0, NetnsHandle},
	{Func{Netns, "", "GetFromPath"}, 0, NetnsHandle},
	{Func{Netns, "", "GetFromName"}, 0, NetnsHandle},
	{Func{Netns, "", "GetFromPid"}, 0, NetnsHandle},
	{Func{Netns, "", "GetFromThread"}, 0, NetnsHandle},
	{Func{Netns, "", "GetFromDocker"}, 0, NetnsHandle},
	{Func{Netns, "", "New"}, 0, NetnsHandle},
	{Func{Netns, "", "NewNamed"}, 0, NetnsHandle},
	{Func{NetlinkNL, "", "Subscribe"}, 0, NetlinkSocket},
	{Func{NetlinkNL, "", "SubscribeAt"}, 0, NetlinkSocket},
	{Func{NetlinkNL, "", "GetNetlinkSocketAt"}, 0, NetlinkSocket},
	{Func{CNINS, "", "GetNS"}, 0, CNINetNS},
	{Func{CNINS, "", "GetCurrentNS"}, 0, CNINetNS},
	{Func{Fsnotify, "", "NewWatcher"}, 0, InotifyWatcher},
	{Func{Fsnotify, "", "NewBufferedWatcher"}, 0, InotifyWatcher},
	{Func{FsnotifyV1, "", "NewWatcher"}, 0, InotifyWatcher},
	{Func{GRPC, "", "Dial"}, 0, GRPCConn},
	{Func{GRPC, "", "DialContext"}, 0, GRPCConn},
	{Func{GRPC, "", "NewClient"}, 0, GRPCConn},
}

// GRPCConnTypes are the types a function takes a gRPC connection as: a
// function of another package that takes one and returns one value (a
// generated NewXClient) returns a client that holds the connection.
var GRPCConnTypes = []Func{{Pkg: GRPC, Name: "ClientConnInterface"}, {Pkg: GRPC, Name: "ClientConn"}}

// GRPCConstructorNames are the names of the constructors of GRPCConn,
// for the fact gate's scan of the source.
var GRPCConstructorNames = []string{"Dial", "NewClient"}

// SocketFuncs create a raw socket; it is a netlink resource when the
// domain argument is AF_NETLINK.
var SocketFuncs = []Func{
	{Pkg: Unix, Name: "Socket"},
	{Pkg: Syscall, Name: "Socket"},
}

// AFNetlink is the value of AF_NETLINK on Linux.
const AFNetlink = 16

// NetlinkSubscribeFuncs are netlink's subscription functions: each call
// starts a goroutine and opens a socket that live until the done channel
// (at DoneParam) is closed.
var NetlinkSubscribeFuncs = []struct {
	Name      string
	DoneParam int
}{
	{"LinkSubscribe", 1},
	{"LinkSubscribeAt", 2},
	{"LinkSubscribeWithOptions", 1},
	{"AddrSubscribe", 1},
	{"AddrSubscribeAt", 2},
	{"AddrSubscribeWithOptions", 1},
	{"RouteSubscribe", 1},
	{"RouteSubscribeAt", 2},
	{"RouteSubscribeWithOptions", 1},
	{"NeighSubscribe", 1},
	{"NeighSubscribeAt", 2},
	{"NeighSubscribeWithOptions", 1},
}

// BorrowingPackages are packages whose functions use a resource passed to
// them without keeping or releasing it (netlink.NewHandleAt(ns) borrows
// ns). Calls into them are plain uses, not hand-overs.
var BorrowingPackages = []string{Netlink, NetlinkNL, Netns, Unix, Syscall, CNINS}

// PipeWriterConstructors make an *io.PipeWriter whose reading side is
// served by a goroutine until the writer is closed.
var PipeWriterConstructors = []Func{
	{Pkg: Logrus, Recv: "Logger", Name: "Writer"},
	{Pkg: Logrus, Recv: "Logger", Name: "WriterLevel"},
	{Pkg: Logrus, Recv: "Entry", Name: "Writer"},
	{Pkg: Logrus, Recv: "Entry", Name: "WriterLevel"},
}

// NoReturn lists calls that never return: the paths through them end the
// process or the goroutine, so nothing leaks there.
var NoReturn = []Func{
	{Pkg: "os", Name: "Exit"},
	{Pkg: "log", Name: "Fatal"},
	{Pkg: "log", Name: "Fatalf"},
	{Pkg: "log", Name: "Fatalln"},
	{Pkg: "log", Name: "Panic"},
	{Pkg: "log", Name: "Panicf"},
	{Pkg: "log", Name: "Panicln"},
	{Pkg: "log", Recv: "Logger", Name: "Fatal"},
	{Pkg: "log", Recv: "Logger", Name: "Fatalf"},
	{Pkg: "log", Recv: "Logger", Name: "Fatalln"},
	{Pkg: "runtime", Name: "Goexit"},
	{Pkg: "testing", Recv: "common", Name: "Fatal"},
	{Pkg: "testing", Recv: "common", Name: "Fatalf"},
	{Pkg: "testing", Recv: "common", Name: "FailNow"},
	{Pkg: "testing", Recv: "common", Name: "Skip"},
	{Pkg: "testing", Recv: "common", Name: "Skipf"},
	{Pkg: "testing", Recv: "common", Name: "SkipNow"},
	{Pkg: "k8s.io/klog/v2", Name: "Fatal"},
	{Pkg: "k8s.io/klog/v2", Name: "Fatalf"},
	{Pkg: "k8s.io/klog/v2", Name: "Exit"},
	{Pkg: "k8s.io/klog/v2", Name: "Exitf"},
	{Pkg: Logrus, Name: "Fatal"},
	{Pkg: Logrus, Name: "Fatalf"},
	{Pkg: Logrus, Name: "Fatalln"},
	{Pkg: Logrus, Recv: "Logger", Name: "Fatal"},
	{Pkg: Logrus, Recv: "Logger", Name: "Fatalf"},
	{Pkg: Logrus, Recv: "Entry", Name: "Fatal"},
	{Pkg: Logrus, Recv: "Entry", Name: "Fatalf"},
}

// GlobalWriterSinks keep the writer passed to them for the whole process:
// a writer handed to one is the process's writer, not a leak per call.
var GlobalWriterSinks = []Func{
	{Pkg: "log", Name: "SetOutput"},
	{Pkg: Logrus, Name: "SetOutput"},
	{Pkg: "k8s.io/klog/v2", Name: "SetOutput"},
	{Pkg: "k8s.io/klog", Name: "SetOutput"},
}

// Kubernetes client packages.
const (
	ClientGoCache        = "k8s.io/client-go/tools/cache"
	ClientGoInformers    = "k8s.io/client-go/informers"
	ClientGoLeader       = "k8s.io/client-go/tools/leaderelection"
	ClientGoWorkqueue    = "k8s.io/client-go/util/workqueue"
	CRManager            = "sigs.k8s.io/controller-runtime/pkg/manager"
	CRCache              = "sigs.k8s.io/controller-runtime/pkg/cache"
	CRCacheAPI           = "sigs.k8s.io/controller-runtime/pkg/cache/cacheapi" // v0.22+
	CRBuilder            = "sigs.k8s.io/controller-runtime/pkg/builder"
	CRReconcile          = "sigs.k8s.io/controller-runtime/pkg/reconcile"
	CRController         = "sigs.k8s.io/controller-runtime/pkg/controller"
	CRHandler            = "sigs.k8s.io/controller-runtime/pkg/handler"
	CRPredicate          = "sigs.k8s.io/controller-runtime/pkg/predicate"
	CRRoot               = "sigs.k8s.io/controller-runtime"
	ClientGoInformersPfx = "k8s.io/client-go/informers/"
	ClientGoCoreV1Infs   = "k8s.io/client-go/informers/core/v1"
	CRSource             = "sigs.k8s.io/controller-runtime/pkg/source"
	CRConfig             = "sigs.k8s.io/controller-runtime/pkg/config"
	CRSignals            = "sigs.k8s.io/controller-runtime/pkg/manager/signals"
	CoreV1               = "k8s.io/api/core/v1"
	MetaV1               = "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ControllerPackages are the packages whose import makes a package worth
// looking at for the controller model.
var ControllerPackages = []string{
	ClientGoCache, ClientGoInformers, ClientGoLeader, ClientGoWorkqueue,
	CRManager, CRCache, CRBuilder, CRReconcile, CRController, CRHandler, CRRoot,
	"sigs.k8s.io/controller-runtime/pkg/client",
	"github.com/operator-framework/operator-lib/leader",
}

// HandlerRegistrationMethods register an informer event handler (their
// first argument) on a client-go SharedInformer or a controller-runtime
// cache.Informer.
var HandlerRegistrationMethods = []string{
	"AddEventHandler", "AddEventHandlerWithResyncPeriod", "AddEventHandlerWithOptions",
}

// HandlerRegistrationPackages declare the informer interfaces whose
// registration methods are listed above.
var HandlerRegistrationPackages = []string{ClientGoCache, CRCache, CRCacheAPI}

// InformerCachePackages declare controller-runtime's GetInformer.
var InformerCachePackages = []string{CRCache, CRCacheAPI}

// HandlerMethods are the methods of a client-go ResourceEventHandler.
var HandlerMethods = []string{"OnAdd", "OnUpdate", "OnDelete"}

// HandlerFuncStructs are client-go structs whose function fields are
// event-handler code.
var HandlerFuncStructs = []Func{
	{Pkg: ClientGoCache, Name: "ResourceEventHandlerFuncs"},
	{Pkg: ClientGoCache, Name: "ResourceEventHandlerDetailedFuncs"},
}

// FilteringHandler is client-go's handler that forwards to its Handler
// field.
var FilteringHandler = Func{Pkg: ClientGoCache, Name: "FilteringResourceEventHandler"}

// LeaderCallbacks is client-go's leader-election callback struct; its
// OnStartedLeading runs only on the leader.
var LeaderCallbacks = Func{Pkg: ClientGoLeader, Name: "LeaderCallbacks"}

// LeaderWaits return once this replica is the leader (leader-for-life):
// the code after them runs on the leader only.
var LeaderWaits = []Func{
	{Pkg: "github.com/operator-framework/operator-lib/leader", Name: "Become"},
}

// ElectionStarts start a manager or run a leader election: the function
// that calls one runs on every replica, before any election.
var ElectionStarts = []Func{
	{Pkg: CRManager, Recv: "Manager", Name: "Start"},
	{Pkg: ClientGoLeader, Name: "RunOrDie"},
	{Pkg: ClientGoLeader, Recv: "LeaderElector", Name: "Run"},
}

// LongLivedContexts return contexts that are never done before the
// process stops (context.Background's Done channel is nil): a select case
// on their Done() gives a blocked send no way out on a standby.
var LongLivedContexts = []Func{
	{Pkg: "context", Name: "Background"},
	{Pkg: "context", Name: "TODO"},
	{Pkg: "context", Name: "WithoutCancel"}, // never done, whatever its parent
	{Pkg: CRSignals, Name: "SetupSignalHandler"},
	{Pkg: CRRoot, Name: "SetupSignalHandler"}, // a variable holding signals.SetupSignalHandler
}

// ContextWithCancel derives a context that its cancel function ends.
var ContextWithCancel = Func{Pkg: "context", Name: "WithCancel"}

// ContextWrappers derive a context that is done exactly when the context
// argument Arg is: values and loggers added to it.
var ContextWrappers = []Callback{
	{Func{Pkg: "context", Name: "WithValue"}, 0},
	{Func{Pkg: "github.com/go-logr/logr", Name: "NewContext"}, 0},
	{Func{Pkg: CRRoot + "/pkg/log", Name: "IntoContext"}, 0},
	{Func{Pkg: "k8s.io/klog/v2", Name: "NewContext"}, 0},
	{Func{Pkg: CRRoot, Name: "LoggerInto"}, 0}, // a variable: ctrl.LoggerInto = log.IntoContext
}

// ManagerOptions is controller-runtime's manager.Options.
var ManagerOptions = Func{Pkg: CRManager, Name: "Options"}

// Controllers: how controller-runtime builds them and where their leader
// election is chosen.

// BuilderStarts begin a controller builder chain (NewControllerManagedBy
// is a variable of the root package holding builder.ControllerManagedBy).
var BuilderStarts = []Func{
	{Pkg: CRBuilder, Name: "ControllerManagedBy"},
	{Pkg: CRBuilder, Name: "TypedControllerManagedBy"},
	{Pkg: CRRoot, Name: "NewControllerManagedBy"},
}

// BuilderBuilds are the builder methods that build the controller; their
// argument is the reconciler.
var BuilderBuilds = []string{"Complete", "Build"}

// BuilderWatches are the builder methods whose arguments hold the
// controller's event handlers, map functions and predicates.
var BuilderWatches = []string{"For", "Owns", "Watches", "WatchesMetadata", "WatchesRawSource", "WithEventFilter"}

// BuilderObjectWatches are the BuilderWatches whose first argument is the
// watched object.
var BuilderObjectWatches = []string{"For", "Owns", "Watches", "WatchesMetadata"}

// BuilderOptions is the builder method that sets the controller options.
const BuilderOptions = "WithOptions"

// ControllerNews build a controller added to the manager from
// controller.Options (their third argument).
var ControllerNews = []Func{
	{Pkg: CRController, Name: "New"},
	{Pkg: CRController, Name: "NewTyped"},
}

// ControllerWatch adds a source to a controller built by ControllerNews.
const ControllerWatch = "Watch"

// Controller option fields: controller.Options and config.Controller
// (the manager's Options.Controller) both have them, as *bool.
const (
	OptNeedLeaderElection = "NeedLeaderElection"
	OptEnableWarmup       = "EnableWarmup"
	OptReconciler         = "Reconciler"
	ManagerControllerOpts = "Controller" // manager.Options.Controller
)

// WatchPackages declare the handler, predicate and source constructors
// whose function arguments run as a controller's watches.
var WatchPackages = []string{CRHandler, CRPredicate, CRSource, CRBuilder}

// HandlerCodeMethods are the methods of a controller-runtime event handler
// or predicate type: called for each event of its watch.
var HandlerCodeMethods = []string{"Create", "Update", "Delete", "Generic"}

// BoolPtrs return a pointer to their bool argument.
var BoolPtrs = []Func{
	{Pkg: "k8s.io/utils/ptr", Name: "To"},
	{Pkg: "k8s.io/utils/pointer", Name: "Bool"},
	{Pkg: "k8s.io/utils/pointer", Name: "BoolPtr"},
}

// OnceDo is (*sync.Once).Do: its function runs once per Once value.
var OnceDo = Func{Pkg: "sync", Recv: "Once", Name: "Do"}

// OnceWrappers return a function that runs their argument once per
// returned function.
var OnceWrappers = []Func{
	{Pkg: "sync", Name: "OnceFunc"},
	{Pkg: "sync", Name: "OnceValue"},
	{Pkg: "sync", Name: "OnceValues"},
}

// WaitGroup is sync.WaitGroup: Wait blocks while Add has counted more
// than Done (or Go's functions) released.
var WaitGroup = Func{Pkg: "sync", Name: "WaitGroup"}

// WaitGroup methods.
const (
	WaitGroupWait = "Wait"
	WaitGroupAdd  = "Add"
	WaitGroupDone = "Done"
	WaitGroupGo   = "Go"
)

// Testing is the standard test package: a function that takes its T, B,
// F or TB is test support, which runs only under go test.
const Testing = "testing"

// TestingTypes are the test package's handles.
var TestingTypes = []string{"T", "B", "F", "TB"}

// EnvLookups read an environment variable: a namespace taken from one may
// be "" (all namespaces) when the variable is unset.
var EnvLookups = []Func{{Pkg: "os", Name: "Getenv"}, {Pkg: "os", Name: "LookupEnv"}}

// FlagStrings define a string flag; the argument at FlagDefaultArg (of
// the String form; one more for StringVar) is its default.
var FlagStrings = []Func{{Pkg: "flag", Name: "String"}, {Pkg: "flag", Name: "StringVar"}, {Pkg: "github.com/spf13/pflag", Name: "String"}, {Pkg: "github.com/spf13/pflag", Name: "StringVar"}}

// Cond is sync.Cond; NewCond makes one.
var (
	Cond    = Func{Pkg: "sync", Name: "Cond"}
	NewCond = Func{Pkg: "sync", Name: "NewCond"}
)

// ErrorPredicatePackages declare functions that test an error and are
// false for nil (errors.Is and As, apierrors.IsNotFound and its
// siblings, os.IsNotExist): on their true branch the error is not nil.
var ErrorPredicatePackages = []string{"errors", "k8s.io/apimachinery/pkg/api/errors", "os"}
