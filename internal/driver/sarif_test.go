package driver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestOutputFormat(t *testing.T) {
	for _, c := range []struct {
		format      string
		json, sarif bool
		want, err   string
	}{
		{"", false, false, "text", ""},
		{"text", false, false, "text", ""},
		{"json", false, false, "json", ""},
		{"", true, false, "json", ""},
		{"", false, true, "sarif", ""},
		{"sarif", false, true, "sarif", ""},
		{"sarif", false, false, "sarif", ""},
		{"xml", false, false, "", "-format takes text, json or sarif"},
		{"", true, true, "", "exclude each other"},
		{"json", false, true, "", "-sarif contradicts -format=json"},
		{"text", true, false, "", "-json contradicts -format=text"},
	} {
		got, err := outputFormat(c.format, c.json, c.sarif)
		if got != c.want || (err == nil) != (c.err == "") || (err != nil && !strings.Contains(err.Error(), c.err)) {
			t.Errorf("outputFormat(%q, %v, %v) = %q, %v; want %q, %q", c.format, c.json, c.sarif, got, err, c.want, c.err)
		}
	}
}

// sarifFixture is a working directory /w with two files, and findings as
// Flatten returns them.
func sarifFixture() ([]*analysis.Analyzer, map[string]string, []Diagnostic) {
	analyzers := []*analysis.Analyzer{
		{Name: "netlinkclose", Doc: "report netlink handles not released\n\nLonger text.", URL: "https://example.com/netlinkclose"},
		{Name: "pipeclose", Doc: "report pipes never closed", URL: "https://example.com/pipeclose"},
	}
	files := map[string]string{
		"/w/mtu/mtu.go": "package mtu\n\nfunc f() {\n\tnl, err := nlshim.New()\n\treturn\n}\n",
		// "é" and "😀" are 2 and 4 bytes in UTF-8, 1 and 2 UTF-16 units.
		"/w/p q/proxy.go": "package proxy\n\nvar s = \"é😀\"; w := io.Pipe()\n\tw2 := io.Pipe()\n\tw2 := io.Pipe()\n",
	}
	diags := []Diagnostic{
		{
			Analyzer: "netlinkclose", Posn: "/w/mtu/mtu.go:4:13", End: "/w/mtu/mtu.go:4:25", Message: "netlink handle never released",
			Related: []Related{
				{Posn: "/w/mtu/mtu.go:5:2", End: "/w/mtu/mtu.go:5:2", Message: "returns here"},
				{Posn: "/gomodcache/nlshim/nlshim.go:7:1", Message: "made here"},
			},
		},
		{Analyzer: "pipeclose", Posn: "/w/p q/proxy.go:3:24", End: "/w/p q/proxy.go:3:33", Message: "pipe never closed"},
		{Analyzer: "pipeclose", Posn: "/w/p q/proxy.go:4:8", End: "/w/p q/proxy.go:4:8", Message: "pipe never closed"},
		{Analyzer: "pipeclose", Posn: "/w/p q/proxy.go:5:8", Message: "pipe never closed"},
		{Analyzer: "otheranalyzer", Posn: "/w/mtu/mtu.go:3:1", Message: "from an analyzer not in the list"},
	}
	return analyzers, files, diags
}

func readFrom(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
}

