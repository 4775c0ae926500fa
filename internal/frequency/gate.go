package frequency

import "github.com/ctrlvet/ctrlvet/internal/factgate"

// FactGate says, before type-checking, whether frequency could export a
// fact in a package (factgate): only in the user's own code. Parameter
// summaries are made there alone; the callbacks of the standard library
// and of modules (wait.Until, handler funcs, backoff.Retry) are known
// from internal/apis.
func FactGate() factgate.Gate {
	return func(u *factgate.Unit) bool { return u.Local() }
}
