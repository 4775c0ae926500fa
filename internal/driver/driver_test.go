package driver

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	out := `go: downloading github.com/vishvananda/netlink v1.3.1
# example.com/a
{
	"example.com/a": {
		"pipeclose": [
			{"posn": "/w/a/a.go:9:2", "message": "second"},
			{"posn": "/w/a/a.go:3:1", "message": "first", "related": [{"posn": "/w/a/a.go:4:1", "message": "rel"}]}
		]
	}
}
{}
# example.com/a [example.com/a.test]
{"example.com/a [example.com/a.test]": {"pipeclose": [{"posn": "/w/a/a.go:3:1", "message": "first"}]}}
# example.com/bad
vet: bad/bad.go:3:23: undefined: x
vet: bad/bad.go:4:1: another error
{"example.com/c": {"netlinkclose": {"error": "internal error in netlinkclose while analysing example.com/c: boom"}}}
go: warning: "./nothing/..." matched no packages
`
	tree, problems := Parse(out)
	ds := Flatten(tree)
	if len(ds) != 2 || ds[0].Message != "first" || ds[1].Message != "second" || ds[0].Analyzer != "pipeclose" || len(ds[0].Related) != 1 {
		t.Errorf("findings: %+v", ds)
	}
	want := []string{
		"package example.com/bad: bad/bad.go:3:23: undefined: x",
		"example.com/c: netlinkclose: internal error in netlinkclose while analysing example.com/c: boom",
		`"./nothing/..." matched no packages`,
	}
	if strings.Join(problems, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}

func TestIsVetInvocation(t *testing.T) {
	for args, want := range map[string]bool{
		"-flags":                                 true,
		"-V=full":                                true,
		"-json /tmp/x/vet.cfg":                   true,
		"./...":                                  false,
		"-json ./...":                            false,
		"-netlinkclose=false ./...":              false,
		"-config=ctrlvet.cfg ./...":              false,
		"-config ctrlvet.cfg ./...":              false,
		"-config ctrlvet.cfg":                    false,
		"-pipeclose.release=Stop /tmp/x/vet.cfg": true,
	} {
		if got := IsVetInvocation(strings.Fields(args)); got != want {
			t.Errorf("IsVetInvocation(%q) = %v", args, got)
		}
	}
}

func TestRelPosn(t *testing.T) {
	if got := relPosn("/w", "/w/a/b.go:1:2"); got != "a/b.go:1:2" {
		t.Errorf("relPosn = %q", got)
	}
	if got := relPosn("/w", "/other/b.go:1:2"); got != "/other/b.go:1:2" {
		t.Errorf("relPosn outside = %q", got)
	}
}
