package strandedgoroutine_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/strandedgoroutine"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

func TestBasic(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strandedgoroutine.Analyzer, "basic", "loops", "regressions", "regressions/cmd", "constructor", "lifecycle", "returns/lib", "returns/use", "condexported", "ctxparam/lib", "ctxparam/use", "checkthenblock", "lockcaller", "reviewed", "orphan", "orphan/cmd", "selfjoin", "fanin", "oncefreq", "producer/lib", "producer/use")
}

// TestForever checks goroutines started on recurring code whose only way
// out is a context that is never done (on the shared stubs: reconcilers,
// informer handlers, wait.Until).
func TestForever(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), strandedgoroutine.Analyzer, "forever", "forever/lib", "forever/use")
}

// TestWatchStop checks watches left running on some path, a watch
// constructor's fact across packages, and their fixes.
func TestWatchStop(t *testing.T) {
	analysistest.Run(t, testutil.Tree(t), strandedgoroutine.Analyzer, "watchstop", "watchstop/lib", "watchstop/use", "watchstop/cmd", "watchstop/storetest", "watchstop/dot")
}

// TestManager checks controller-runtime's manager shape (a channel closed
// only by a goroutine started after an error return of one method, waited
// on in a deferred function of another) and its fix.
func TestManager(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), strandedgoroutine.Analyzer, "manager", "managerfixed")
}

// TestManyBranches checks that the work stays bounded on a function with
// thousands of branches.
func TestManyBranches(t *testing.T) {
	const n = 3000
	var b strings.Builder
	b.WriteString("package stress\n\nfunc step(int) error { return nil }\n\n")
	b.WriteString("func many(xs []int) error {\n\terrCh := make(chan error)\n")
	b.WriteString("\tgo func() { // want `goroutine can block for ever on a send`\n\t\terrCh <- step(0)\n\t}()\n")
	b.WriteString("\tfor _, x := range xs {\n")
	for i := range n {
		fmt.Fprintf(&b, "\t\tif x == %d {\n\t\t\t_ = step(x)\n\t\t}\n", i)
		if i == n/2 {
			b.WriteString("\t\tif x < 0 {\n\t\t\treturn nil\n\t\t}\n")
		}
	}
	b.WriteString("\t}\n\treturn <-errCh\n}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "stress", b.String())
	testutil.TimedRun(t, dir, strandedgoroutine.Analyzer, "stress", 10*time.Second)
}

// TestForeverManyCalls: a goroutine started per reconcile that never
// returns, which calls a helper sixty times, each calling sixty helpers,
// each sixty more with a hundred branches (3,600 call sites, three deep).
// The walk is memoised per callee and set of dead parameters and capped
// at depth 3; on this package the time goes to building SSA and the
// frequency stage, not to the walk, which this bounds as a whole.
func TestForeverManyCalls(t *testing.T) {
	const n = 60
	var b strings.Builder
	b.WriteString("package foreverstress\n\nimport (\n\t\"context\"\n\n\t\"sigs.k8s.io/controller-runtime/pkg/reconcile\"\n)\n\n")
	b.WriteString("type R struct{}\n\nfunc (r *R) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {\n\tbg := context.Background()\n")
	b.WriteString("\tgo func() { // want `goroutine started per reconcile never returns`\n")
	for range n {
		b.WriteString("\t\tl1(bg)\n")
	}
	b.WriteString("\t\t<-bg.Done()\n\t}()\n\treturn reconcile.Result{}, nil\n}\n\n")
	b.WriteString("func l1(ctx context.Context) {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tl2_%d(ctx)\n", i)
	}
	b.WriteString("}\n\n")
	for i := range n {
		fmt.Fprintf(&b, "func l2_%d(ctx context.Context) {\n", i)
		for j := range n {
			fmt.Fprintf(&b, "\tl3_%d(ctx)\n", j)
		}
		b.WriteString("}\n\n")
	}
	for j := range n {
		fmt.Fprintf(&b, "func l3_%d(ctx context.Context) {\n", j)
		for k := range 50 {
			fmt.Fprintf(&b, "\tif ctx.Value(%d) == nil {\n\t\t_ = %d\n\t}\n", k, k)
		}
		b.WriteString("}\n\n")
	}
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "foreverstress", b.String())
	testutil.TimedRun(t, dir, strandedgoroutine.Analyzer, "foreverstress", 20*time.Second)
}

