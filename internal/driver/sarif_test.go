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

// flowSteps renders a result's code flows as "thread: line message" steps,
// one string per code flow, threads separated by " | ".
func flowSteps(r SARIFResult) []string {
	var out []string
	for _, cf := range r.CodeFlows {
		var threads []string
		for _, tf := range cf.ThreadFlows {
			var steps []string
			for _, l := range tf.Locations {
				steps = append(steps, fmt.Sprintf("%d %s", l.Location.PhysicalLocation.Region.StartLine, l.Location.Message.Text))
			}
			threads = append(threads, tf.Message.Text+": "+strings.Join(steps, ", "))
		}
		out = append(out, strings.Join(threads, " | "))
	}
	return out
}

// TestSARIFCodeFlows: each analyzer's related information read as paths,
// one thread flow per goroutine or place the code runs, one code flow per
// alternative (a leaking return, a registration).
func TestSARIFCodeFlows(t *testing.T) {
	const f = "/w/a.go"
	p := func(line int) string { return fmt.Sprintf("%s:%d:2", f, line) }
	rel := func(line int, msg string) Related { return Related{Posn: p(line), Message: msg} }
	cases := []struct {
		name string
		d    Diagnostic
		want []string
	}{
		{
			"stranded goroutine, two leaking returns",
			Diagnostic{Analyzer: "strandedgoroutine", Posn: p(10), Message: "goroutine can block for ever on a send: a receive happens only on some paths of Get, and the return at line 14 skips it; fix",
				Related: []Related{rel(11, "the goroutine blocks here"), rel(14, "returns here without a receive"), rel(16, "returns here without a receive")}},
			[]string{
				"the goroutine that starts it: 10 starts the goroutine here, 14 returns here without a receive | the started goroutine: 10 starts here, 11 the goroutine blocks here",
				"the goroutine that starts it: 10 starts the goroutine here, 16 returns here without a receive | the started goroutine: 10 starts here, 11 the goroutine blocks here",
			},
		},
		{
			"goroutine per loop iteration",
			Diagnostic{Analyzer: "strandedgoroutine", Posn: p(10), Message: "goroutine started on every loop iteration of f waits only on a channel",
				Related: []Related{rel(12, "the goroutine blocks here"), rel(8, "the iteration's context, which the goroutine ignores")}},
			[]string{"the goroutine that starts it: 8 the iteration's context, which the goroutine ignores, 10 starts the goroutine here, once per iteration | the started goroutine: 10 starts here, 12 the goroutine blocks here"},
		},
		{
			"wait on a channel closed by a goroutine never started; the close is evidence",
			Diagnostic{Analyzer: "strandedgoroutine", Posn: p(30), Message: "receive from done can block for ever: only the goroutine that Start starts closes it",
				Related: []Related{rel(20, "returns here without starting the goroutine that closes done"), rel(25, "the only close")}},
			[]string{"the caller: 20 returns here without starting the goroutine that closes done, 30 then waits here for ever"},
		},
		{
			"leadersend from a handler: registration, send; gate, receiver",
			Diagnostic{Analyzer: "leadersend", Posn: p(40), Message: "send in OnAdd can block for ever: it runs in an informer event handler on every replica",
				Related: []Related{rel(50, "the only receiver, which runs only on the leader"), rel(48, "leader gate: NeedLeaderElection returns true"), rel(30, "the handler is registered here, on every replica")}},
			[]string{"on a standby replica: 30 the handler is registered here, on every replica, 40 blocks here: no receiver runs on a standby replica | on the leader: 48 leader gate: NeedLeaderElection returns true, 50 the only receiver, which runs only on the leader"},
		},
		{
			"leadersend wiring across packages, two registrations",
			Diagnostic{Analyzer: "leadersend", Posn: p(40), Message: "watch.W.Ch gets a channel whose only receiver, r, runs only on the leader",
				Related: []Related{rel(50, "the only receiver, which runs only on the leader"), rel(41, "the handler is registered here, on every replica"), rel(43, "the handler is registered here, on every replica")}},
			[]string{
				"on a standby replica: 40 the handler gets the channel here; its send on it blocks on a standby replica, 41 the handler is registered here, on every replica | on the leader: 50 the only receiver, which runs only on the leader",
				"on a standby replica: 40 the handler gets the channel here; its send on it blocks on a standby replica, 43 the handler is registered here, on every replica | on the leader: 50 the only receiver, which runs only on the leader",
			},
		},
		{
			"leadersend: a call of another package's entry that registers the sending handler",
			Diagnostic{Analyzer: "leadersend", Posn: p(40), Message: "podwatch.Run registers an informer event handler that sends on this channel (podwatch.go:30), on every replica, but its only receiver, r, runs only on the leader",
				Related: []Related{rel(50, "the only receiver, which runs only on the leader"), rel(48, "leader gate: NeedLeaderElection returns true"), rel(30, "the send, in an informer event handler of podwatch.Run")}},
			[]string{"on a standby replica: 40 this call registers the sending handler, on every replica, 30 the send, in an informer event handler of podwatch.Run | on the leader: 48 leader gate: NeedLeaderElection returns true, 50 the only receiver, which runs only on the leader"},
		},
		{
			"earlyinformer",
			Diagnostic{Analyzer: "earlyinformer", Posn: p(10), Message: "informer for Pods is created in main",
				Related: []Related{rel(12, "started here, on every replica"), rel(20, "leader gate: x"), rel(22, "consumed here, only on the leader")}},
			[]string{"on every replica: 10 the informer is created here, on every replica, 12 started here, on every replica | on the leader: 20 leader gate: x, 22 consumed here, only on the leader"},
		},
		{
			"netlinkclose: acquisition to the leaking return",
			Diagnostic{Analyzer: "netlinkclose", Posn: p(12), Message: "netlink handle from nlshim.New is never released",
				Related: []Related{rel(18, "returns here without releasing the netlink handle")}},
			[]string{"in the function: 12 acquired here, 18 returns here without releasing the netlink handle"},
		},
		{
			"netlinkclose subscription",
			Diagnostic{Analyzer: "netlinkclose", Posn: p(12), Message: "netlink.LinkSubscribe subscription is never stopped",
				Related: []Related{rel(10, "done channel made here")}},
			[]string{"in the function: 10 done channel made here, 12 subscribes here; nothing closes the done channel"},
		},
		{
			"pipeclose handed on",
			Diagnostic{Analyzer: "pipeclose", Posn: p(18), Message: "*io.PipeWriter from logrus Logger.WriterLevel is never closed",
				Related: []Related{rel(18, "handed on here as an io.Writer, which nobody can close")}},
			[]string{"in the function: 18 the writer is made here, 18 handed on here as an io.Writer, which nobody can close"},
		},
		{"a single step is no path", Diagnostic{Analyzer: "pipeclose", Posn: p(18), Message: "io.Pipe is never closed"}, nil},
		{
			"unfilteredcache: uses are evidence, not a path",
			Diagnostic{Analyzer: "unfilteredcache", Posn: p(5), Message: "the manager's cache holds every Secret", Related: []Related{rel(9, "Get of Secret here")}},
			nil,
		},
		{
			"a goroutine's start alone, in two threads, is no path",
			Diagnostic{Analyzer: "strandedgoroutine", Posn: p(10), Message: "goroutine blocks for ever on a send: f never performs a receive", Related: []Related{rel(14, "something new")}},
			nil,
		},
		{
			"an unknown related message stays out of the flow",
			Diagnostic{Analyzer: "netlinkclose", Posn: p(12), Message: "netlink handle never released", Related: []Related{rel(14, "something new")}},
			nil,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			log := SARIF(nil, []Diagnostic{c.d}, nil, "/w", "", readFrom(nil))
			r := log.Runs[0].Results[0]
			if got := flowSteps(r); !reflect.DeepEqual(got, c.want) {
				t.Errorf("flows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			// every related location stays a related location
			if len(r.RelatedLocations) != len(c.d.Related) {
				t.Errorf("%d related locations, want %d", len(r.RelatedLocations), len(c.d.Related))
			}
			for _, cf := range r.CodeFlows {
				for _, tf := range cf.ThreadFlows {
					for _, l := range tf.Locations {
						if l.Location.ID != nil || l.Location.PhysicalLocation.ArtifactLocation.URI != "a.go" {
							t.Errorf("step location %+v", l.Location)
						}
					}
				}
			}
		})
	}
}

// TestSARIFCodeFlowsCap: at most maxCodeFlows alternatives.
func TestSARIFCodeFlowsCap(t *testing.T) {
	d := Diagnostic{Analyzer: "netlinkclose", Posn: "/w/a.go:1:1", Message: "netlink handle never released"}
	for i := range 10 {
		d.Related = append(d.Related, Related{Posn: fmt.Sprintf("/w/a.go:%d:1", i+2), Message: "returns here without releasing the netlink handle"})
	}
	r := SARIF(nil, []Diagnostic{d}, nil, "/w", "", readFrom(nil)).Runs[0].Results[0]
	if len(r.CodeFlows) != maxCodeFlows || len(r.RelatedLocations) != 10 {
		t.Errorf("%d code flows, %d related locations; want %d, 10", len(r.CodeFlows), len(r.RelatedLocations), maxCodeFlows)
	}
}

// TestSARIFFixes: go vet's suggested fixes, in byte offsets, become SARIF
// fixes in lines and UTF-16 columns (bytes when the file cannot be read).
func TestSARIFFixes(t *testing.T) {
	files := map[string]string{
		"/w/a.go": "package a\n\nvar s = \"é😀\"; x := 1\n",
		"/w/b.go": "package b\n",
	}
	var fixes any
	// as json.Unmarshal decodes go vet's output into Diagnostic.Fixes
	if err := json.Unmarshal([]byte(`[
		{"message": "Release it", "edits": [
			{"filename": "/w/a.go", "start": 34, "end": 35, "new": "2"},
			{"filename": "/w/a.go", "start": 10, "end": 10, "new": "\n// x"},
			{"filename": "/w/b.go", "start": 9, "end": 9, "new": "\n"},
			{"filename": "/gone/c.go", "start": 4, "end": 6, "new": ""}
		]},
		{"message": "", "edits": [{"filename": "/w/a.go", "start": 1, "end": 2, "new": "x"}]},
		{"message": "No edits", "edits": []}
	]`), &fixes); err != nil {
		t.Fatal(err)
	}
	d := Diagnostic{Analyzer: "netlinkclose", Posn: "/w/a.go:3:1", Message: "m", Fixes: fixes}
	r := SARIF(nil, []Diagnostic{d}, nil, "/w", "", readFrom(files)).Runs[0].Results[0]
	got, err := json.Marshal(r.Fixes)
	if err != nil {
		t.Fatal(err)
	}
	// byte 34 of a.go is the "1" on line 3, column 24 in bytes
	// (`var s = "é😀"; x := ` is 23 bytes, 20 UTF-16 units): column 21.
	want := `[{"description":{"text":"Release it"},"artifactChanges":[` +
		`{"artifactLocation":{"uri":"a.go","uriBaseId":"%SRCROOT%"},"replacements":[` +
		`{"deletedRegion":{"startLine":3,"startColumn":21,"endLine":3,"endColumn":22},"insertedContent":{"text":"2"}},` +
		`{"deletedRegion":{"startLine":2,"startColumn":1,"endLine":2,"endColumn":1},"insertedContent":{"text":"\n// x"}}]},` +
		`{"artifactLocation":{"uri":"b.go","uriBaseId":"%SRCROOT%"},"replacements":[` +
		`{"deletedRegion":{"startLine":1,"startColumn":10,"endLine":1,"endColumn":10},"insertedContent":{"text":"\n"}}]},` +
		`{"artifactLocation":{"uri":"file:///gone/c.go"},"replacements":[` +
		`{"deletedRegion":{"byteOffset":4,"byteLength":2}}]}]}]`
	if string(got) != want {
		t.Errorf("fixes:\n%s\nwant:\n%s", got, want)
	}
	if d.Fixes = nil; SARIF(nil, []Diagnostic{d}, nil, "/w", "", readFrom(files)).Runs[0].Results[0].Fixes != nil {
		t.Errorf("fixes without suggested fixes")
	}
}
