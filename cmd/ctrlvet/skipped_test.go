package main_test

// Packages that were not analysed: go vet skips a package that does not
// build and, silently, every package that depends on it. ctrlvet names
// each in text (stderr), -json and SARIF, and exits 1.

import (
	"encoding/json"
	"maps"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestNotAnalysed(t *testing.T) {
	files := map[string]string{
		"go.mod":           "module example.com/broken\n\ngo 1.26\n",
		"bad/bad.go":       "package bad\n\nfunc F() int { return undefinedThing }\n",
		"imp/imp.go":       "package imp\n\nimport \"example.com/broken/bad\"\n\nfunc G() int { return bad.F() }\n",
		"top/top.go":       "package top\n\nimport \"example.com/broken/imp\"\n\nfunc H() int { return imp.G() }\n",
		"tested/t.go":      "package tested\n\nfunc T() {}\n",
		"tested/t_test.go": "package tested\n\nimport (\n\t\"testing\"\n\n\t\"example.com/broken/imp\"\n)\n\nfunc TestT(t *testing.T) { imp.G() }\n",
		"good/good.go":     "package good\n\nimport \"io\"\n\nfunc G() { pr, w := io.Pipe(); go func() { _, _ = io.ReadAll(pr) }(); _, _ = w.Write(nil) }\n",
		"clean/clean.go":   "package clean\n\nfunc C() {}\n",
	}
	want := map[string]string{ // package: reason (a regexp)
		"example.com/broken/bad":                                     `bad.go:3:23: undefined: undefinedThing`,
		"example.com/broken/imp":                                     `it depends on example.com/broken/bad, which does not build`,
		"example.com/broken/top":                                     `it depends on example.com/broken/bad, which does not build`,
		"example.com/broken/tested [example.com/broken/tested.test]": `it depends on example.com/broken/bad, which does not build`,
	}
	cgo := false
	if _, err := exec.LookPath("gcc"); err == nil {
		cgo = true
		files["cg/cg.go"] = "package cg\n\n// #include <nosuchheader.h>\nimport \"C\"\n\nfunc One() int { return 1 }\n"
		files["impcg/impcg.go"] = "package impcg\n\nimport \"example.com/broken/cg\"\n\nfunc G() int { return cg.One() }\n"
		want["example.com/broken/cg"] = `nosuchheader.h: No such file or directory`
		want["example.com/broken/impcg"] = `it depends on example.com/broken/cg, which does not build`
	}
	dir := writeFiles(t, files)
	env := []string{"GOFLAGS="}
	if cgo {
		env = append(env, "CGO_ENABLED=1")
	}
	match := func(what, pkg, text string) {
		t.Helper()
		if !regexpMatch(want[pkg], text) {
			t.Errorf("%s: package %s: %q does not match %q", what, pkg, text, want[pkg])
		}
	}

	// text: the findings of the packages that were analysed, one line on
	// stderr per package that was not, exit status 1
	stdout, stderr, code := runEnv(t, dir, env, ctrlvetBin, "./...")
	if code != 1 || !slices.Equal(findings(stdout), []string{"good/good.go:5:21 pipeclose"}) {
		t.Errorf("text: exit %d, want 1 and the finding in good\n%s%s", code, stdout, stderr)
	}
	for pkg := range want {
		line := ""
		for l := range strings.SplitSeq(stderr, "\n") {
			if strings.HasPrefix(l, "ctrlvet: package "+pkg+": ") || strings.HasPrefix(l, "ctrlvet: package "+pkg+" not analysed: ") {
				line = l
			}
		}
		if line == "" {
			t.Errorf("text: stderr does not name %s:\n%s", pkg, stderr)
			continue
		}
		match("text", pkg, line)
	}
	if strings.Contains(stderr, "broken/clean") || strings.Contains(stderr, "broken/good") {
		t.Errorf("text: stderr names a package that was analysed:\n%s", stderr)
	}

	// -json: go vet's form, an error under "ctrlvet" for each package not analysed
	stdout, stderr, code = runEnv(t, dir, env, ctrlvetBin, "-json", "./...")
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil || code != 1 {
		t.Fatalf("-json: exit %d, %v\n%s%s", code, err, stdout, stderr)
	}
	var notAnalysed []string
	for pkg, byAn := range tree {
		raw, ok := byAn["ctrlvet"]
		if !ok {
			continue
		}
		var e struct{ Error string }
		if err := json.Unmarshal(raw, &e); err != nil || !strings.HasPrefix(e.Error, "not analysed: ") {
			t.Errorf("-json: %s: %s", pkg, raw)
		}
		notAnalysed = append(notAnalysed, pkg)
		match("-json", pkg, e.Error)
	}
	slices.Sort(notAnalysed)
	if wantPkgs := slices.Sorted(maps.Keys(want)); !slices.Equal(notAnalysed, wantPkgs) {
		t.Errorf("-json names as not analysed\n\t%s\nwant\n\t%s", strings.Join(notAnalysed, "\n\t"), strings.Join(wantPkgs, "\n\t"))
	}
	if len(tree["example.com/broken/good"]["pipeclose"]) == 0 {
		t.Errorf("-json lacks the finding in good:\n%s", stdout)
	}

	// SARIF: one error notification per package not analysed
	stdout, stderr, code = runEnv(t, dir, env, ctrlvetBin, "-sarif", "./...")
	var log sarifLog
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || code != 1 {
		t.Fatalf("-sarif: exit %d, %v\n%s", code, err, stderr)
	}
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful {
		t.Errorf("-sarif: executionSuccessful")
	}
	for pkg := range want {
		found := false
		for _, n := range inv.ToolExecutionNotifications {
			if strings.HasPrefix(n.Message.Text, "package "+pkg+": ") || strings.HasPrefix(n.Message.Text, "package "+pkg+" not analysed: ") {
				found = true
				match("-sarif", pkg, n.Message.Text)
			}
		}
		if !found {
			t.Errorf("-sarif: no notification for %s: %+v", pkg, inv.ToolExecutionNotifications)
		}
	}

	// only the packages asked for
	_, stderr, code = runEnv(t, dir, env, ctrlvetBin, "./top", "./clean")
	if code != 1 || !strings.Contains(stderr, "package example.com/broken/top not analysed: it depends on example.com/broken/bad") || strings.Contains(stderr, "broken/imp not analysed") {
		t.Errorf("./top ./clean: exit %d\n%s", code, stderr)
	}
}

func regexpMatch(re, s string) bool {
	return regexp.MustCompile(re).MatchString(s)
}
