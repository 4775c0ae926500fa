// Package keys makes map keys from a request: converting a name to a
// named string type that has constants does not make it one of them.
package keys

import "sigs.k8s.io/controller-runtime/pkg/reconcile"

type Key string

const NoKey Key = ""

func KeyOf(req reconcile.Request) string {
	return string(Key(req.Namespace + "/" + req.Name))
}

type Phase string

const (
	Pending Phase = "Pending"
	Ready   Phase = "Ready"
)

// PhaseLabel is closed: its argument is a Phase already.
func PhaseLabel(p Phase) string { // want PhaseLabel:"closed"
	return string(p)
}
