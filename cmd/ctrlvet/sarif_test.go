package main_test

// End-to-end tests of the SARIF output (-sarif, -format=sarif) and of the
// vet subcommand, on testdata/example.

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string `json:"id"`
					HelpURI          string `json:"helpUri"`
					ShortDescription struct {
						Text string `json:"text"`
					} `json:"shortDescription"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Results []sarifResult `json:"results"`
	} `json:"runs"`
}

type sarifResult struct {
	RuleID  string `json:"ruleId"`
	Level   string `json:"level"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
	Locations        []sarifLocation   `json:"locations"`
	RelatedLocations []sarifLocation   `json:"relatedLocations"`
	Fingerprints     map[string]string `json:"partialFingerprints"`
	CodeFlows        []struct {
		ThreadFlows []struct {
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				Location sarifLocation `json:"location"`
			} `json:"locations"`
		} `json:"threadFlows"`
	} `json:"codeFlows"`
	Fixes []struct {
		Description struct {
			Text string `json:"text"`
		} `json:"description"`
		ArtifactChanges []struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Replacements []struct {
				DeletedRegion struct {
					StartLine, StartColumn, EndLine, EndColumn int
				} `json:"deletedRegion"`
				InsertedContent struct {
					Text string `json:"text"`
				} `json:"insertedContent"`
			} `json:"replacements"`
		} `json:"artifactChanges"`
	} `json:"fixes"`
}

// flows renders a result's code flows as one line per code flow:
// "thread: file:line message, ... | thread: ...".
func (r sarifResult) flows() []string {
	var out []string
	for _, cf := range r.CodeFlows {
		var threads []string
		for _, tf := range cf.ThreadFlows {
			var steps []string
			for _, l := range tf.Locations {
				pl := l.Location.PhysicalLocation
				steps = append(steps, fmt.Sprintf("%s:%d %s", pl.ArtifactLocation.URI, pl.Region.StartLine, l.Location.Message.Text))
			}
			threads = append(threads, tf.Message.Text+": "+strings.Join(steps, ", "))
		}
		out = append(out, strings.Join(threads, " | "))
	}
	return out
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine, StartColumn, EndLine, EndColumn int
		} `json:"region"`
	} `json:"physicalLocation"`
	Message struct {
		Text string `json:"text"`
	} `json:"message"`
}

