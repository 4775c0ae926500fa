// Package webhook is a stub of sigs.k8s.io/controller-runtime/pkg/webhook for tests.
package webhook

import (
	"context"
	"crypto/tls"
	"net/http"

	"sigs.k8s.io/controller-runtime/pkg/healthz"
)

// Server is an admission webhook server that can serve traffic and
// generates related k8s resources for deploying.
type Server interface {
	NeedLeaderElection() bool
	Register(path string, hook http.Handler)
	Start(ctx context.Context) error
	StartedChecker() healthz.Checker
	WebhookMux() *http.ServeMux
}

// Options are all the available options for a webhook.Server.
type Options struct {
	Host         string
	Port         int
	CertDir      string
	CertName     string
	KeyName      string
	ClientCAName string
	TLSOpts      []func(*tls.Config)
	WebhookMux   *http.ServeMux
}

// NewServer constructs a new webhook.Server from the provided options.
func NewServer(o Options) Server { return nil }
