package suite_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ctrlvet/ctrlvet/suite"
)

// FuzzGenerated builds a controller-shaped program from the fuzzer's
// bytes (genProgram: channels of every capacity, goroutines, selects,
// early returns, loops, pipes and logrus writers, netlink handles and
// subscriptions, informer event handlers, leader election callbacks,
// a manager, its runnables and a reconciler, maps, slices, metric
// vectors and a rate-limited queue keyed by the event, mutexes, read
// locks, a WaitGroup, a sync.Cond, contexts that are never done and
// goroutines that wait on them, calls between the functions) that always
// type-checks, and runs EVERY analyzer on it as FuzzAnalyzers does.
// Mutating bytes of Go source rarely yields a program that type-checks;
// these do, so the fuzzer explores the analyzers, not the parser.
//
//	go test -run=NONE -fuzz=FuzzGenerated -parallel=1 -fuzztime=10m ./suite/
func FuzzGenerated(f *testing.F) {
	w := newWorld(f)
	r := rand.New(rand.NewPCG(1, 2))
	for range 4 {
		b := make([]byte, 64+r.IntN(512))
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		src := genProgram(data)
		if w.input(src) == nil {
			t.Fatalf("the generated program does not type-check:\n%s", src)
		}
		w.check(t, src)
	})
}

// TestGeneratedRandom runs random generated programs through every
// analyzer for CTRLVET_GENERATED_FOR (a duration, such as 10m), as
// FuzzGenerated does but without the fuzzer's coverage guidance; it is
// skipped without it. (In this repository's sandbox, go1.26.8's fuzzing
// worker exits with status 2 and no message on FuzzGenerated's first
// seed, which plain go test runs clean; this loop is how it was run.)
func TestGeneratedRandom(t *testing.T) {
	d, err := time.ParseDuration(os.Getenv("CTRLVET_GENERATED_FOR"))
	if err != nil {
		t.Skip("set CTRLVET_GENERATED_FOR=10m to run generated programs for that long")
	}
	w := newWorld(t)
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 5))
	n := 0
	for start := time.Now(); time.Since(start) < d; n++ {
		b := make([]byte, 16+r.IntN(2048))
		for j := range b {
			b[j] = byte(r.UintN(256))
		}
		src := genProgram(b)
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			if _, err := w.parse(src); err != nil {
				t.Fatalf("does not type-check (%v):\n%s", err, src)
			}
			w.check(t, src)
			if t.Failed() {
				t.Logf("input: %q", b)
			}
		})
	}
	t.Logf("%d programs", n)
}

// TestGeneratedTypeChecks checks that the generator makes well-typed
// programs, and that the analyzers find something in some of them (the
// generator reaches what they look for).
func TestGeneratedTypeChecks(t *testing.T) {
	w := newWorld(t)
	r := rand.New(rand.NewPCG(3, 4))
	found := map[string]int{}
	for i := range 32 {
		b := make([]byte, 256+r.IntN(1024))
		for j := range b {
			b[j] = byte(r.UintN(256))
		}
		src := genProgram(b)
		p, err := w.parse(src)
		if err != nil {
			t.Fatalf("program %d does not type-check (%v):\n%s", i, err, src)
		}
		for l := range strings.SplitSeq(w.analyse(t, p), "\n") {
			if i := strings.LastIndex(l, "("); i >= 0 {
				found[l[i:]]++
			}
		}
	}
	t.Logf("findings by analyzer over 32 programs: %v", found)
	for _, a := range suite.Analyzers() {
		a := "(" + a.Name + ")"
		if found[a] == 0 {
			t.Errorf("no %s finding in 32 generated programs: the generator no longer reaches it", a)
		}
	}
}

// gen writes a program from a byte stream; when the bytes run out every
// choice is 0.
type gen struct {
	data  []byte
	b     strings.Builder
	nfunc int
	depth int
	tmp   int
}

func (g *gen) next(n int) int {
	if len(g.data) == 0 || n <= 1 {
		return 0
	}
	v := int(g.data[0]) % n
	g.data = g.data[1:]
	return v
}

func (g *gen) p(format string, args ...any) {
	g.b.WriteString(strings.Repeat("\t", g.depth))
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteString("\n")
}

func (g *gen) name() string {
	g.tmp++
	return fmt.Sprintf("v%d", g.tmp)
}

