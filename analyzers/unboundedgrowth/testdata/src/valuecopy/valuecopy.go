// Package valuecopy: a helper that appends to a field of a struct passed
// by value (a parameter or a value receiver) grows its own copy, which it
// returns; the caller's long-lived value does not grow. Only a parameter
// a function literal captures is read back from a cell as the caller's
// argument (scenario capturedparam), and even then a slice field of a
// copy grows the copy.
package valuecopy

import (
	"context"

	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

type Options struct {
	Args []string
	Env  map[string]string
}

type V struct{ args []string }

type Reconciler struct {
	base Options
	v    V
	seen map[string]bool
}

func run(o Options) {}

func use(v V) {}

func (r *Reconciler) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	run(withArg(r.base, req.Name))              // ok: the copy grows
	use(r.v.with(req.Name))                     // ok: the copy grows
	run(withArgDeferred(r.base, req.Namespace)) // ok: a captured copy grows
	use(r.v.withDeferred(req.Name))             // ok: a captured copy grows
	r.tag(req.Name)                             // want `map Reconciler.seen grows per reconcile without bound`
	return reconcile.Result{}, nil
}

func withArg(o Options, arg string) Options {
	o.Args = append(o.Args, arg)
	return o
}

func (v V) with(arg string) V {
	v.args = append(v.args, arg)
	return v
}

func withArgDeferred(o Options, arg string) Options {
	defer func() { _ = o }()
	o.Args = append(o.Args, arg)
	return o
}

func (v V) withDeferred(arg string) V {
	defer func() { _ = v }()
	v.args = append(v.args, arg)
	return v
}

// tag's local copy of the receiver is a pointer: the map is the reconciler's.
func (r *Reconciler) tag(name string) {
	rr := r
	rr.seen[name] = true
}
