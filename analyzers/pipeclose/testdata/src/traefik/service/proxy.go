// Package service has Traefik 2.11.18's buildProxy leak (traefik/traefik#11423).
package service

import (
	stdlog "log"
	"net/http"
	"net/http/httputil"

	"github.com/sirupsen/logrus"
	"traefik/log"
)

func buildProxy(passHostHeader *bool) http.Handler {
	proxy := &httputil.ReverseProxy{
		Director: func(outReq *http.Request) {},
		ErrorLog: stdlog.New(log.WithoutContext().WriterLevel(logrus.DebugLevel), "", 0), // want `\*io.PipeWriter from log Logger.WriterLevel is never closed: the goroutine reading its pipe blocks for ever, one per call of buildProxy`
	}
	return proxy
}
