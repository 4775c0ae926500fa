// Package pipeclose defines an Analyzer that reports *io.PipeWriters that
// are never closed.
//
// # Analyzer pipeclose
//
// pipeclose: report io.Pipe and logrus Writer/WriterLevel writers made per call and never closed
//
// Every *io.PipeWriter from logrus's Writer and WriterLevel (and from
// io.Pipe when a goroutine reads the other end) has a goroutine reading
// the pipe until the writer is closed. A finalizer does not rescue it:
// the blocked reader keeps the writer reachable. A writer made per call
// and never closed leaks one goroutine, one pipe and a scanner buffer per
// call. Traefik 2.11.18 did this for every service on every configuration
// reload:
//
//	ErrorLog: stdlog.New(log.WithoutContext().WriterLevel(logrus.DebugLevel), "", 0)
//
// Once the writer is only an io.Writer inside another object (a
// log.Logger, an httputil.ReverseProxy, an exec.Cmd), nobody can close
// it, even if that object is returned. Make one writer for the process (a
// package-level variable or a sync.Once), or close it when its user is
// done:
//
//	w := logger.WriterLevel(logrus.DebugLevel)
//	defer w.Close()
//
// Writers from io.Pipe, from logrus's (*Logger) and (*Entry) Writer and
// WriterLevel, and from any function or interface method whose result is
// a *io.PipeWriter (project logging interfaces) are followed. The check
// is silent when the writer is closed on some path, returned or stored as
// a *io.PipeWriter or io.Closer, captured by a closure or goroutine that
// may close it, passed on as a *io.PipeWriter, or made once per process
// (in main or init, or in a constructor that only they call: the
// frequency stage of the model decides).
//
// Settings (.ctrlvet.yaml, -pipeclose.constructors, -pipeclose.release, or
// golangci-lint's settings) add other writers served by a goroutine until
// they are closed, and more ways to close them; see docs/configuration.md.
package pipeclose
