package ctrlmodel_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/internal/ctrlmodel"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestManyHandlers checks that the model's work stays bounded: thousands
// of event handlers registered on informers, each sending on one of
// thousands of channels behind a branch, thousands of goroutines
// receiving, leader callbacks, and a handler with thousands of branches.
// The dump of the whole model must come out, and its size says the model
// saw every handler.
func TestManyHandlers(t *testing.T) {
	const n = 1000
	var b strings.Builder
	b.WriteString(`package main

import (
	"context"
	"time"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"
	"k8s.io/client-go/tools/leaderelection"
)

type hub struct {
`)
	for i := range n {
		fmt.Fprintf(&b, "\tc%d chan any\n", i)
	}
	b.WriteString("}\n\nfunc main() {\n\tclient := kubernetes.NewForConfigOrDie(nil)\n\tfactory := informers.NewSharedInformerFactory(client, time.Minute)\n\th := &hub{}\n\tinf := factory.Core().V1().Pods().Informer()\n")
	for i := range n {
		fmt.Fprintf(&b, "\th.c%d = make(chan any)\n", i)
		fmt.Fprintf(&b, "\t_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj any) {\n\t\tif obj != nil {\n\t\t\th.c%d <- obj\n\t\t}\n\t}})\n", i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "\tgo func() {\n\t\tfor range h.c%d {\n\t\t}\n\t}()\n", i)
		}
	}
	b.WriteString("\t_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{UpdateFunc: func(_, obj any) {\n\t\tx, _ := obj.(int)\n\t\tch := h.c1\n")
	for i := range 2 * n {
		fmt.Fprintf(&b, "\t\tif x == %d {\n\t\t\tch = h.c%d\n\t\t}\n", i, i%n)
	}
	b.WriteString("\t\tch <- obj\n\t}})\n\tfactory.Start(nil)\n")
	b.WriteString("\tleaderelection.RunOrDie(context.Background(), leaderelection.LeaderElectionConfig{\n\t\tCallbacks: leaderelection.LeaderCallbacks{\n\t\t\tOnStartedLeading: func(ctx context.Context) {\n")
	for i := 1; i < n; i += 2 {
		fmt.Fprintf(&b, "\t\t\t\tgo func() {\n\t\t\t\t\tfor range h.c%d {\n\t\t\t\t\t}\n\t\t\t\t}()\n", i)
	}
	b.WriteString("\t\t\t},\n\t\t\tOnStoppedLeading: func() {},\n\t\t},\n\t})\n}\n")

	var model string
	dumper := &analysis.Analyzer{
		Name:     "dump",
		Doc:      "dump",
		Requires: []*analysis.Analyzer{ctrlmodel.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			model = dump(pass.ResultOf[ctrlmodel.Analyzer].(*ctrlmodel.Model))
			return nil, nil
		},
	}
	dir := testutil.Tree(t)
	testutil.WritePackage(t, dir, "manyhandlers", b.String())
	testutil.Timed(t, dir, dumper, "manyhandlers", 8*time.Second)
	if got := strings.Count(model, "send in manyhandlers.main$"); got < n {
		t.Errorf("the model has %d sends in handlers, want at least %d", got, n)
	}
	if got := strings.Count(model, "handler=true role=every"); got < n {
		t.Errorf("the model has %d sends in handlers on every replica, want at least %d", got, n)
	}
	if got := strings.Count(model, "role=leader"); got < n/2 {
		t.Errorf("the model has %d receives on the leader, want at least %d", got, n/2)
	}
}