// genProgram returns a program of package main with a few functions whose
// statements data chooses.
func genProgram(data []byte) string {
	g := &gen{data: data}
	g.b.WriteString(`package main

import (
	"context"
	"errors"
	"io"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/sirupsen/logrus"
	"github.com/vishvananda/netlink"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/leaderelection"
	"k8s.io/client-go/util/workqueue"
	ctrl "sigs.k8s.io/controller-runtime"
	ctrlmetrics "sigs.k8s.io/controller-runtime/pkg/metrics"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

var _ = errors.New
var _ io.Writer
var _ time.Duration
var _ cache.ResourceEventHandlerFuncs
var _ leaderelection.LeaderCallbacks
var _ netlink.Handle
var _ = wait.NeverStop
var _ corev1.Pod
var _ = labels.Everything

type state struct {
	c0, c1, c2, c3 chan int
	done           chan struct{}
	events         chan string
	log            *logrus.Logger
	w              io.Writer
	h              *netlink.Handle
	m              map[string]int
	items          []string
	mu             sync.Mutex
	rw             sync.RWMutex
	wg             sync.WaitGroup
	cond           *sync.Cond
	q              workqueue.RateLimitingInterface
	watch          watch.Interface
}

type ctxKey struct{}

var gauge = prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "g"}, []string{"key"})

func init() { ctrlmetrics.Registry.MustRegister(gauge) }

type runner struct {
	s      *state
	leader bool
}

func (r *runner) NeedLeaderElection() bool { return r.leader }

type reconciler struct{ s *state }

`)
	g.nfunc = 2 + g.next(4)
	for i := range g.nfunc {
		g.p("func f%d(ctx context.Context, s *state, x int, key string) error {", i)
		g.depth++
		g.block(i, 3+g.next(8))
		g.p("return nil")
		g.depth--
		g.p("}\n")
	}
	g.p("func (r *runner) Start(ctx context.Context) error {")
	g.depth++
	g.p("return f%d(ctx, r.s, 0, \"start\")", g.next(g.nfunc))
	g.depth--
	g.p("}\n")
	g.p("func (r *reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {")
	g.p("\treturn reconcile.Result{}, f%d(ctx, r.s, 6, req.Name)", g.next(g.nfunc))
	g.p("}\n")
	g.p("func main() {")
	g.depth++
	g.p("ctx := context.Background()")
	g.p("s := &state{c0: make(chan int), c1: make(chan int, %d), c2: make(chan int, 1), c3: make(chan int), done: make(chan struct{}), events: make(chan string), log: logrus.New(), m: map[string]int{}}", g.next(3))
	g.p("s.cond = sync.NewCond(&s.mu)")
	g.p("s.q = workqueue.NewRateLimitingQueue(workqueue.DefaultControllerRateLimiter())")
	g.p("client := kubernetes.NewForConfigOrDie(nil)")
	g.p("factory := informers.NewSharedInformerFactory(client, time.Minute)")
	g.p("mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: %v})", g.next(2) == 0)
	g.p("pods := factory.Core().V1().Pods().Lister()")
	for range 1 + g.next(4) {
		switch g.next(10) {
		case 0:
			g.p("_, _ = factory.Core().V1().Pods().Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) { _ = f%d(ctx, s, 1, obj.(*corev1.Pod).Name) }})", g.next(g.nfunc))
		case 1:
			g.p("_, _ = factory.Core().V1().Secrets().Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{UpdateFunc: func(_, obj any) { _ = f%d(ctx, s, 2, obj.(*corev1.Secret).Name) }})", g.next(g.nfunc))
		case 2:
			g.p("_ = mgr.Add(&runner{s: s, leader: %v})", g.next(2) == 0)
		case 3:
			g.p("go func() { _ = f%d(ctx, s, 3, \"go\") }()", g.next(g.nfunc))
		case 4:
			g.p("_ = factory.Core().V1().ConfigMaps().Informer()")
		case 5:
			g.p("_ = f%d(ctx, s, 4, \"main\")", g.next(g.nfunc))
		case 6:
			g.p("_ = ctrl.NewControllerManagedBy(mgr).For(&corev1.Pod{}).Complete(&reconciler{s: s})")
		case 7:
			g.p("_, _ = factory.Core().V1().Pods().Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{DeleteFunc: func(obj any) { s.events <- obj.(*corev1.Pod).Name }})")
		case 8:
			g.p("_, _ = pods.List(labels.Everything())")
		case 9:
			g.p("go func() {\n\tfor name := range s.events {\n\t\t_ = f%d(ctx, s, 7, name)\n\t}\n}()", g.next(g.nfunc))
		}
	}
	g.p("_, _ = mgr, pods")
	g.p("factory.Start(s.done)")
	if g.next(2) == 0 {
		g.p("leaderelection.RunOrDie(ctx, leaderelection.LeaderElectionConfig{Callbacks: leaderelection.LeaderCallbacks{")
		g.p("\tOnStartedLeading: func(ctx context.Context) {")
		if g.next(2) == 0 {
			g.p("\t\t_, _ = pods.List(labels.Everything())")
		}
		if g.next(2) == 0 {
			g.p("\t\tgo func() {\n\t\t\tfor name := range s.events {\n\t\t\t\t_ = f%d(ctx, s, 8, name)\n\t\t\t}\n\t\t}()", g.next(g.nfunc))
		}
		g.p("\t\t_ = f%d(ctx, s, 5, \"leader\")", g.next(g.nfunc))
		g.p("\t},")
		g.p("\tOnStoppedLeading: func() {},")
		g.p("}})")
	} else {
		g.p("_ = mgr.Start(ctx)")
	}
	g.depth--
	g.p("}")
	return g.b.String()
}

