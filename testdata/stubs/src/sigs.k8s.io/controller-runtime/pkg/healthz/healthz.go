// Package healthz is a stub of sigs.k8s.io/controller-runtime/pkg/healthz for tests.
package healthz

import "net/http"

// Checker knows how to perform a health check.
type Checker func(req *http.Request) error

// Ping returns true automatically when checked.
var Ping Checker = func(_ *http.Request) error { return nil }
