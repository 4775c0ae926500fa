// Package sets is a stub of k8s.io/apimachinery/pkg/util/sets for tests.
package sets

// Empty is public since it is used by some internal API objects for conversions between external
// string arrays and internal sets, and conversion logic requires public types today.
type Empty struct{}

// Set is a set of the same type elements, implemented via map[comparable]struct{} for minimal memory consumption.
type Set[T comparable] map[T]Empty

// New creates a Set from a list of values.
func New[T comparable](items ...T) Set[T] { return Set[T]{} }

func (s Set[T]) Insert(items ...T) Set[T] { return s }
func (s Set[T]) Has(item T) bool          { return false }
func (s Set[T]) Len() int                 { return 0 }

// String is a set of strings, implemented via map[string]struct{} for minimal memory consumption.
//
// Deprecated: use generic Set instead.
// new ways:
// s1 := Set[string]{}
// s2 := New[string]()
type String map[string]Empty
