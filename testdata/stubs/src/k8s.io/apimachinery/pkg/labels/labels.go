// Package labels is a stub of k8s.io/apimachinery/pkg/labels for tests.
package labels

import (
	"k8s.io/apimachinery/pkg/selection"
	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/apimachinery/pkg/util/validation/field"
)

// Labels allows you to present labels independently from their storage.
type Labels interface {
	Has(label string) (exists bool)
	Get(label string) (value string)
	Lookup(label string) (value string, exists bool)
}

// Set is a map of label:value. It implements Labels.
type Set map[string]string

func (ls Set) String() string                         { return "" }
func (ls Set) Has(label string) bool                  { return false }
func (ls Set) Get(label string) string                { return "" }
func (ls Set) Lookup(label string) (string, bool)     { return "", false }
func (ls Set) AsSelector() Selector                   { return nil }
func (ls Set) AsValidatedSelector() (Selector, error) { return nil, nil }
func (ls Set) AsSelectorPreValidated() Selector       { return nil }

// Requirements is AND of all requirements.
type Requirements []Requirement

// Selector represents a label selector.
type Selector interface {
	Matches(Labels) bool
	Empty() bool
	String() string
	Add(r ...Requirement) Selector
	Requirements() (requirements Requirements, selectable bool)
	DeepCopySelector() Selector
	RequiresExactMatch(label string) (value string, found bool)
}

// Requirement contains values, a key, and an operator that relates the key and values.
type Requirement struct {
	key       string
	operator  selection.Operator
	strValues []string
}

func NewRequirement(key string, op selection.Operator, vals []string, opts ...field.PathOption) (*Requirement, error) {
	return nil, nil
}

func (r *Requirement) Key() string                  { return "" }
func (r *Requirement) Operator() selection.Operator { return "" }
func (r *Requirement) Values() sets.String          { return nil }
func (r *Requirement) Matches(ls Labels) bool       { return false }
func (r *Requirement) String() string               { return "" }

func Everything() Selector  { return nil }
func Nothing() Selector     { return nil }
func NewSelector() Selector { return nil }

func Parse(selector string, opts ...field.PathOption) (Selector, error) { return nil, nil }

func SelectorFromSet(ls Set) Selector { return nil }

func ValidatedSelectorFromSet(ls Set) (Selector, error) { return nil, nil }

func SelectorFromValidatedSet(ls Set) Selector { return nil }

func FormatLabels(labelMap map[string]string) string { return "" }

func Merge(labels1, labels2 Set) Set { return nil }
