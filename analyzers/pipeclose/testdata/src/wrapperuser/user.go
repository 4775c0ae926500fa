package wrapperuser

import (
	stdlog "log"

	"wrapper"
)

func perCall() *stdlog.Logger {
	return stdlog.New(wrapper.DebugWriter(), "", 0) // want `\*io.PipeWriter from wrapper.DebugWriter is never closed`
}

func shared() *stdlog.Logger { // ok: Shared is not a constructor
	return stdlog.New(wrapper.Shared(), "", 0)
}
