// Package klog is a stub of k8s.io/klog/v2 for tests.
package klog

import (
	"context"

	"github.com/go-logr/logr"
)

// Logger is an alias for logr.Logger.
type Logger = logr.Logger

func FromContext(ctx context.Context) Logger { return Logger{} }

func Background() Logger { return Logger{} }

func LoggerWithValues(logger Logger, kv ...interface{}) Logger { return logger }

func LoggerWithName(logger Logger, name string) Logger { return logger }

func NewContext(ctx context.Context, logger Logger) context.Context { return ctx }

func Info(args ...interface{}) {}

func Infof(format string, args ...interface{}) {}

func Error(args ...interface{}) {}

func Errorf(format string, args ...interface{}) {}

func Fatal(args ...interface{}) {}

func Fatalf(format string, args ...interface{}) {}
