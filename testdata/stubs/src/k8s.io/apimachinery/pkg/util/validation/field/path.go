// Package field is a stub of k8s.io/apimachinery/pkg/util/validation/field for tests.
package field

type pathOptions struct {
	path *Path
}

// PathOption modifies a pathOptions.
type PathOption func(o *pathOptions)

// Path represents the path from some root to a particular field.
type Path struct {
	name   string
	index  string
	parent *Path
}

func NewPath(name string, moreNames ...string) *Path { return nil }

func WithPath(p *Path) PathOption { return nil }