// TestManySends: a goroutine with thousands of sends one after another on
// a channel of one slot, received on one path only. Counting the sends on one path
// was once cubic: 4000 sends took 72 s.
func TestManySends(t *testing.T) {
	const n = 4000
	var b strings.Builder
	b.WriteString("package manysends\n\nfunc f(fail bool) int {\n\tch := make(chan int, 1)\n\tgo func() {\n")
	for i := range n {
		fmt.Fprintf(&b, "\t\tch <- %d\n", i)
	}
	b.WriteString("\t}()\n\tif fail {\n\t\treturn 0\n\t}\n\treturn <-ch\n}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "manysends", b.String())
	ds := testutil.Timed(t, dir, strandedgoroutine.Analyzer, "manysends", 10*time.Second)
	if len(ds) != 1 {
		t.Errorf("%d findings, want 1 (the early return strands the goroutine)", len(ds))
	}
}

// TestManyLocksAndGoroutines: one function with thousands of lock
// sections, waits, selects and goroutines; the must-held analysis is once
// per function and mutex, the rest linear.
func TestManyLocksAndGoroutines(t *testing.T) {
	const n = 2000
	var b strings.Builder
	b.WriteString("package manylocks\n\nimport \"sync\"\n\n")
	b.WriteString("type p struct {\n\tmu   sync.Mutex\n\twake chan struct{}\n\tstop chan struct{}\n}\n\n")
	b.WriteString("func newP() *p { return &p{wake: make(chan struct{}), stop: make(chan struct{})} }\n\n")
	b.WriteString("func (q *p) poke() {\n\tq.mu.Lock()\n\tselect {\n\tcase q.wake <- struct{}{}:\n\tdefault:\n\t}\n\tq.mu.Unlock()\n}\n\n")
	b.WriteString("func (q *p) Stop() { close(q.stop) }\n\n")
	b.WriteString("func (q *p) many(x int, out chan int) {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tq.mu.Lock()\n\tif x == %d {\n\t\t<-q.wake\n\t}\n\tq.mu.Unlock()\n", i)
		fmt.Fprintf(&b, "\tgo func() {\n\t\tselect {\n\t\tcase out <- %d:\n\t\tcase <-q.stop:\n\t\t}\n\t}()\n", i)
	}
	b.WriteString("}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "manylocks", b.String())
	ds := testutil.Timed(t, dir, strandedgoroutine.Analyzer, "manylocks", 30*time.Second)
	if len(ds) != n {
		t.Errorf("%d findings, want %d (each wait holds the mutex its only sender needs)", len(ds), n)
	}
}

// TestManyChannels: one function with a thousand channels, each with a
// producer goroutine and a consumer loop that stops early; every form
// that looks at local channels runs on each.
func TestManyChannels(t *testing.T) {
	const n = 1000
	var b strings.Builder
	b.WriteString("package manychans\n\nfunc many(stop func(int) bool) int {\n\tsum := 0\n")
	for i := range n {
		fmt.Fprintf(&b, "\tch%d := make(chan int)\n\tgo func() {\n\t\tfor i := 0; i < 3; i++ {\n\t\t\tch%d <- i\n\t\t}\n\t\tclose(ch%d)\n\t}()\n", i, i, i)
		fmt.Fprintf(&b, "\tfor v := range ch%d {\n\t\tif stop(v) {\n\t\t\tbreak\n\t\t}\n\t\tsum += v\n\t}\n", i)
	}
	b.WriteString("\treturn sum\n}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "manychans", b.String())
	ds := testutil.Timed(t, dir, strandedgoroutine.Analyzer, "manychans", 30*time.Second)
	if len(ds) != n {
		t.Errorf("%d findings, want %d (each break strands its producer)", len(ds), n)
	}
}

// TestManyLockedSends: thousands of methods that send on one channel
// field with a mutex held, directly or through a caller, and a worker loop
// that takes the mutex between receives; the receivers are walked once
// per field, and whether they take the mutex once per field and mutex.
func TestManyLockedSends(t *testing.T) {
	const n = 2000
	var b strings.Builder
	b.WriteString("package lockedsends\n\nimport \"sync\"\n\n")
	b.WriteString("type w struct {\n\tmu sync.Mutex\n\tn  int\n\tch chan int\n}\n\n")
	b.WriteString("func newW() *w {\n\tx := &w{ch: make(chan int)}\n\tgo x.loop()\n\treturn x\n}\n\n")
	b.WriteString("func (x *w) loop() {\n\tfor v := range x.ch {\n\t\tx.mu.Lock()\n\t\tx.n += v\n\t\tx.mu.Unlock()\n\t}\n}\n\n")
	for i := range n {
		fmt.Fprintf(&b, "func (x *w) send%d() {\n\tx.ch <- %d\n}\n\n", i, i)
		fmt.Fprintf(&b, "func (x *w) locked%d() {\n\tx.mu.Lock()\n\tdefer x.mu.Unlock()\n\tx.send%d()\n}\n\n", i, i)
	}
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "lockedsends", b.String())
	ds := testutil.Timed(t, dir, strandedgoroutine.Analyzer, "lockedsends", 30*time.Second)
	if len(ds) != n {
		t.Errorf("%d findings, want %d (each send runs under the mutex the loop takes)", len(ds), n)
	}
}

// TestManyPolledSends: a thousand producers that poll the context, then
// send on one channel field, and a collector that returns on the context.
func TestManyPolledSends(t *testing.T) {
	const n = 1000
	var b strings.Builder
	b.WriteString("package polledsends\n\nimport \"context\"\n\n")
	b.WriteString("type p struct {\n\tout chan int\n}\n\n")
	b.WriteString("func (x *p) collect(ctx context.Context) int {\n\tn := 0\n\tfor {\n\t\tselect {\n\t\tcase v := <-x.out:\n\t\t\tn += v\n\t\tcase <-ctx.Done():\n\t\t\treturn n\n\t\t}\n\t}\n}\n\n")
	for i := range n {
		fmt.Fprintf(&b, "func (x *p) produce%d(ctx context.Context) {\n\tfor {\n\t\tselect {\n\t\tcase <-ctx.Done():\n\t\t\treturn\n\t\tdefault:\n\t\t}\n\t\tx.out <- %d\n\t}\n}\n\n", i, i)
	}
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "polledsends", b.String())
	ds := testutil.Timed(t, dir, strandedgoroutine.Analyzer, "polledsends", 30*time.Second)
	if len(ds) != n {
		t.Errorf("%d findings, want %d (each producer checks before, not during, its send)", len(ds), n)
	}
}