// block writes n statements of function fn.
func (g *gen) block(fn, n int) {
	for range n {
		g.stmt(fn)
	}
}

func (g *gen) ch() string { return fmt.Sprintf("s.c%d", g.next(4)) }

// stmt writes one statement of function fn.
func (g *gen) stmt(fn int) {
	nest := g.depth < 4
	switch k := g.next(37); {
	case k == 0:
		g.p("%s <- x", g.ch())
	case k == 1:
		g.p("<-%s", g.ch())
	case k == 2:
		g.p("go func() { %s <- x }()", g.ch())
	case k == 3:
		g.p("go func() {\n%s\tfor range %s {\n%s\t}\n%s}()", tabs(g.depth), g.ch(), tabs(g.depth), tabs(g.depth))
	case k == 4 && nest:
		g.p("if x == %d {", g.next(8))
		g.depth++
		g.block(fn, 1+g.next(3))
		g.depth--
		if g.next(2) == 0 {
			g.p("} else {")
			g.depth++
			g.block(fn, 1+g.next(3))
			g.depth--
		}
		g.p("}")
	case k == 5 && nest:
		g.p("for i := 0; i < %d; i++ {", 1+g.next(4))
		g.depth++
		g.p("_ = i")
		g.block(fn, 1+g.next(3))
		g.depth--
		g.p("}")
	case k == 6:
		g.p("select {\ncase %s <- x:\ncase <-ctx.Done():\n\treturn ctx.Err()\n}", g.ch())
	case k == 7:
		g.p("if x > %d {\n\treturn errors.New(\"early\")\n}", g.next(8))
	case k == 8:
		r, w := g.name(), g.name()
		g.p("%s, %s := io.Pipe()", r, w)
		g.p("go func() { _, _ = io.Copy(io.Discard, %s) }()", r)
		g.release(w, "Close")
	case k == 9:
		w := g.name()
		g.p("%s := s.log.WriterLevel(logrus.InfoLevel)", w)
		g.release(w, "Close")
	case k == 10:
		h := g.name()
		g.p("%s, err := netlink.NewHandle()\nif err != nil {\n\treturn err\n}", h)
		g.p("_, _ = %s.LinkList()", h)
		g.release(h, "Delete")
	case k == 11:
		g.p("if err := f%d(ctx, s, x+1, key); err != nil {\n\treturn err\n}", g.next(g.nfunc))
	case k == 12:
		c := g.name()
		g.p("%s := make(chan int, %d)", c, g.next(2))
		g.p("go func() { %s <- x }()", c)
		if g.next(2) == 0 {
			g.p("if x == %d {\n\treturn nil\n}", g.next(8))
		}
		g.p("<-%s", c)
	case k == 13:
		g.p("%s = %s", g.ch(), g.ch())
	case k == 14:
		u := g.name()
		g.p("%s := make(chan netlink.LinkUpdate)\nif err := netlink.LinkSubscribe(%s, s.done); err != nil {\n\treturn err\n}", u, u)
		if g.next(2) == 0 {
			g.p("go func() {\n\tfor range %s {\n\t}\n}()", u)
		}
	case k == 15:
		g.p("s.w = s.log.Writer()")
	case k == 16:
		g.p("time.Sleep(time.Duration(x))")
	case k == 17:
		g.p("go func() { _ = f%d(ctx, s, x, key) }()", g.next(g.nfunc))
	case k == 18:
		g.p("select {\ncase v := <-%s:\n\tx += v\ncase <-s.done:\n\treturn nil\n}", g.ch())
	case k == 19:
		g.p("s.m[key] = x")
	case k == 20:
		g.p("delete(s.m, key)")
	case k == 21:
		g.p("gauge.WithLabelValues(key).Set(float64(x))")
	case k == 22:
		g.p("gauge.DeleteLabelValues(key)")
	case k == 23:
		g.p("s.items = append(s.items, key)")
	case k == 24:
		g.p("s.q.AddRateLimited(key)")
	case k == 25:
		g.p("s.q.Forget(key)")
	case k == 26 && nest:
		g.locked("s.mu.Lock()", "s.mu.Unlock()", fn)
	case k == 27 && nest:
		if g.next(2) == 0 {
			g.locked("s.rw.RLock()", "s.rw.RUnlock()", fn)
		} else {
			g.locked("s.rw.Lock()", "s.rw.Unlock()", fn)
		}
	case k == 28:
		g.p("s.wg.Add(1)\ngo func() {\n\tdefer s.wg.Done()\n\t_ = f%d(ctx, s, x, key)\n}()", g.next(g.nfunc))
	case k == 29:
		g.p("s.wg.Wait()")
	case k == 30:
		g.p("s.mu.Lock()\nfor s.m[key] == 0 {\n\ts.cond.Wait()\n}\ns.mu.Unlock()")
	case k == 31:
		if g.next(2) == 0 {
			g.p("s.cond.Signal()")
		} else {
			g.p("s.cond.Broadcast()")
		}
	case k == 32:
		g.waiter(fn)
	case k == 33:
		g.context()
	case k == 35:
		g.loop(fn)
	case k == 34:
		g.p("for {\n\tselect {\n\tcase <-ctx.Done():\n\t\treturn ctx.Err()\n\tcase v := <-%s:\n\t\tx += v\n\t}\n}", g.ch())
	default:
		g.p("x++")
	}
}

