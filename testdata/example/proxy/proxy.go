// Package proxy has Traefik 2.11.18's pipe leak: a logrus writer made per
// proxy, on every configuration reload.
package proxy

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"

	"github.com/sirupsen/logrus"
)

// Build returns a reverse proxy for one backend.
func Build(target *url.URL, logger *logrus.Logger) http.Handler {
	return &httputil.ReverseProxy{
		Rewrite:  func(r *httputil.ProxyRequest) { r.SetURL(target) },
		ErrorLog: log.New(logger.WriterLevel(logrus.DebugLevel), "", 0),
	}
}