// TestManyOrphans: one function that makes hundreds of objects, each
// with its own context and loop, with an error return after each.
func TestManyOrphans(t *testing.T) {
	const n = 300
	var b strings.Builder
	b.WriteString("package orphans\n\nimport (\n\t\"context\"\n\t\"errors\"\n)\n\n")
	b.WriteString("type w struct {\n\tctx    context.Context\n\tcancel context.CancelFunc\n}\n\n")
	b.WriteString("func (x *w) loop() {\n\t<-x.ctx.Done()\n}\n\n")
	b.WriteString("func many(cfg []string) (*w, error) {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tw%d := &w{}\n\tw%d.ctx, w%d.cancel = context.WithCancel(context.Background())\n\tgo w%d.loop()\n", i, i, i, i)
		fmt.Fprintf(&b, "\tif cfg[%d] == \"\" {\n\t\treturn nil, errors.New(\"empty\")\n\t}\n", i)
	}
	b.WriteString("\treturn nil, nil\n}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "orphans", b.String())
	ds := testutil.Timed(t, dir, strandedgoroutine.Analyzer, "orphans", 30*time.Second)
	if len(ds) != n {
		t.Errorf("%d findings, want %d (each loop's object is dropped by the return after it)", len(ds), n)
	}
}

// TestLongLoopOrphan: a clean-up that can run before the goroutine
// starts (at the top of the loop that starts it) leaves nothing to
// report, however many blocks lie between them: a walk that gives up on
// the way stays silent. A short copy without the clean-up is reported.
func TestLongLoopOrphan(t *testing.T) {
	var b strings.Builder
	b.WriteString("package longloop\n\nimport (\n\t\"context\"\n\t\"errors\"\n)\n\n")
	b.WriteString("type w struct {\n\tctx    context.Context\n\tcancel context.CancelFunc\n}\n\n")
	b.WriteString("func (x *w) loop() {\n\t<-x.ctx.Done()\n}\n\nfunc step(int) {}\n\n")
	for _, f := range []struct {
		name, cancel, want string
		n                  int
	}{
		{"cleaned", "\t\tx.cancel()\n", "// ok", 1500},
		{"dropped", "", "// want `goroutine runs until w's context is cancelled`", 5},
	} {
		fmt.Fprintf(&b, "func %s(cfg []string) (*w, error) {\n", f.name)
		b.WriteString("\tx := &w{}\n\tx.ctx, x.cancel = context.WithCancel(context.Background())\n")
		b.WriteString("\tfor _, c := range cfg {\n")
		b.WriteString(f.cancel)
		for i := range f.n {
			fmt.Fprintf(&b, "\t\tif len(c) == %d {\n\t\t\tstep(%d)\n\t\t}\n", i, i)
		}
		fmt.Fprintf(&b, "\t\tgo x.loop() %s\n", f.want)
		b.WriteString("\t\tif c == \"\" {\n\t\t\treturn nil, errors.New(\"empty\")\n\t\t}\n")
		b.WriteString("\t}\n\treturn x, nil\n}\n\n")
	}
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "longloop", b.String())
	testutil.TimedRun(t, dir, strandedgoroutine.Analyzer, "longloop", 20*time.Second)
}