// locked writes a statement of function fn between lock and unlock.
func (g *gen) locked(lock, unlock string, fn int) {
	g.p("%s", lock)
	g.stmt(fn)
	g.p("%s", unlock)
}

// waiter starts a goroutine that waits on the function's context (never
// done when it comes from context.Background, a reconcile or a derivation
// of them), on wait.NeverStop, or on nothing.
func (g *gen) waiter(fn int) {
	switch g.next(6) {
	case 0:
		g.p("go func() { <-ctx.Done() }()")
	case 1:
		g.p("go wait.Until(func() { _ = f%d(ctx, s, x, key) }, time.Second, wait.NeverStop)", g.next(g.nfunc))
	case 2:
		g.p("go wait.UntilWithContext(ctx, func(ctx context.Context) { _ = f%d(ctx, s, x, key) }, time.Second)", g.next(g.nfunc))
	case 3:
		g.p("go func() {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\tcase v := <-%s:\n\t\t\tx += v\n\t\t}\n\t}\n}()", g.ch())
	case 4:
		g.p("go wait.Forever(func() { x++ }, time.Second)")
	default:
		g.p("go func() {\n\tfor ctx.Err() == nil {\n\t\tif f%d(ctx, s, x, key) != nil {\n\t\t\treturn\n\t\t}\n\t}\n}()", g.next(g.nfunc))
	}
}

// loop writes a long-running loop over a watch's events or the events
// channel, whose body starts goroutines or runs statements, some of them
// behind a check of the event or of a local map.
func (g *gen) loop(fn int) {
	if g.next(2) == 0 {
		g.p("for ev := range s.watch.ResultChan() {")
		g.p("\tkey := string(ev.Type)")
	} else {
		g.p("for key := range s.events {")
	}
	g.depth++
	g.p("_ = key")
	switch g.next(3) {
	case 0:
		g.p("if key == %q {\n\tcontinue\n}", "x")
	case 1:
		g.p("if s.m[key] > 0 {\n\tcontinue\n}\ns.m[key]++")
	}
	g.waiter(fn)
	if g.depth < 4 {
		g.stmt(fn)
	}
	g.depth--
	g.p("}")
}

// context replaces the function's context: by one that is never done, a
// value added to it, or a cancellable child.
func (g *gen) context() {
	switch g.next(4) {
	case 0:
		g.p("ctx = context.Background()")
	case 1:
		g.p("ctx = context.WithoutCancel(ctx)")
	case 2:
		g.p("ctx = context.WithValue(ctx, ctxKey{}, x)")
	default:
		c, cancel := g.name(), g.name()
		g.p("%s, %s := context.WithCancel(ctx)\ndefer %s()\nctx = %s", c, cancel, cancel, c)
	}
}

// release writes what happens to the resource v: released on every path
// (defer), on some, handed on, or never.
func (g *gen) release(v, method string) {
	switch g.next(5) {
	case 0:
		g.p("defer %s.%s()", v, method)
	case 1:
		g.p("if x == %d {\n\t%s.%s()\n}", g.next(8), v, method)
	case 2:
		g.p("%s.%s()", v, method)
	case 3:
		g.p("_ = %s", v)
	default:
		if method == "Close" {
			g.p("s.w = %s", v)
		} else {
			g.p("s.h = %s", v)
		}
	}
}

func tabs(n int) string { return strings.Repeat("\t", n) }
