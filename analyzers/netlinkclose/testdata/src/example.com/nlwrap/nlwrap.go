// Package nlwrap hands out nlraw's factory: its importers call a method
// of a type from a package they do not import.
package nlwrap

import "example.com/nlraw"

func Factory() *nlraw.Factory { return nlraw.NewFactory() }
