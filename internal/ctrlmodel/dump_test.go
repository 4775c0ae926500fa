package ctrlmodel_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// dump renders what the model knows about a package.
func dump(m *ctrlmodel.Model) string {
	var b strings.Builder
	var roles []string
	for _, fn := range m.Funcs {
		roles = append(roles, fmt.Sprintf("  %s: %s", fn.String(), roleString(m.RoleOf(fn))))
	}
	sort.Strings(roles)
	b.WriteString("roles:\n" + strings.Join(roles, "\n") + "\n")
	for _, r := range m.Registrations() {
		fmt.Fprintf(&b, "registration in %s:", r.Fn.String())
		for _, o := range r.Origins {
			if o.Type != nil {
				fmt.Fprintf(&b, " type %s", o.Type.Obj().Name())
			}
			for _, f := range o.Funcs {
				fmt.Fprintf(&b, " func %s", f.String())
			}
		}
		b.WriteString("\n")
	}
	for _, ch := range m.Channels() {
		fmt.Fprintf(&b, "channel %v cap=%d escaped=%v\n", ch.IDs, ch.Cap, ch.Escaped)
		for _, s := range ch.Sends {
			fmt.Fprintf(&b, "  send in %s blocking=%v handler=%v role=%s\n", s.Fn.String(), s.Blocking, m.InHandler(s.Fn), roleString(m.RoleOf(s.Fn)))
		}
		for _, r := range ch.Recvs {
			fmt.Fprintf(&b, "  recv in %s role=%s\n", r.Fn.String(), roleString(m.RoleOf(r.Fn)))
		}
		for _, s := range ch.RemoteSends {
			fmt.Fprintf(&b, "  remote send %s %v role=%s\n", s.Func, s.Roots, roleString(s.Role))
		}
		for _, s := range ch.RemoteRecvs {
			fmt.Fprintf(&b, "  remote recv %s role=%s\n", s.Func, roleString(s.Role))
		}
	}
	for _, inf := range m.Informers() {
		fmt.Fprintf(&b, "informer %s in %s unknown=%v start=%v\n", inf.Resource, inf.Fn.String(), inf.Unknown, inf.Start != nil)
		for _, c := range inf.Consumer {
			name := "?"
			if c.Fn != nil {
				name = c.Fn.String()
			}
			fmt.Fprintf(&b, "  consumer %s in %s role=%s\n", c.What, name, roleString(c.Role))
		}
	}
	return b.String()
}

func roleString(r ctrlmodel.Role) string {
	var s []string
	if r&ctrlmodel.Leader != 0 {
		s = append(s, "leader")
	}
	if r&ctrlmodel.Every != 0 {
		s = append(s, "every")
	}
	if r&ctrlmodel.Unknown != 0 {
		s = append(s, "unknown")
	}
	return strings.Join(s, "|")
}

// TestDump prints the model of the packages named in CTRLMODEL_DUMP.
func TestDump(t *testing.T) {
	pkgs := os.Getenv("CTRLMODEL_DUMP")
	if pkgs == "" {
		t.Skip("set CTRLMODEL_DUMP=pkg,pkg to print the model")
	}
	dumper := &analysis.Analyzer{
		Name:     "dump",
		Doc:      "dump",
		Requires: []*analysis.Analyzer{ctrlmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			t.Logf("package %s\n%s", pass.Pkg.Path(), dump(pass.ResultOf[ctrlmodel.Analyzer].(*ctrlmodel.Model)))
			return nil, nil
		},
	}
	analysistest.Run(quiet{}, testutil.Tree(t), dumper, strings.Split(pkgs, ",")...)
}

// quiet ignores analysistest's complaints about expectations meant for
// other analyzers.
type quiet struct{}

func (quiet) Errorf(string, ...any) {}

// TestModel checks what the model knows about the scenarios: where code
// runs, which handlers are registered, the channel flows and the
// informers' consumers.
func TestModel(t *testing.T) {
	want := map[string][]string{
		"contour/cmd": {
			"(*contour/cmd.Server).informOnResource: every",
			"(*contour/cmd.loadBalancerStatusWriter).Start: leader",
			"registration in (*contour/cmd.Server).doServe: type ServiceStatusLoadBalancerWatcher",
			"channel [field LBStatus field lbStatus] cap=1 escaped=false",
			"remote send ServiceStatusLoadBalancerWatcher.notify [ServiceStatusLoadBalancerWatcher.OnAdd ServiceStatusLoadBalancerWatcher.OnDelete ServiceStatusLoadBalancerWatcher.OnUpdate] role=every",
		},
		"clientgo": {
			"clientgo.main$2: leader",
			"send in clientgo.main$1 blocking=true handler=true role=every",
		},
		"queuectl": {
			"(*queuectl.controller).run: leader",
			"consumer workqueue Get in (*queuectl.controller).run role=leader",
		},
		"crcache": {
			"send in crcache.main$1 blocking=true handler=true role=every",
			"consumer receive in (*crcache.writer).Start role=leader",
		},
	}
	got := make(map[string]string)
	dumper := &analysis.Analyzer{
		Name:     "dump",
		Doc:      "dump",
		Requires: []*analysis.Analyzer{ctrlmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			got[pass.Pkg.Path()] = dump(pass.ResultOf[ctrlmodel.Analyzer].(*ctrlmodel.Model))
			return nil, nil
		},
	}
	var pkgs []string
	for p := range want {
		pkgs = append(pkgs, p)
	}
	// the scenarios' own expectations belong to other analyzers
	analysistest.Run(quiet{}, testutil.Tree(t), dumper, pkgs...)
	for p, lines := range want {
		for _, l := range lines {
			if !strings.Contains(got[p], l) {
				t.Errorf("%s: model lacks %q; it is:\n%s", p, l, got[p])
			}
		}
	}
}
