package driver

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReroot: positions replayed from another machine's cache (its
// checkout, its module cache) become this machine's files; positions of
// files that exist, or that exist nowhere here, stay as they are.
func TestReroot(t *testing.T) {
	here := t.TempDir()
	mod := filepath.Join(here, "src", "repo")
	modcache := filepath.Join(here, "gomodcache")
	for _, f := range []string{
		filepath.Join(mod, "p", "p.go"),
		filepath.Join(mod, "q", "q.go"),
		filepath.Join(mod, "main.go"),
		filepath.Join(modcache, "example.com", "dep@v1.0.0", "dep.go"),
	} {
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, []byte("package x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const a = "/machine-a/ci/checkout"
	var fixes any = []any{map[string]any{"message": "Fix", "edits": []any{
		map[string]any{"filename": a + "/p/p.go", "start": 1.0, "end": 1.0, "new": "x"},
	}}}
	tree := Tree{"example.com/repo/p": {"pipeclose": {{
		Posn: a + "/p/p.go:3:2", End: a + "/p/p.go:3:9", Message: "m",
		Related: []Related{
			{Posn: a + "/q/q.go:4:1", Message: "r"},
			{Posn: a + "/main.go:5:1", Message: "r"},
			{Posn: "/home/a/go/pkg/mod/example.com/dep@v1.0.0/dep.go:6:1", Message: "in a dependency"},
			{Posn: "/machine-a/elsewhere/gone.go:7:1", Message: "nowhere here"},
			{Posn: filepath.Join(mod, "q", "q.go") + ":8:1", Message: "already here"},
		},
		Fixes: fixes,
	}}}}
	Reroot(tree, []string{mod, modcache})
	d := tree["example.com/repo/p"]["pipeclose"][0]
	for _, c := range []struct{ got, want string }{
		{d.Posn, filepath.Join(mod, "p", "p.go") + ":3:2"},
		{d.End, filepath.Join(mod, "p", "p.go") + ":3:9"},
		{d.Related[0].Posn, filepath.Join(mod, "q", "q.go") + ":4:1"},
		{d.Related[1].Posn, filepath.Join(mod, "main.go") + ":5:1"},
		{d.Related[2].Posn, filepath.Join(modcache, "example.com", "dep@v1.0.0", "dep.go") + ":6:1"},
		{d.Related[3].Posn, "/machine-a/elsewhere/gone.go:7:1"},
		{d.Related[4].Posn, filepath.Join(mod, "q", "q.go") + ":8:1"},
		{d.Fixes.([]any)[0].(map[string]any)["edits"].([]any)[0].(map[string]any)["filename"].(string), filepath.Join(mod, "p", "p.go")},
	} {
		if c.got != c.want {
			t.Errorf("rerooted to %q, want %q", c.got, c.want)
		}
	}
}
