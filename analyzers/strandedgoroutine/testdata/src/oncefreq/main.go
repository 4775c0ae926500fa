// Command oncefreq strands goroutines in code that runs once per process
// (main, what only main runs, a package-level sync.Once), which is
// harmless, and in code main hands on or repeats (a hook stored for
// later, an accept loop), which is not.
package main

import (
	"errors"
	"net"
	"net/http"
	"sync"
	"time"
)

// registered are hooks that serveHooks calls per request.
var registered []func(bool) error

func addHook(f func(bool) error) { registered = append(registered, f) }

// appHandler adapts a function to http.Handler: the server calls it per
// request.
type appHandler func(fail bool) error

func (h appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { _ = h(false) }

func status(fail bool) error {
	errc := make(chan error)
	go func() { errc <- fetch() }() // want `goroutine can block for ever on a send`
	if fail {
		return errors.New("fail")
	}
	return <-errc
}

type hookServer struct{}

func (hookServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for _, h := range registered {
		_ = h(false)
	}
}

func fetch() error { return errors.New("x") }

// startup is only called by main: one goroutine at most, once.
func startup(fail bool) error {
	errc := make(chan error)
	go func() { errc <- fetch() }() // ok: main runs startup once
	if fail {
		return errors.New("fail")
	}
	return <-errc
}

var hooks struct{ probe func(bool) error }

var initOnce sync.Once

// serve handles one connection.
func serve(c net.Conn, fail bool) error {
	initOnce.Do(func() {
		errc := make(chan error)
		go func() { errc <- fetch() }() // ok: a package-level once runs this once per process
		if fail {
			return
		}
		<-errc
	})
	return c.Close()
}

func main() {
	_ = startup(false)
	work := func(fail bool) error {
		errc := make(chan error)
		go func() { errc <- fetch() }() // want `goroutine can block for ever on a send`
		if fail {
			return errors.New("fail")
		}
		return <-errc
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { _ = work(r.URL == nil) })
	addHook(func(fail bool) error {
		errc := make(chan error)
		go func() { errc <- fetch() }() // want `goroutine can block for ever on a send`
		if fail {
			return errors.New("fail")
		}
		return <-errc
	})
	http.Handle("/status", appHandler(status))
	cleanup := func(fail bool) {
		errc := make(chan error)
		go func() { errc <- fetch() }() // ok: main's deferred closure calls it once
		if fail {
			return
		}
		<-errc
	}
	defer func() { cleanup(false) }()
	time.AfterFunc(time.Second, func() {
		errc := make(chan error)
		go func() { errc <- fetch() }() // ok: AfterFunc runs it once
		if time.Now().IsZero() {
			return
		}
		<-errc
	})
	hooks.probe = func(fail bool) error {
		errc := make(chan error)
		go func() { errc <- fetch() }() // want `goroutine can block for ever on a send`
		if fail {
			return errors.New("fail")
		}
		return <-errc
	}
	ln, err := net.Listen("tcp", ":0")
	if err != nil {
		return
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		_ = serve(c, false)
		errc := make(chan error)
		go func() { errc <- fetch() }() // want `goroutine can block for ever on a send`
		if c.RemoteAddr() == nil {
			continue
		}
		<-errc
	}
}
