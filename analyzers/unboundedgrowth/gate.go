package unboundedgrowth

import "github.com/ctrlvet/ctrlvet/internal/factgate"

// FactGate says, before type-checking, whether unboundedgrowth could
// export a fact in a package (factgate): only in the user's own code,
// where growth and release summaries are made. State declared in a
// module or the standard library is not judged (its releases are not
// summarised), so nothing is lost.
func FactGate() factgate.Gate {
	return func(u *factgate.Unit) bool { return u.Local() }
}
