// Package plog stands for a logging library whose Pipe starts a goroutine
// that copies lines into the log until the writer is stopped.
package plog

import "io"

type Logger struct{}

type Writer struct{ pw *io.PipeWriter }

func (w *Writer) Write(p []byte) (int, error) { return w.pw.Write(p) }

// Stop ends the copying goroutine.
func (w *Writer) Stop() error { return w.pw.Close() }

// Pipe returns a writer served by a goroutine until Stop.
func (l *Logger) Pipe(prefix string) *Writer { return &Writer{} }

// Release stops a writer from Pipe.
func Release(w *Writer) {}
