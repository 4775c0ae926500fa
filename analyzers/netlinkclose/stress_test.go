package netlinkclose_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ctrlvet/ctrlvet/analyzers/netlinkclose"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

// TestManyBranches checks that the work per function stays bounded: a
// function with thousands of branches (2^n paths) and a loop, with the
// leak on one path deep inside, is analysed in well under a second.
func TestManyBranches(t *testing.T) {
	const n = 3000
	var b strings.Builder
	b.WriteString("package stress\n\nimport \"github.com/vishvananda/netlink\"\n\n")
	b.WriteString("func branches(xs []int) error {\n")
	b.WriteString("\th, err := netlink.NewHandle() // want `not released on the path that returns at line`\n")
	b.WriteString("\tif err != nil {\n\t\treturn err\n\t}\n")
	b.WriteString("\tfor _, x := range xs {\n")
	for i := range n {
		fmt.Fprintf(&b, "\t\tif x == %d {\n\t\t\t_, _ = h.LinkList()\n\t\t}\n", i)
		if i == n/2 {
			b.WriteString("\t\tif x < 0 {\n\t\t\treturn nil\n\t\t}\n")
		}
	}
	b.WriteString("\t}\n\th.Close()\n\treturn nil\n}\n")

	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	testutil.WritePackage(t, dir, "stress", b.String())
	stubs, err := filepath.Abs(filepath.Join("testdata", "src", "github.com"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(stubs, filepath.Join(src, "github.com")); err != nil {
		t.Fatal(err)
	}
	testutil.TimedRun(t, dir, netlinkclose.Analyzer, "stress", 10*time.Second)
}

// TestHelperFanout: a handle passed down three levels of same-package
// helpers (as deep as the engine looks), each calling the next many
// times. Looking into a callee was once repeated at every call site:
// 300 calls per level took 23 s.
func TestHelperFanout(t *testing.T) {
	const k = 300
	var b strings.Builder
	b.WriteString("package fanout\n\nimport \"github.com/vishvananda/netlink\"\n\n")
	b.WriteString("func h3(h *netlink.Handle) { _, _ = h.LinkList() }\n")
	for lvl := 2; lvl >= 1; lvl-- {
		fmt.Fprintf(&b, "func h%d(h *netlink.Handle) {\n", lvl)
		for range k {
			fmt.Fprintf(&b, "\th%d(h)\n", lvl+1)
		}
		b.WriteString("}\n")
	}
	b.WriteString("func top() error {\n\th, err := netlink.NewHandle()\n\tif err != nil {\n\t\treturn err\n\t}\n")
	for range k {
		b.WriteString("\th1(h)\n")
	}
	b.WriteString("\treturn nil\n}\n")
	dir := t.TempDir()
	testutil.WritePackage(t, dir, "fanout", b.String())
	stubs, err := filepath.Abs(filepath.Join("testdata", "src", "github.com"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(stubs, filepath.Join(dir, "src", "github.com")); err != nil {
		t.Fatal(err)
	}
	ds := testutil.Timed(t, dir, netlinkclose.Analyzer, "fanout", 10*time.Second)
	if len(ds) != 1 || !strings.Contains(ds[0].Message, "never released") {
		t.Errorf("findings %v, want one: the handle is never released (the helpers only use it)", ds)
	}
}
