// Package guard turns a panic inside an analyzer into an error that names
// the analyzer and the package, so that one analyzer bug never crashes a
// whole run.
package guard

import (
	"fmt"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Run wraps run so that a panic becomes an error.
func Run(name string, run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (res any, err error) {
		defer func() {
			if r := recover(); r != nil {
				res = nil
				err = fmt.Errorf("internal error in %s while analysing %s: %v%s (please report it)",
					name, pass.Pkg.Path(), r, panicSite())
			}
		}()
		return run(pass)
	}
}

// panicSite returns " at file:line" for the innermost ctrlvet frame of the
// panicking goroutine, or "".
func panicSite() string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if strings.Contains(f.Function, "ctrlvet/") && !strings.HasPrefix(f.Function, "github.com/ctrlvet/ctrlvet/internal/guard.") {
			file := f.File
			if i := strings.LastIndex(file, "ctrlvet/"); i >= 0 {
				file = file[i:]
			}
			return fmt.Sprintf(" at %s:%d", file, f.Line)
		}
		if !more {
			return ""
		}
	}
}
