// Package clean does the same work without leaks: ctrlvet is silent here.
package clean

import (
	"log"
	"net/http"
	"net/http/httputil"
	"net/url"

	"github.com/sirupsen/logrus"
	"github.com/vishvananda/netlink"
	"github.com/vishvananda/netns"
)

var errorLog = log.New(logrus.StandardLogger().WriterLevel(logrus.DebugLevel), "", 0)

// Build shares one error logger between all proxies.
func Build(target *url.URL) http.Handler {
	return &httputil.ReverseProxy{
		Rewrite:  func(r *httputil.ProxyRequest) { r.SetURL(target) },
		ErrorLog: errorLog,
	}
}

// LinkCount counts the links of a named network namespace.
func LinkCount(name string) (int, error) {
	ns, err := netns.GetFromName(name)
	if err != nil {
		return 0, err
	}
	defer ns.Close()
	h, err := netlink.NewHandleAt(ns)
	if err != nil {
		return 0, err
	}
	defer h.Close()
	links, err := h.LinkList()
	return len(links), err
}
