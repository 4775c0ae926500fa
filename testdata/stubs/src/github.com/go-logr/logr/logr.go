// Package logr is a stub of github.com/go-logr/logr for tests.
package logr

import "context"

// Logger is an interface to an abstract logging implementation.
type Logger struct {
	sink  LogSink
	level int
}

// LogSink represents a logging implementation.
type LogSink interface {
	Init(info RuntimeInfo)
	Enabled(level int) bool
	Info(level int, msg string, keysAndValues ...any)
	Error(err error, msg string, keysAndValues ...any)
	WithValues(keysAndValues ...any) LogSink
	WithName(name string) LogSink
}

// RuntimeInfo holds information that the logr "core" library knows which
// LogSinks might want to know.
type RuntimeInfo struct {
	CallDepth int
}

func New(sink LogSink) Logger { return Logger{sink: sink} }

func (l Logger) GetSink() LogSink                                  { return l.sink }
func (l Logger) WithSink(sink LogSink) Logger                      { return l }
func (l Logger) Enabled() bool                                     { return false }
func (l Logger) Info(msg string, keysAndValues ...any)             {}
func (l Logger) Error(err error, msg string, keysAndValues ...any) {}
func (l Logger) V(level int) Logger                                { return l }
func (l Logger) GetV() int                                         { return 0 }
func (l Logger) WithValues(keysAndValues ...any) Logger            { return l }
func (l Logger) WithName(name string) Logger                       { return l }
func (l Logger) WithCallDepth(depth int) Logger                    { return l }
func (l Logger) WithCallStackHelper() (func(), Logger)             { return func() {}, l }
func (l Logger) IsZero() bool                                      { return false }

func FromContext(ctx context.Context) (Logger, error) { return Logger{}, nil }

func FromContextOrDiscard(ctx context.Context) Logger { return Logger{} }

func NewContext(ctx context.Context, logger Logger) context.Context { return ctx }

func Discard() Logger { return Logger{} }
