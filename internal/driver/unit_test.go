package driver

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// writeUnit writes a package directory with files and a vet.cfg for it,
// and returns the vet.cfg's path.
func writeUnit(t *testing.T, cfg map[string]any, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	var goFiles []string
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(name) == ".go" && !slices.Contains([]string{"b_test.go", "x_test.go", "ignored_test.go"}, name) {
			goFiles = append(goFiles, filepath.Join(dir, name))
		}
	}
	cfg["Dir"] = dir
	cfg["GoFiles"] = goFiles
	if _, ok := cfg["IgnoredFiles"]; ok {
		cfg["IgnoredFiles"] = []string{filepath.Join(dir, "ignored_test.go")}
	}
	data, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "vet.cfg")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func TestUnitArgs(t *testing.T) {
	mainPkg := func() map[string]any {
		return map[string]any{"ID": "example.com/m/b", "ImportPath": "example.com/m/b", "ModulePath": "example.com/m", "ModuleVersion": "", "VetxOnly": true, "Other": "kept"}
	}
	plain := map[string]string{"b.go": "package b\n"}
	withTest := map[string]string{"b.go": "package b\n", "b_test.go": "package b\n"}
	withXTest := map[string]string{"b.go": "package b\n", "x_test.go": "package b_test\n"}
	withIgnoredTest := map[string]string{"b.go": "package b\n", "ignored_test.go": "//go:build never\n\npackage b\n"}
	dep := func() map[string]any {
		m := mainPkg()
		m["ModuleVersion"] = "v1.0.0"
		return m
	}
	variant := func() map[string]any {
		m := mainPkg()
		m["ID"] = "example.com/m/b [example.com/m/a.test]"
		return m
	}
	target := func() map[string]any {
		m := mainPkg()
		m["VetxOnly"] = false
		return m
	}
	ignored := func() map[string]any {
		m := mainPkg()
		m["IgnoredFiles"] = nil
		return m
	}
	for _, c := range []struct {
		name  string
		cfg   map[string]any
		files map[string]string
		flags []string
		full  bool
	}{
		{"main module, no tests", mainPkg(), plain, []string{"-json"}, true},
		{"main module, only an external test package", mainPkg(), withXTest, []string{"-json"}, true},
		{"main module, a test file the build ignores", ignored(), withIgnoredTest, []string{"-json"}, true},
		{"main module, in-package tests", mainPkg(), withTest, []string{"-json"}, false},
		{"main module, in-package tests, -dependency-findings", mainPkg(), withTest, []string{"-json", "-dependency-findings"}, true},
		{"-dependency-findings=false", mainPkg(), withTest, []string{"-json", "-dependency-findings=false"}, false},
		{"without -json", mainPkg(), plain, nil, false},
		{"with -fix", mainPkg(), plain, []string{"-json", "-fix"}, false},
		{"another module", dep(), plain, []string{"-json", "-dependency-findings"}, false},
		{"a test variant", variant(), plain, []string{"-json", "-dependency-findings"}, false},
		{"a target run", target(), plain, []string{"-json", "-dependency-findings"}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			file := writeUnit(t, c.cfg, c.files)
			args := append(slices.Clone(c.flags), file)
			got := UnitArgs(args)
			if !slices.Equal(got[:len(got)-1], c.flags) {
				t.Errorf("flags changed: %q", got)
			}
			out := got[len(got)-1]
			if (out != file) != c.full {
				t.Fatalf("UnitArgs(%q) = %q, want a full run: %v", args, got, c.full)
			}
			if !c.full {
				return
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				t.Fatal(err)
			}
			if m["VetxOnly"] != false || m["Other"] != "kept" || m["ID"] != c.cfg["ID"] {
				t.Errorf("full config %s", data)
			}
		})
	}
}

func TestTreeOnly(t *testing.T) {
	d := map[string][]Diagnostic{"pipeclose": {{Posn: "x.go:1:1"}}}
	tree := Tree{"m/a": d, "m/b": d, "m/b [m/b.test]": d, "m/b_test [m/b.test]": d}
	var got []string
	for id := range tree.Only(map[string]bool{"m/a": true}) {
		got = append(got, id)
	}
	slices.Sort(got)
	if want := []string{"m/a", "m/b [m/b.test]", "m/b_test [m/b.test]"}; !slices.Equal(got, want) {
		t.Errorf("Only = %q, want %q", got, want)
	}
	if len(tree.Only(nil)) != len(tree) {
		t.Errorf("Only(nil) dropped packages")
	}
}
