package wrapper

import (
	"io"

	"github.com/sirupsen/logrus"
)

// DebugWriter returns a fresh writer.
func DebugWriter() *io.PipeWriter { // want DebugWriter:`freshPipeWriter\(result 0\)`
	return logrus.StandardLogger().WriterLevel(logrus.DebugLevel)
}

var w = logrus.StandardLogger().Writer()

// Shared returns the process's writer: not fresh.
func Shared() *io.PipeWriter { return w }
