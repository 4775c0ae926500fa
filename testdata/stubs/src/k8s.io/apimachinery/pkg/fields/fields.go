// Package fields is a stub of k8s.io/apimachinery/pkg/fields for tests.
package fields

import "k8s.io/apimachinery/pkg/selection"

// Fields allows you to present fields independently from their storage.
type Fields interface {
	Has(field string) (exists bool)
	Get(field string) (value string)
}

// Set is a map of field:value. It implements Fields.
type Set map[string]string

func (ls Set) String() string          { return "" }
func (ls Set) Has(field string) bool   { return false }
func (ls Set) Get(field string) string { return "" }
func (ls Set) AsSelector() Selector    { return nil }

// Requirements is AND of all requirements.
type Requirements []Requirement

// Requirement contains a field, a value, and an operator that relates the field and value.
type Requirement struct {
	Operator selection.Operator
	Field    string
	Value    string
}

// Selector represents a field selector.
type Selector interface {
	Matches(Fields) bool
	Empty() bool
	RequiresExactMatch(field string) (value string, found bool)
	Transform(fn TransformFunc) (Selector, error)
	Requirements() Requirements
	String() string
	DeepCopySelector() Selector
}

// TransformFunc transforms selectors.
type TransformFunc func(field, value string) (newField, newValue string, err error)

func Nothing() Selector    { return nil }
func Everything() Selector { return nil }

func SelectorFromSet(ls Set) Selector { return nil }

func ParseSelectorOrDie(s string) Selector { return nil }

func ParseSelector(selector string) (Selector, error) { return nil, nil }

func ParseAndTransformSelector(selector string, fn TransformFunc) (Selector, error) {
	return nil, nil
}

func OneTermEqualSelector(k, v string) Selector { return nil }

func OneTermNotEqualSelector(k, v string) Selector { return nil }

func AndSelectors(selectors ...Selector) Selector { return nil }
