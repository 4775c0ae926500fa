// Package main builds a script interpreter once at startup and hands it
// a logrus writer: one writer for the process, not a leak per call
// (issue 10, point 6(a)). The same constructor called per request leaks.
package main

import (
	"context"
	"io"
	"net/http"

	"github.com/sirupsen/logrus"
	"github.com/spf13/cobra"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

// hooks are called by code we cannot see, any number of times.
var hooks struct{ onReload func() }

type interpreter struct {
	stdout io.Writer
	stderr io.Writer
}

// newInterpreter is a constructor that only main calls: once.
func newInterpreter(l *logrus.Logger) *interpreter {
	return &interpreter{
		stdout: l.WriterLevel(logrus.InfoLevel),  // ok: made once, at startup
		stderr: l.WriterLevel(logrus.ErrorLevel), // ok
	}
}

// newSandbox is the same shape, called per HTTP request.
func newSandbox(l *logrus.Logger) *interpreter {
	return &interpreter{
		stdout: l.WriterLevel(logrus.InfoLevel), // want `\*io.PipeWriter from logrus Logger.WriterLevel is never closed`
	}
}

type server struct{ log *logrus.Logger }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = newSandbox(s.log)
}

func main() {
	l := logrus.New()
	in := newInterpreter(l)
	_ = in
	_ = http.ListenAndServe(":8080", &server{log: l})
	root := &cobra.Command{
		RunE: func(cmd *cobra.Command, args []string) error {
			w := l.Writer() // ok: a command's RunE runs once per process
			_ = w
			return nil
		},
	}
	_ = root.Execute()
	mgr, _ := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{})
	_ = mgr.Add(manager.RunnableFunc(func(ctx context.Context) error {
		w := l.Writer() // ok: the manager starts a runnable once
		_ = w
		return nil
	}))
	hooks.onReload = func() {
		w := l.Writer() // want `never closed`
		_ = w
	}
}
