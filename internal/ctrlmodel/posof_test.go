package ctrlmodel

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestPosOf: a position of another package maps into the pass's file set
// where the file has that line, and into a stand-in file of the same name
// where it does not (go vet's export data holds only the lines of
// declarations), so that Related still names file, line and column.
func TestPosOf(t *testing.T) {
	fset := token.NewFileSet()
	short := fset.AddFile("/lib/short.go", -1, 30)
	short.SetLines([]int{0, 10, 20}) // three lines of ten bytes
	m := &Model{Pass: &analysis.Pass{Fset: fset}}
	for _, c := range []struct {
		in   string
		want string
	}{
		{"/lib/short.go:2:4", "/lib/short.go:2:4"},
		{"/lib/short.go:40:7", "/lib/short.go:40:7"},
		{"/lib/unknown.go:12:3", "/lib/unknown.go:12:3"},
		{"/lib/unknown.go:1:1", "/lib/unknown.go:1:1"},
		{"nonsense", "-"},
		{"/lib/x.go:0:1", "-"},
	} {
		got := "-"
		if p := m.PosOf(c.in); p.IsValid() {
			got = fset.Position(p).String()
		}
		if got != c.want {
			t.Errorf("PosOf(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
