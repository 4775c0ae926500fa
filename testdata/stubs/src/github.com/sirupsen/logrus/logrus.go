// Package logrus is a stub of github.com/sirupsen/logrus for tests.
package logrus

import "io"

type Level uint32

const (
	ErrorLevel Level = iota
	InfoLevel
	DebugLevel
)

type Fields map[string]any

type Logger struct{ Out io.Writer }
type Entry struct{ Logger *Logger }

func New() *Logger                                       { return &Logger{} }
func StandardLogger() *Logger                            { return &Logger{} }
func WithField(key string, value any) *Entry             { return &Entry{} }
func (l *Logger) Writer() *io.PipeWriter                 { return l.WriterLevel(InfoLevel) }
func (l *Logger) WriterLevel(level Level) *io.PipeWriter { _, w := io.Pipe(); return w }
func (l *Logger) WithField(key string, value any) *Entry { return &Entry{} }
func (e *Entry) Writer() *io.PipeWriter                  { return e.WriterLevel(InfoLevel) }
func (e *Entry) WriterLevel(level Level) *io.PipeWriter  { _, w := io.Pipe(); return w }
func (e *Entry) Debug(args ...any)                       {}

type FieldLogger interface {
	WithField(key string, value any) *Entry
}