func TestSARIF(t *testing.T) {
	analyzers, files, diags := sarifFixture()
	log := SARIF(analyzers, diags, []string{"package example.com/bad: bad.go:3:1: undefined: x"}, "/w", "v1.2.3", readFrom(files))
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, log); err != nil {
		t.Fatal(err)
	}
	// Check the JSON itself, as a consumer would read it.
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	get := func(path ...any) any {
		t.Helper()
		var v any = doc
		for _, p := range path {
			switch k := p.(type) {
			case string:
				m, ok := v.(map[string]any)
				if !ok {
					t.Fatalf("%v: not an object at %q", path, k)
				}
				v = m[k]
			case int:
				a, ok := v.([]any)
				if !ok || k >= len(a) {
					t.Fatalf("%v: no element %d", path, k)
				}
				v = a[k]
			}
		}
		return v
	}
	eq := func(want any, path ...any) {
		t.Helper()
		if got := get(path...); !reflect.DeepEqual(got, want) {
			t.Errorf("%v = %#v, want %#v", path, got, want)
		}
	}
	eq("2.1.0", "version")
	eq(SARIFSchema, "$schema")
	run := []any{"runs", 0}
	at := func(p ...any) []any { return append(append([]any{}, run...), p...) }
	eq("ctrlvet", at("tool", "driver", "name")...)
	eq("1.2.3", at("tool", "driver", "version")...)
	eq("utf16CodeUnits", at("columnKind")...)
	eq("file:///w/", at("originalUriBaseIds", SARIFSrcRoot, "uri")...)
	eq(false, at("invocations", 0, "executionSuccessful")...)
	eq("error", at("invocations", 0, "toolExecutionNotifications", 0, "level")...)
	eq("package example.com/bad: bad.go:3:1: undefined: x", at("invocations", 0, "toolExecutionNotifications", 0, "message", "text")...)

	// One rule per analyzer, then one for an analyzer met only in results.
	eq("netlinkclose", at("tool", "driver", "rules", 0, "id")...)
	eq("report netlink handles not released", at("tool", "driver", "rules", 0, "shortDescription", "text")...)
	eq("report netlink handles not released\n\nLonger text.", at("tool", "driver", "rules", 0, "fullDescription", "text")...)
	eq("https://example.com/netlinkclose", at("tool", "driver", "rules", 0, "helpUri")...)
	eq("warning", at("tool", "driver", "rules", 0, "defaultConfiguration", "level")...)
	eq("pipeclose", at("tool", "driver", "rules", 1, "id")...)
	eq("otheranalyzer", at("tool", "driver", "rules", 2, "id")...)
	if n := len(get(at("tool", "driver", "rules")...).([]any)); n != 3 {
		t.Errorf("%d rules, want 3", n)
	}

	// Result 0: relative URI, region with end, related locations (one
	// without end, one outside the working directory).
	r0 := func(p ...any) []any { return at(append([]any{"results", 0}, p...)...) }
	eq("netlinkclose", r0("ruleId")...)
	eq(0.0, r0("ruleIndex")...)
	eq("warning", r0("level")...)
	eq("netlink handle never released", r0("message", "text")...)
	eq("mtu/mtu.go", r0("locations", 0, "physicalLocation", "artifactLocation", "uri")...)
	eq(SARIFSrcRoot, r0("locations", 0, "physicalLocation", "artifactLocation", "uriBaseId")...)
	eq(map[string]any{"startLine": 4.0, "startColumn": 13.0, "endLine": 4.0, "endColumn": 25.0}, r0("locations", 0, "physicalLocation", "region")...)
	eq(1.0, r0("relatedLocations", 0, "id")...)
	eq("returns here", r0("relatedLocations", 0, "message", "text")...)
	eq(map[string]any{"startLine": 5.0, "startColumn": 2.0}, r0("relatedLocations", 0, "physicalLocation", "region")...)
	eq(2.0, r0("relatedLocations", 1, "id")...)
	eq(map[string]any{"uri": "file:///gomodcache/nlshim/nlshim.go"}, r0("relatedLocations", 1, "physicalLocation", "artifactLocation")...)

	// Result 1: escaped URI, byte columns turned into UTF-16 columns.
	r1 := func(p ...any) []any { return at(append([]any{"results", 1}, p...)...) }
	eq("p%20q/proxy.go", r1("locations", 0, "physicalLocation", "artifactLocation", "uri")...)
	// `var s = "é😀"; w := io.Pipe()`: byte 24 is 'i' of io.Pipe, after
	// 23 bytes that are 20 UTF-16 units.
	eq(map[string]any{"startLine": 3.0, "startColumn": 21.0, "endLine": 3.0, "endColumn": 30.0}, r1("locations", 0, "physicalLocation", "region")...)
	if _, ok := get(r1()...).(map[string]any)["relatedLocations"]; ok {
		t.Errorf("result 1 has relatedLocations")
	}
	eq(2.0, at("results", 4, "ruleIndex")...)
}

