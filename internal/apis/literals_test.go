package apis_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// apiPath matches a string literal that names a package of another
// module: API knowledge lives in this package only.
var apiPath = regexp.MustCompile(`^"(k8s\.io|sigs\.k8s\.io|github\.com|golang\.org|google\.golang\.org|go\.uber\.org|gopkg\.in)/`)

// TestAPINamesLiveHere fails on a package-path string literal outside
// internal/apis (tests, testdata and the module's own path excepted), so
// that the analyzers and the model match APIs through this table only.
func TestAPINamesLiveHere(t *testing.T) {
	root := filepath.Join("..", "..")
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	self := ""
	for line := range strings.SplitSeq(string(mod), "\n") {
		if rest, ok := strings.CutPrefix(line, "module "); ok {
			self = `"` + strings.TrimSpace(rest) + "/"
		}
	}
	if self == "" {
		t.Fatal("no module line in go.mod")
	}
	files := 0
	err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.HasPrefix(filepath.ToSlash(rel), "internal/apis/") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		files++
		ast.Inspect(f, func(n ast.Node) bool {
			if _, ok := n.(*ast.ImportSpec); ok {
				return false
			}
			if l, ok := n.(*ast.BasicLit); ok && l.Kind == token.STRING && apiPath.MatchString(l.Value) && !strings.HasPrefix(l.Value, self) {
				t.Errorf("%s: package path %s: name it in internal/apis", fset.Position(l.Pos()), l.Value)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 20 {
		t.Errorf("scanned %d files, want the module's sources", files)
	}
}
