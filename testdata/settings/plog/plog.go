// Package plog is the project's logger: Pipe starts a goroutine that
// copies lines into the log until the writer is stopped.
package plog

import (
	"bufio"
	"io"
	"log"
)

type Logger struct{ l *log.Logger }

type Writer struct{ pw *io.PipeWriter }

func (w *Writer) Write(p []byte) (int, error) { return w.pw.Write(p) }

// Stop ends the copying goroutine.
func (w *Writer) Stop() error { return w.pw.Close() }

// Pipe returns a writer served by a goroutine until Stop.
func (l *Logger) Pipe(prefix string) *Writer {
	pr, pw := io.Pipe()
	go func() {
		s := bufio.NewScanner(pr)
		for s.Scan() {
			l.l.Print(prefix, s.Text())
		}
	}()
	return &Writer{pw: pw}
}
