package strandedgoroutine

import "github.com/ctrlvet/ctrlvet/internal/factgate"

// FactGate says, before type-checking, whether strandedgoroutine could
// export a fact in a package (factgate): its summaries are of functions
// with a go statement of their own, outside the standard library. Keep it
// in step with summarize.
func FactGate() factgate.Gate {
	return func(u *factgate.Unit) bool { return !u.Standard() && u.HasGoStatement() }
}
