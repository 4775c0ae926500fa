package factgate

import (
	"go/build"
	"os"
	"path/filepath"
	"testing"
)

func TestUnit(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	if err := os.WriteFile(file, []byte("package a\n\nconst x = unix.AF_NETLINK\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u := NewUnit("example.com/a", []string{"example.com/m/vendor/golang.org/x/sys/unix", "vendor/golang.org/x/net/http2", "k8s.io/client-go/informers/core"}, []string{file})
	for _, c := range []struct {
		name string
		got  bool
		want bool
	}{
		{"imports unix (vendored)", u.Imports("golang.org/x/sys/unix"), true},
		{"imports http2 (std vendored)", u.Imports("golang.org/x/net/http2"), true},
		{"imports syscall", u.Imports("syscall"), false},
		{"informers prefix", u.ImportsPrefix("k8s.io/client-go/informers/"), true},
		{"other prefix", u.ImportsPrefix("sigs.k8s.io/"), false},
		{"mentions AF_NETLINK", u.Mentions("AF_NETLINK"), true},
		{"mentions Pipe", u.Mentions("Pipe"), false},
	} {
		if c.got != c.want {
			t.Errorf("%s: %v, want %v", c.name, c.got, c.want)
		}
	}
	missing := NewUnit("example.com/b", nil, []string{filepath.Join(dir, "missing.go")})
	if !missing.Mentions("anything") || !missing.Mentions("anything else") {
		t.Errorf("a file that cannot be read must count as mentioning everything")
	}
}

func TestLocalFile(t *testing.T) {
	for _, c := range []struct {
		file string
		want bool
	}{
		{"/home/me/app/internal/controller/pod.go", true},
		{"/home/me/src/app@vacation/main.go", true},
		{"/root/go/pkg/mod/k8s.io/client-go@v0.37.2/tools/cache/shared_informer.go", false},
		{"sigs.k8s.io/controller-runtime@v0.25.2/pkg/manager/manager.go", false}, // -trimpath
		{"/home/me/app/vendor/github.com/x/y/y.go", false},
		{filepath.Join(build.Default.GOROOT, "src", "net", "http", "server.go"), false},
		{"$GOROOT/src/net/http/server.go", false},
		{"container/list/list.go", false}, // the standard library, -trimpath
		{"github.com/me/app/internal/x.go", true},
		{"", false},
	} {
		if got := LocalFile(c.file); got != c.want {
			t.Errorf("LocalFile(%q) = %v, want %v", c.file, got, c.want)
		}
	}
}

// TestUnitLocal: a unit is the user's own code only when every file is
// (a cgo package's generated first file in the go command's work
// directory does not make a module's package local).
func TestUnitLocal(t *testing.T) {
	mod := "/root/go/pkg/mod/example.com/lib@v1.0.0/lib.go"
	gen := "/tmp/go-build123/b001/_cgo_gotypes.go"
	own := "/home/me/app/app.go"
	std := filepath.Join(build.Default.GOROOT, "src", "net", "net.go")
	for _, c := range []struct {
		files         []string
		local, stdlib bool
	}{
		{[]string{own}, true, false},
		{[]string{gen, mod}, false, false},
		{[]string{gen, std}, false, true},
		{nil, false, false},
	} {
		u := NewUnit("p", nil, c.files)
		if u.Local() != c.local || u.Standard() != c.stdlib {
			t.Errorf("%v: Local %v Standard %v, want %v %v", c.files, u.Local(), u.Standard(), c.local, c.stdlib)
		}
	}
}
