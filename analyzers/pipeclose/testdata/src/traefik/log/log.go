// Package log is Traefik's logging package (pkg/log) in miniature: its
// Logger interface declares WriterLevel.
package log

import (
	"io"

	"github.com/sirupsen/logrus"
)

type Logger interface {
	logrus.FieldLogger
	WriterLevel(logrus.Level) *io.PipeWriter
}

func WithoutContext() Logger { return nil }
