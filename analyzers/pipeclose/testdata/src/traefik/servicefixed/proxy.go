// Package servicefixed has the fix of traefik/traefik#11487: one logger
// for the process.
package servicefixed

import (
	stdlog "log"
	"net/http"
	"net/http/httputil"

	"github.com/sirupsen/logrus"
	"traefik/log"
)

var errorLogger = stdlog.New(log.WithoutContext().WriterLevel(logrus.DebugLevel), "", 0) // ok

func buildProxy(passHostHeader *bool) http.Handler { // ok
	return &httputil.ReverseProxy{
		Director: func(outReq *http.Request) {},
		ErrorLog: errorLogger,
	}
}
