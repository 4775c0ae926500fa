package apis

import (
	"fmt"
	"go/token"
	"strconv"
	"strings"
)

// This file parses the API names users add in ctrlvet's settings
// (github.com/ctrlvet/ctrlvet/config) into entries of this table.

// ParseFunc parses a function or method name as users write it in
// settings: "example.com/pkg.Func", "example.com/pkg.Type.Method",
// "(*example.com/pkg.Type).Method" or "(example.com/pkg.Type).Method".
// When the last path element has a dot ("gopkg.in/yaml.v3.Unmarshal",
// or "a/b.T.M"), the name can be read more than one way; every reading is
// returned, and a callee matches if it matches one of them.
func ParseFunc(s string) ([]Func, error) {
	orig := s
	bad := func(why string) ([]Func, error) {
		return nil, fmt.Errorf("%q is not a function or method name (%s): write pkg/path.Func, pkg/path.Type.Method or (*pkg/path.Type).Method", orig, why)
	}
	s = strings.TrimSpace(s)
	if strings.ContainsAny(s, ",:") {
		return bad("one name per entry: a comma or colon cannot be part of it")
	}
	if strings.HasPrefix(s, "(") {
		end := strings.Index(s, ").")
		if end < 0 {
			return bad("no ). after the receiver")
		}
		recv := strings.TrimPrefix(s[1:end], "*")
		name := s[end+2:]
		dot := strings.LastIndex(recv, ".")
		if dot <= 0 || strings.LastIndex(recv, "/") > dot {
			return bad("the receiver has no package")
		}
		f := Func{Pkg: recv[:dot], Recv: recv[dot+1:], Name: name}
		if strings.ContainsAny(f.Pkg, "()* \t") {
			return bad("the package path has a space or a parenthesis")
		}
		if !token.IsIdentifier(f.Recv) || !token.IsIdentifier(f.Name) {
			return bad("a name is not an identifier")
		}
		return []Func{f}, nil
	}
	if strings.ContainsAny(s, "()* \t") {
		return bad("a method is written (*pkg/path.Type).Method or pkg/path.Type.Method")
	}
	slash := strings.LastIndex(s, "/")
	dir, tail := s[:slash+1], s[slash+1:]
	parts := strings.Split(tail, ".")
	if len(parts) < 2 || parts[0] == "" {
		return bad("no package")
	}
	var out []Func
	n := len(parts)
	if token.IsIdentifier(parts[n-1]) {
		out = append(out, Func{Pkg: dir + strings.Join(parts[:n-1], "."), Name: parts[n-1]})
		if n >= 3 && token.IsIdentifier(parts[n-2]) {
			out = append(out, Func{Pkg: dir + strings.Join(parts[:n-2], "."), Recv: parts[n-2], Name: parts[n-1]})
		}
	}
	if len(out) == 0 {
		return bad("the name is not an identifier")
	}
	return out, nil
}

// ParseFuncs parses a list of names with ParseFunc.
func ParseFuncs(names []string) ([]Func, error) {
	var out []Func
	for _, n := range names {
		fs, err := ParseFunc(n)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	return out, nil
}

// ParseRelease parses release entries: a bare method name ("Shutdown")
// is a method of the resource; anything else is a function or method
// that releases the resource passed as its first argument.
func ParseRelease(names []string) (methods []string, funcs []Func, err error) {
	for _, n := range names {
		n = strings.TrimSpace(n)
		if token.IsIdentifier(n) {
			methods = append(methods, n)
			continue
		}
		fs, err := ParseFunc(n)
		if err != nil {
			return nil, nil, err
		}
		funcs = append(funcs, fs...)
	}
	return methods, funcs, nil
}

// Registrar is a function or method, added in the settings, that
// registers an informer event handler.
type Registrar struct {
	Funcs []Func // the readings of its name
	// Param is the handler's parameter (the receiver not counted), or
	// -1: the first parameter that can hold a handler.
	Param int
}

// ParseRegistrar parses "pkg/path.Func" or "pkg/path.Func:N", where N is
// the handler's parameter index (from 0, the receiver not counted).
func ParseRegistrar(s string) (Registrar, error) {
	r := Registrar{Param: -1}
	name := s
	if i := strings.LastIndex(s, ":"); i >= 0 {
		n, err := strconv.Atoi(strings.TrimSpace(s[i+1:]))
		if err != nil || n < 0 {
			return r, fmt.Errorf("%q: after the colon comes the handler's parameter index (0, 1, ...)", s)
		}
		r.Param, name = n, s[:i]
	}
	fs, err := ParseFunc(name)
	if err != nil {
		return r, err
	}
	r.Funcs = fs
	return r, nil
}