// TestSARIFFingerprints: the fingerprint ignores the line number, so that
// it survives edits above the finding, and counts repeats.
func TestSARIFFingerprints(t *testing.T) {
	analyzers, files, diags := sarifFixture()
	fp := func(files map[string]string, diags []Diagnostic) []string {
		var out []string
		for _, r := range SARIF(analyzers, diags, nil, "/w", "", readFrom(files)).Runs[0].Results {
			out = append(out, r.PartialFingerprints[FingerprintKey])
		}
		return out
	}
	base := fp(files, diags)
	if len(base) != 5 {
		t.Fatalf("%d fingerprints", len(base))
	}
	// Lines 4 and 5 of proxy.go are identical: same hash, occurrences 1, 2.
	h2, n2, _ := strings.Cut(base[2], ":")
	h3, n3, _ := strings.Cut(base[3], ":")
	if h2 != h3 || n2 != "1" || n3 != "2" {
		t.Errorf("repeated findings: %q %q, want the same hash with :1 and :2", base[2], base[3])
	}
	seen := map[string]bool{}
	for _, f := range base {
		if seen[f] || len(f) != 34 {
			t.Errorf("fingerprint %q repeated or malformed: %q", f, base)
		}
		seen[f] = true
	}

	// Insert two lines at the top of both files: positions move, the
	// fingerprints do not.
	moved := map[string]string{}
	for k, v := range files {
		moved[k] = "// a\n// b\n" + v
	}
	var movedDiags []Diagnostic
	shift := func(p string) string {
		if p == "" {
			return ""
		}
		f, l, c := splitPosn(p)
		return fmt.Sprintf("%s:%d:%d", f, l+2, c)
	}
	for _, d := range diags {
		d.Posn, d.End = shift(d.Posn), shift(d.End)
		movedDiags = append(movedDiags, d)
	}
	if got := fp(moved, movedDiags); !reflect.DeepEqual(got, base) {
		t.Errorf("after inserting lines: %q, want %q", got, base)
	}

	// A change of the reported line's text, of the message or of the
	// analyzer changes the fingerprint.
	changed := map[string]string{}
	for k, v := range files {
		changed[k] = strings.Replace(v, "nl, err := nlshim.New()", "h, err := nlshim.New()", 1)
	}
	if got := fp(changed, diags); got[0] == base[0] || got[1] != base[1] {
		t.Errorf("line text change: %q -> %q", base[:2], got[:2])
	}
	d2 := append([]Diagnostic(nil), diags...)
	d2[0].Message = "other"
	d2[1].Analyzer = "netlinkclose"
	if got := fp(files, d2); got[0] == base[0] || got[1] == base[1] || got[2] != base[2] {
		t.Errorf("message/analyzer change: %q -> %q", base[:3], got[:3])
	}
}

// TestParseEnd: the end positions in go vet's JSON reach the diagnostics.
func TestParseEnd(t *testing.T) {
	tree, problems := Parse(`{"example.com/a": {"pipeclose": [{"posn": "/w/a.go:3:2", "end": "/w/a.go:3:9", "message": "m", "related": [{"posn": "/w/a.go:4:1", "end": "/w/a.go:4:5", "message": "r"}]}]}}`)
	ds := Flatten(tree)
	if len(problems) != 0 || len(ds) != 1 || ds[0].End != "/w/a.go:3:9" || ds[0].Related[0].End != "/w/a.go:4:5" {
		t.Errorf("Parse: %+v %q", ds, problems)
	}
}

// TestSARIFUnreadable: without the source, columns stay as they are and
// the fingerprint still exists.
func TestSARIFUnreadable(t *testing.T) {
	analyzers, _, diags := sarifFixture()
	log := SARIF(analyzers, diags[:2], nil, "/w", "", func(string) ([]byte, error) { return nil, errors.New("no") })
	r := log.Runs[0].Results[1]
	if reg := r.Locations[0].PhysicalLocation.Region; reg.StartColumn != 24 || reg.EndColumn != 33 {
		t.Errorf("region %+v, want the byte columns", reg)
	}
	if r.PartialFingerprints[FingerprintKey] == "" || !log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Errorf("result %+v", r)
	}
	if v := log.Runs[0].Tool.Driver.Version; v != "0.0.0-devel" {
		t.Errorf("devel version %q", v)
	}
}
