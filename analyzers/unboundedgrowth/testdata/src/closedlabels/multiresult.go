package closedlabels

// A reason returned next to other results (greenhouse's authz:
// getSupportGroups returns the groups, one of its reason constants and an
// error), handed on through helpers to the label: a closed set. A
// function that returns the object's name in the same place does not
// close it.

import (
	"context"
	"errors"

	"github.com/prometheus/client_golang/prometheus"
	"sigs.k8s.io/controller-runtime/pkg/reconcile"
)

var (
	deniedBy  = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "denied_by"}, []string{"reason"})
	deniedFor = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "denied_for"}, []string{"who"})
)

const (
	reasonNoGroups = "no_groups"
	reasonMismatch = "mismatch"
)

func init() {
	prometheus.MustRegister(deniedBy, deniedFor)
}

func groupsOf(name string) (groups []string, reason string, err error) {
	if name == "" {
		return nil, reasonNoGroups, errors.New("no groups")
	}
	if len(name) > 10 {
		return nil, reasonMismatch, errors.New("mismatch")
	}
	return []string{name}, "", nil
}

func check(name string) (bool, string) {
	_, reason, err := groupsOf(name)
	if err != nil {
		return false, reason
	}
	return true, ""
}

func whoOf(name string) (string, error) {
	if name == "" {
		return "", errors.New("nobody")
	}
	return name, nil
}

func recordDenied(reason string) {
	deniedBy.WithLabelValues(reason).Inc()
}

func recordWho(who string) {
	deniedFor.WithLabelValues(who).Inc()
}

type Authz struct{}

func (a *Authz) Reconcile(ctx context.Context, req reconcile.Request) (reconcile.Result, error) {
	if ok, reason := check(req.Name); !ok {
		recordDenied(reason) // ok: one of two reasons, or ""
	}
	if who, err := whoOf(req.Name); err == nil {
		recordWho(who) // want `metric vector deniedFor grows per reconcile`
	}
	return reconcile.Result{}, nil
}