// TestManySelfJoinCalls: a loop with thousands of calls, to thousands of
// methods that call each other in a chain, before it closes its own
// connection: the walk stays bounded, and the self-join is still found.
func TestManySelfJoinCalls(t *testing.T) {
	const n = 3000
	var b strings.Builder
	b.WriteString("package manyjoin\n\ntype conn struct {\n\tdone chan struct{}\n\tstop chan struct{}\n}\n\n")
	for i := range n {
		fmt.Fprintf(&b, "func (c *conn) m%d() { c.m%d() }\n", i, (i+1)%n)
	}
	b.WriteString("\nfunc (c *conn) loop(xs []int) {\n\tdefer close(c.done)\n\tfor _, x := range xs {\n")
	for i := range n {
		fmt.Fprintf(&b, "\t\tif x == %d {\n\t\t\tc.m%d()\n\t\t}\n", i, i)
	}
	b.WriteString("\t}\n\tc.Close()\n}\n\n")
	b.WriteString("func (c *conn) Close() {\n\tclose(c.stop)\n\t<-c.done // want `receive from conn.done blocks for ever when conn.loop reaches it`\n}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "manyjoin", b.String())
	testutil.TimedRun(t, dir, strandedgoroutine.Analyzer, "manyjoin", 20*time.Second)
}