func TestStandaloneSARIF(t *testing.T) {
	dir := exampleDir(t)
	stdout, stderr, code := run(t, dir, ctrlvetBin, "-sarif", "./...")
	if code != 0 {
		t.Fatalf("-sarif: exit %d, want 0\n%s", code, stderr)
	}
	stdout2, _, code2 := run(t, dir, ctrlvetBin, "-format=sarif", "./...")
	if code2 != 0 || stdout2 != stdout {
		t.Errorf("-format=sarif: exit %d, output differs from -sarif's", code2)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatalf("-sarif output is not JSON: %v\n%s", err, stdout)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("version %q, %d runs", log.Version, len(log.Runs))
	}
	r := log.Runs[0]
	if r.Tool.Driver.Name != "ctrlvet" || !r.Invocations[0].ExecutionSuccessful {
		t.Errorf("tool %q, invocation %+v", r.Tool.Driver.Name, r.Invocations)
	}
	if got := r.OriginalURIBaseIDs["%SRCROOT%"].URI; got != "file://"+filepath.ToSlash(dir)+"/" {
		t.Errorf("%%SRCROOT%% = %q", got)
	}
	rules := map[string]bool{}
	for _, rule := range r.Tool.Driver.Rules {
		rules[rule.ID] = true
		if !strings.HasPrefix(rule.HelpURI, "https://") || rule.ShortDescription.Text == "" {
			t.Errorf("rule %+v", rule)
		}
	}
	for _, n := range []string{"leadersend", "earlyinformer", "netlinkclose", "pipeclose"} {
		if !rules[n] {
			t.Errorf("no rule %s in %v", n, rules)
		}
	}
	// The results are the text mode's findings, in the same order (the
	// example's files are ASCII: UTF-16 columns are byte columns).
	text, _, _ := run(t, dir, ctrlvetBin, "./...")
	var want, got []string
	for l := range strings.SplitSeq(text, "\n") {
		if l != "" && !strings.HasPrefix(l, "\t") {
			want = append(want, l)
		}
	}
	var nl *sarifResult
	for i, res := range r.Results {
		loc := res.Locations[0].PhysicalLocation
		got = append(got, fmt.Sprintf("%s:%d:%d: %s (%s)", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, res.Message.Text, res.RuleID))
		if res.Level != "warning" || len(res.Fingerprints["ctrlvetLineHash/v1"]) != 34 || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %+v", res)
		}
		if res.RuleID == "netlinkclose" {
			nl = &r.Results[i]
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) < 3 {
		t.Fatalf("SARIF results:\n%s\nwant (the text mode's findings):\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if nl == nil {
		t.Fatal("no netlinkclose result")
	}
	if reg := nl.Locations[0].PhysicalLocation.Region; reg.StartLine != 12 || reg.StartColumn != 13 || reg.EndLine != 12 || reg.EndColumn != 25 {
		t.Errorf("netlinkclose region %+v, want 12:13-12:25", reg)
	}
	if len(nl.RelatedLocations) != 2 || nl.RelatedLocations[0].PhysicalLocation.Region.StartLine != 18 ||
		nl.RelatedLocations[0].Message.Text != "returns here without releasing the netlink handle" {
		t.Errorf("netlinkclose related locations %+v", nl.RelatedLocations)
	}
	if !strings.HasPrefix(nl.Message.Text, "netlink handle from nlshim.New is never released") {
		t.Errorf("message %q", nl.Message.Text)
	}

	// Code flows: the real analyzers' related messages read as paths.
	wantFlows := map[string][]string{
		"netlinkclose": {
			"in the function: mtu/mtu.go:12 acquired here, mtu/mtu.go:18 returns here without releasing the netlink handle",
			"in the function: mtu/mtu.go:12 acquired here, mtu/mtu.go:26 returns here without releasing the netlink handle",
		},
		"pipeclose": {
			"in the function: proxy/proxy.go:18 the writer is made here, proxy/proxy.go:18 handed on here as an io.Writer, which nobody can close",
		},
		"strandedgoroutine": {
			"the goroutine that starts it: fetch/fetch.go:23 starts the goroutine here, fetch/fetch.go:28 returns here without a receive | " +
				"the started goroutine: fetch/fetch.go:23 starts here, fetch/fetch.go:25 the goroutine blocks here",
		},
	}
	for _, res := range r.Results {
		if got, want := res.flows(), wantFlows[res.RuleID]; strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s code flows:\n%s\nwant:\n%s", res.RuleID, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	// The suggested fix: `defer nl.Delete()` inserted after the error check.
	if len(nl.Fixes) != 1 || nl.Fixes[0].Description.Text != "Release the netlink handle with defer nl.Delete()" ||
		len(nl.Fixes[0].ArtifactChanges) != 1 || nl.Fixes[0].ArtifactChanges[0].ArtifactLocation.URI != "mtu/mtu.go" ||
		len(nl.Fixes[0].ArtifactChanges[0].Replacements) != 1 {
		t.Fatalf("netlinkclose fixes %+v", nl.Fixes)
	}
	rep := nl.Fixes[0].ArtifactChanges[0].Replacements[0]
	src, err := os.ReadFile(filepath.Join(dir, "mtu", "mtu.go"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	if dr := rep.DeletedRegion; dr.StartLine != 15 || dr.StartLine != dr.EndLine || dr.StartColumn != dr.EndColumn || dr.StartLine < 1 || dr.StartLine > len(lines) ||
		dr.StartColumn != len(lines[dr.StartLine-1])+1 || rep.InsertedContent.Text != "\n\tdefer nl.Delete()" {
		t.Errorf("fix replacement %+v: want an insertion of defer nl.Delete() at the end of line 15, after the error check", rep)
	}

	// With -C, URIs stay relative to where ctrlvet was started (a
	// repository's root, for code scanning).
	parent := filepath.Dir(dir)
	stdoutC, stderrC, codeC := run(t, parent, ctrlvetBin, "-C", filepath.Base(dir), "-sarif", "./proxy")
	var logC sarifLog
	if err := json.Unmarshal([]byte(stdoutC), &logC); codeC != 0 || err != nil {
		t.Fatalf("-C %s -sarif: exit %d, %v\n%s", filepath.Base(dir), codeC, err, stderrC)
	}
	if res := logC.Runs[0].Results; len(res) != 1 || res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != filepath.Base(dir)+"/proxy/proxy.go" ||
		logC.Runs[0].OriginalURIBaseIDs["%SRCROOT%"].URI != "file://"+filepath.ToSlash(parent)+"/" {
		t.Errorf("-C: results %+v, base %+v", res, logC.Runs[0].OriginalURIBaseIDs)
	}

	file := filepath.Join(t.TempDir(), "example.sarif")
	if err := os.WriteFile(file, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, file)
}

// TestSARIFProblems: a package that does not type-check is a tool
// execution notification and exit status 1; the findings of the other
// packages are still there.
func TestSARIFProblems(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"go.mod":       "module example.com/broken\n\ngo 1.24\n",
		"bad/bad.go":   "package bad\n\nfunc f() int { return undefinedThing }\n",
		"good/good.go": "package good\n\nimport \"io\"\n\nfunc G() { pr, w := io.Pipe(); go func() { _, _ = io.ReadAll(pr) }(); _, _ = w.Write(nil) }\n",
	} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := run(t, dir, ctrlvetBin, "-sarif", "./...")
	if code != 1 || !strings.Contains(stderr, "undefined: undefinedThing") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 ||
		!strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "undefined: undefinedThing") {
		t.Errorf("invocation %+v", inv)
	}
	if len(log.Runs[0].Results) != 1 || log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "good/good.go" {
		t.Errorf("results %+v", log.Runs[0].Results)
	}
	file := filepath.Join(t.TempDir(), "broken.sarif")
	if err := os.WriteFile(file, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, file)

	for _, args := range [][]string{{"-sarif", "-json", "./..."}, {"-format=sarif", "-json", "./..."}, {"-format=xml", "./..."}, {"-sarif", "-fix", "./..."}} {
		if _, stderr, code := run(t, dir, ctrlvetBin, args...); code != 1 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 1 and one line", args, code, stderr)
		}
	}
}

// validateSARIF runs scripts/validate-sarif.sh, which installs Microsoft's
// SARIF Multitool from npm and fails on any error or warning of its
// validate command. Skipped without npm, unless CI is set.
func validateSARIF(t *testing.T, file string) {
	t.Helper()
	if testing.Short() {
		t.Log("-short: SARIF Multitool validation skipped")
		return
	}
	if _, err := exec.LookPath("npm"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set and npm is missing: cannot validate %s", file)
		}
		t.Log("npm not found: SARIF Multitool validation skipped")
		return
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "validate-sarif.sh"))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, ".", script, file)
	if code != 0 {
		t.Errorf("validate-sarif.sh %s: exit %d\n%s%s", filepath.Base(file), code, stdout, stderr)
	}
}

