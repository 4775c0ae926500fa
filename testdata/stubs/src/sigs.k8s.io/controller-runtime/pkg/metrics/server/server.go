// Package server is a stub of sigs.k8s.io/controller-runtime/pkg/metrics/server for tests.
package server

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"

	"github.com/go-logr/logr"
	"k8s.io/client-go/rest"
)

// Server is a server that serves metrics.
type Server interface {
	AddExtraHandler(path string, handler http.Handler) error
	NeedLeaderElection() bool
	Start(ctx context.Context) error
}

// Options are all available options for the metrics.Server (subset: HandlerOpts omitted).
type Options struct {
	SecureServing  bool
	BindAddress    string
	ExtraHandlers  map[string]http.Handler
	FilterProvider func(c *rest.Config, httpClient *http.Client) (Filter, error)
	CertDir        string
	CertName       string
	KeyName        string
	TLSOpts        []func(*tls.Config)
	ListenConfig   net.ListenConfig
}

// Filter is a func that is added around metrics and extra handlers on the metrics server.
type Filter func(log logr.Logger, handler http.Handler) (http.Handler, error)

// NewServer constructs a new metrics.Server from the provided options.
func NewServer(o Options, config *rest.Config, httpClient *http.Client) (Server, error) {
	return nil, nil
}
