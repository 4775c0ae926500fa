// Package main builds a script interpreter once at startup and hands it
// a logrus writer: one writer for the process, not a leak per call
// (issue 10, point 6(a)). The same constructor called per request leaks.
package main

import (
	"io"
	"net/http"

	"github.com/sirupsen/logrus"
)

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
}
