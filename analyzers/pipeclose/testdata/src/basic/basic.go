package basic

import (
	"bufio"
	"io"
	stdlog "log"
	"os/exec"
	"sync"

	"github.com/sirupsen/logrus"
)

func perCall(l *logrus.Logger) *exec.Cmd {
	cmd := exec.Command("true")
	cmd.Stdout = l.Writer() // want `\*io.PipeWriter from logrus Logger.Writer is never closed.*one per call of perCall`
	return cmd
}

func closed(l *logrus.Logger) error { // ok
	w := l.WriterLevel(logrus.DebugLevel)
	defer w.Close()
	cmd := exec.Command("true")
	cmd.Stderr = w
	return cmd.Run()
}

func entryWriter(e *logrus.Entry) {
	w := e.WriterLevel(logrus.InfoLevel) // want `\*io.PipeWriter from logrus Entry.WriterLevel is never closed`
	_, _ = w.Write([]byte("x"))
}

func returned(l *logrus.Logger) *io.PipeWriter { // want returned:`freshPipeWriter\(result 0\)`
	return l.Writer()
}

func returnedCloser(l *logrus.Logger) io.WriteCloser { // ok: the caller can close it
	return l.Writer()
}

func leaksReturned(l *logrus.Logger) {
	w := returned(l) // want `\*io.PipeWriter from basic.returned is never closed`
	_, _ = w.Write(nil)
}

type holder struct{ w *io.PipeWriter }

func (h *holder) stored(l *logrus.Logger) { // ok: kept where it can be closed
	h.w = l.Writer()
}

var (
	once   sync.Once
	shared *io.PipeWriter
)

func onceOnly(l *logrus.Logger) *io.PipeWriter { // ok: one writer for the process
	once.Do(func() { shared = l.Writer() })
	return shared
}

func pipeReadByGoroutine(lines chan<- string) io.Writer {
	pr, pw := io.Pipe() // want `\*io.PipeWriter from io.Pipe is never closed`
	go func() {
		s := bufio.NewScanner(pr)
		for s.Scan() {
			lines <- s.Text()
		}
	}()
	return pw
}

func pipeClosedByWriter(src io.Reader) io.Reader { // ok
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, src)
		pw.CloseWithError(err)
	}()
	return pr
}

func pipeReaderClosed(lines chan<- string) { // ok: closing the reader ends both sides
	pr, pw := io.Pipe()
	defer pr.Close()
	go func() {
		s := bufio.NewScanner(pr)
		for s.Scan() {
			lines <- s.Text()
		}
	}()
	_, _ = pw.Write([]byte("x\n"))
}

func capturedAndClosed(l *logrus.Logger, done chan struct{}) { // ok
	w := l.Writer()
	go func() {
		<-done
		w.Close()
	}()
}

func main() { // ok in package main only; here it is a plain function
	w := logrus.StandardLogger().Writer() // want `never closed`
	_ = w
}

func suppressed(l *logrus.Logger) {
	w := l.Writer() //ctrlvet:ignore pipeclose -- closed by the caller's shutdown hook
	_ = w
}

func setupLogging(l *logrus.Logger) { // ok: log.SetOutput keeps it for the process
	stdlog.SetOutput(l.WriterLevel(logrus.InfoLevel))
}

var (
	loggerOnce  sync.Once
	errorLogger *stdlog.Logger
)

func sharedLogger(l *logrus.Logger) *stdlog.Logger { // ok: made once, in sync.Once
	loggerOnce.Do(func() {
		errorLogger = stdlog.New(l.WriterLevel(logrus.DebugLevel), "", 0)
	})
	return errorLogger
}

var debugLog = sync.OnceValue(func() *stdlog.Logger { // ok
	return stdlog.New(logrus.StandardLogger().WriterLevel(logrus.DebugLevel), "", 0)
})

var legoLogger *stdlog.Logger

func initACME(l *logrus.Logger) { // ok: the logger goes into a package variable: one for the process (Traefik's legolog)
	legoLogger = stdlog.New(l.WriterLevel(logrus.DebugLevel), "legolog: ", 0)
}
