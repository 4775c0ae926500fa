package apis

import (
	"slices"
	"testing"
)

func TestParseFunc(t *testing.T) {
	for in, want := range map[string][]Func{
		"os.Exit":                          {{Pkg: "os", Name: "Exit"}},
		"github.com/mdlayher/netlink.Dial": {{Pkg: "github.com/mdlayher/netlink", Name: "Dial"}},
		"example.com/pool.Pool.Put": {
			{Pkg: "example.com/pool.Pool", Name: "Put"},
			{Pkg: "example.com/pool", Recv: "Pool", Name: "Put"},
		},
		"(*example.com/pool.Pool).Put": {{Pkg: "example.com/pool", Recv: "Pool", Name: "Put"}},
		"(example.com/pool.Pool).Put":  {{Pkg: "example.com/pool", Recv: "Pool", Name: "Put"}},
		"gopkg.in/yaml.v3.Unmarshal": {
			{Pkg: "gopkg.in/yaml.v3", Name: "Unmarshal"},
			{Pkg: "gopkg.in/yaml", Recv: "v3", Name: "Unmarshal"},
		},
	} {
		got, err := ParseFunc(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("ParseFunc(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "Close", "a/b", "a/b.", "(a.T.M", "(*T).M", "a.b.c-d", "(a/b.T).1"} {
		if got, err := ParseFunc(in); err == nil {
			t.Errorf("ParseFunc(%q) = %v, want an error", in, got)
		}
	}
}

func TestParseRegistrar(t *testing.T) {
	r, err := ParseRegistrar("example.com/inf.(*Hub).Subscribe:1")
	if err == nil {
		t.Errorf("a method written pkg.(*T).M was accepted: %+v", r)
	}
	r, err = ParseRegistrar("(*example.com/inf.Hub).Subscribe:1")
	if err != nil || r.Param != 1 || len(r.Funcs) != 1 || r.Funcs[0].Recv != "Hub" {
		t.Errorf("ParseRegistrar = %+v, %v", r, err)
	}
	r, err = ParseRegistrar("example.com/inf.Register")
	if err != nil || r.Param != -1 {
		t.Errorf("ParseRegistrar = %+v, %v", r, err)
	}
	methods, funcs, err := ParseRelease([]string{"Shutdown", "example.com/nl.Free"})
	if err != nil || !slices.Equal(methods, []string{"Shutdown"}) || len(funcs) != 1 {
		t.Errorf("ParseRelease = %v %v %v", methods, funcs, err)
	}
}