// TestVetSubcommand: `ctrlvet vet` is go vet with ctrlvet as its tool:
// go vet's output and exit status.
func TestVetSubcommand(t *testing.T) {
	dir := exampleDir(t)
	_, stderr, code := run(t, dir, ctrlvetBin, "vet")
	if code != 1 {
		t.Errorf("vet: exit %d, want go vet's 1\n%s", code, stderr)
	}
	for _, want := range []string{
		"mtu/mtu.go:12:13: netlink handle from nlshim.New is never released",
		"proxy/proxy.go:18:21: *io.PipeWriter from logrus Logger.WriterLevel is never closed",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("vet output lacks %q:\n%s", want, stderr)
		}
	}
	if _, stderr, code := run(t, dir, ctrlvetBin, "vet", "-pipeclose=false", "./mtu", "./proxy"); code != 1 || strings.Contains(stderr, "PipeWriter") || !strings.Contains(stderr, "netlink handle") {
		t.Errorf("vet -pipeclose=false: exit %d\n%s", code, stderr)
	}
	if stdout, stderr, code := run(t, dir, ctrlvetBin, "vet", "./clean", "./nlshim"); code != 0 || stdout != "" || stderr != "" {
		t.Errorf("vet on clean packages: exit %d, %q %q", code, stdout, stderr)
	}
	if _, stderr, code := run(t, t.TempDir(), ctrlvetBin, "-C", dir, "vet", "./proxy"); code != 1 || !strings.Contains(stderr, "proxy/proxy.go:18:21") {
		t.Errorf("-C dir vet: exit %d\n%s", code, stderr)
	}
	if stdout, stderr, code := run(t, dir, ctrlvetBin, "vet", "-json", "./proxy"); code != 0 || !strings.Contains(stdout+stderr, `"pipeclose"`) {
		t.Errorf("vet -json: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, stderr, code := run(t, dir, ctrlvetBin, "-json", "vet", "./proxy"); code != 1 || !strings.Contains(stderr, "flags for vet go after it") {
		t.Errorf("-json vet: exit %d, stderr %q", code, stderr)
	}
}

