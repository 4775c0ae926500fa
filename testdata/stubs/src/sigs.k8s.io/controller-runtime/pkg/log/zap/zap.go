// Package zap is a stub of sigs.k8s.io/controller-runtime/pkg/log/zap for tests.
//
// Options only carries zap-independent fields.
package zap

import (
	"flag"
	"io"

	"github.com/go-logr/logr"
)

// New returns a brand new Logger configured with Opts.
func New(opts ...Opts) logr.Logger { return logr.Logger{} }

// Opts allows to manipulate Options.
type Opts func(*Options)

// UseDevMode sets the logger to use (or not use) development mode.
func UseDevMode(enabled bool) Opts { return nil }

// WriteTo configures the logger to write to the given io.Writer, instead of standard error.
func WriteTo(out io.Writer) Opts { return nil }

// UseFlagOptions configures the logger to use the Options set by parsing zap option flags from the CLI.
func UseFlagOptions(in *Options) Opts { return nil }

// Options contains all possible settings (subset).
type Options struct {
	Development bool
	DestWriter  io.Writer
}

// BindFlags will parse the given flagset for zap option flags and set the log options accordingly.
func (o *Options) BindFlags(fs *flag.FlagSet) {}
