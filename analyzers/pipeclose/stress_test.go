package pipeclose_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/analyzers/pipeclose"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// stressTree lays out the scenarios' stubs (logrus) and one generated
// package.
func stressTree(t *testing.T, pkg, src string) string {
	t.Helper()
	dir := t.TempDir()
	testutil.WritePackage(t, dir, pkg, src)
	stubs, err := filepath.Abs(filepath.Join(testutil.StubsDir(), "github.com"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(stubs, filepath.Join(dir, "src", "github.com")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestManyBranches checks that the work per function stays bounded: one
// function with thousands of branches, each making a writer and closing
// it on both arms, pipes read by goroutines, an early return deep inside
// (the writer closed at the end is closed on some path: silent), and one
// writer handed on as an io.Writer at the end (the finding).
func TestManyBranches(t *testing.T) {
	const n = 1500
	var b strings.Builder
	b.WriteString(`package stress

import (
	"io"

	"github.com/sirupsen/logrus"
)

func use(w io.Writer) {}

func many(l *logrus.Logger, xs []int) error {
	kept := l.WriterLevel(logrus.InfoLevel)
	for _, x := range xs {
`)
	for i := range n {
		fmt.Fprintf(&b, "\t\tw%d := l.WriterLevel(logrus.DebugLevel)\n\t\tif x == %d {\n\t\t\t_, _ = w%d.Write(nil)\n\t\t\tw%d.Close()\n\t\t} else {\n\t\t\tw%d.Close()\n\t\t}\n", i, i, i, i, i)
		fmt.Fprintf(&b, "\t\tr%d, p%d := io.Pipe()\n\t\tgo func() { _, _ = io.ReadAll(r%d) }()\n\t\t_ = p%d.Close()\n", i, i, i, i)
		if i == n/2 {
			b.WriteString("\t\tif x < 0 {\n\t\t\treturn nil\n\t\t}\n")
		}
	}
	b.WriteString("\t}\n\tkept.Close()\n\tuse(l.Writer())\n\treturn nil\n}\n")
	dir := stressTree(t, "stress", b.String())
	ds := testutil.Timed(t, dir, pipeclose.Analyzer, "stress", 8*time.Second)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "Logger.Writer is never closed") {
		t.Errorf("findings %v, want one: the writer handed to use", messages(ds))
	}
}

// TestManyWriters: thousands of writers handed to thousands of
// functions, half of which close them, in one package.
func TestManyWriters(t *testing.T) {
	const n = 2000
	var b strings.Builder
	b.WriteString("package writers\n\nimport \"github.com/sirupsen/logrus\"\nimport \"io\"\n\n")
	for i := range n {
		if i%2 == 0 {
			fmt.Fprintf(&b, "func sink%d(w *io.PipeWriter) { w.Close() }\n", i)
		} else {
			fmt.Fprintf(&b, "func sink%d(w *io.PipeWriter) { _, _ = w.Write(nil); sink%d(w) }\n", i, i-1)
		}
	}
	b.WriteString("func all(l *logrus.Logger) {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tsink%d(l.Writer())\n", i)
	}
	b.WriteString("}\n")
	dir := stressTree(t, "writers", b.String())
	ds := testutil.Timed(t, dir, pipeclose.Analyzer, "writers", 8*time.Second)
	if len(ds) != 0 {
		t.Errorf("findings %v, want none: every sink closes its writer", messages(ds))
	}
}

// messages returns the findings' messages.
func messages(ds []analysis.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Message)
	}
	return out
}