// TestK8sSARIF: the code flows of the controller analyzers' findings on
// testdata/k8sexample (the real client-go and controller-runtime): the
// handler's thread on a standby replica and the leader's thread. It runs
// after TestK8sExample, whose results go vet's cache replays.
func TestK8sSARIF(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks client-go and controller-runtime: slow")
	}
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "k8sexample"))
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := run(t, dir, ctrlvetBin, "-sarif", "./...")
	var log sarifLog
	if err := json.Unmarshal([]byte(stdout), &log); code != 0 || err != nil {
		t.Fatalf("-sarif: exit %d, %v\n%s", code, err, stderr)
	}
	want := map[string][]string{
		"cmd/elected/main.go:21 earlyinformer": {
			"on every replica: cmd/elected/main.go:21 the informer is created here, on every replica | " +
				"on the leader: cmd/elected/main.go:35 leader gate: code after <-mgr.Elected() runs on the leader only, cmd/elected/main.go:36 consumed here, only on the leader",
		},
		"cmd/elected/main.go:28 leadersend": {
			"on a standby replica: cmd/elected/main.go:28 blocks here: no receiver runs on a standby replica | " +
				"on the leader: cmd/elected/main.go:35 leader gate: code after <-mgr.Elected() runs on the leader only, cmd/elected/main.go:36 the only receiver, which runs only on the leader",
		},
		"cmd/kbsplit/main.go:21 leadersend": {
			"on a standby replica: cmd/kbsplit/main.go:21 this call registers the sending handler, on every replica, internal/podwatch/podwatch.go:24 the send, in an informer event handler of Setup | " +
				"on the leader: cmd/kbsplit/main.go:24 leader gate: a manager.RunnableFunc added to the manager runs on the leader only, cmd/kbsplit/main.go:27 the only receiver, which runs only on the leader",
		},
		"cmd/operator/main.go:41 leadersend": {
			"on a standby replica: cmd/operator/main.go:41 the handler gets the channel here; its send on it blocks on a standby replica, cmd/operator/main.go:42 the handler is registered here, on every replica | " +
				"on the leader: cmd/operator/main.go:19 leader gate: NeedLeaderElection returns true, cmd/operator/main.go:26 the only receiver, which runs only on the leader",
		},
		"cmd/poller/main.go:30 earlyinformer": {
			"on every replica: cmd/poller/main.go:30 the informer is created here, on every replica, cmd/poller/main.go:31 started here, on every replica | " +
				"on the leader: cmd/poller/main.go:39 leader gate: leaderelection.LeaderCallbacks.OnStartedLeading runs on the leader only, cmd/poller/main.go:20 consumed here, only on the leader",
		},
		"cmd/secrets/main.go:17 unfilteredcache": nil,
		// a goroutine that never returns: its only way out is related
		// information, not a path
		"internal/controllers/follow.go:19 strandedgoroutine": nil,
		"internal/controllers/follow.go:20 strandedgoroutine": nil,
		// unboundedgrowth's evidence (where it grows, the delete path
		// that lacks a release) is not a path
		"internal/controllers/ready.go:39 unboundedgrowth": nil,
		"internal/controllers/ready.go:41 unboundedgrowth": nil,
	}
	got := map[string][]string{}
	for _, r := range log.Runs[0].Results {
		pl := r.Locations[0].PhysicalLocation
		got[fmt.Sprintf("%s:%d %s", pl.ArtifactLocation.URI, pl.Region.StartLine, r.RuleID)] = r.flows()
	}
	if !reflect.DeepEqual(got, want) {
		for k, w := range want {
			if g, ok := got[k]; !ok || !reflect.DeepEqual(g, w) {
				t.Errorf("%s: code flows\n%s\nwant:\n%s", k, strings.Join(g, "\n"), strings.Join(w, "\n"))
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("unexpected result %s", k)
			}
		}
	}
	file := filepath.Join(t.TempDir(), "k8sexample.sarif")
	if err := os.WriteFile(file, []byte(stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, file)
}
