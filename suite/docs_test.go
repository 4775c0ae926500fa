package suite_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/suite"
)

var update = flag.Bool("update", false, "rewrite the table of analyzers in docs/README.md")

// since records the ctrlvet version in which each analyzer first shipped.
// A new analyzer needs an entry here before TestDocsIndex passes.
var since = map[string]string{
	"netlinkclose":      "v0.1.0",
	"pipeclose":         "v0.1.0",
	"leadersend":        "v0.2.0",
	"earlyinformer":     "v0.2.0",
	"strandedgoroutine": "v0.2.0",
	"unfilteredcache":   "v0.2.0",
	"unboundedgrowth":   "v0.3.0",
}

const (
	beginMarker = "<!-- analyzers:begin -->"
	endMarker   = "<!-- analyzers:end -->"
)

var docsDir = filepath.Join("..", "docs")

// summary returns the first line of an analyzer's Doc.
func summary(a *analysis.Analyzer) string {
	first, _, _ := strings.Cut(strings.TrimSpace(a.Doc), "\n")
	return strings.TrimSpace(first)
}

// cell escapes text for a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(s, "|", `\|`)
}

// renderIndex renders the table of analyzers that docs/README.md carries
// between its markers, one row per analyzer of suite.Analyzers(), in that
// order.
func renderIndex(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("| analyzer | what it finds | since | docs |\n")
	b.WriteString("|---|---|---|---|\n")
	for _, a := range suite.Analyzers() {
		v, ok := since[a.Name]
		if !ok {
			t.Errorf("analyzer %s has no entry in the since map of suite/docs_test.go: add the version it first ships in", a.Name)
			v = "?"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | [docs/%s.md](%s.md) |\n", a.Name, cell(summary(a)), v, a.Name, a.Name)
	}
	return b.String()
}

// section splits text around the analyzers markers: what comes before the
// begin marker (marker included), the section, and what follows from the
// end marker on.
func section(text string) (before, body, after string, ok bool) {
	i := strings.Index(text, beginMarker)
	if i < 0 {
		return "", "", "", false
	}
	start := i + len(beginMarker)
	j := strings.Index(text[start:], endMarker)
	if j < 0 {
		return "", "", "", false
	}
	return text[:start], text[start : start+j], text[start+j:], true
}

func TestDocsIndex(t *testing.T) {
	path := filepath.Join(docsDir, "README.md")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("cannot read the docs index: %v", err)
	}
	text := string(data)
	before, body, after, ok := section(text)
	if !ok {
		t.Fatalf("docs/README.md lacks the markers %s and %s (in that order) around the table of analyzers", beginMarker, endMarker)
	}
	want := renderIndex(t)
	known := make(map[string]bool)
	for _, a := range suite.Analyzers() {
		known[a.Name] = true
	}
	for name := range since {
		if !known[name] {
			t.Errorf("the since map of suite/docs_test.go lists %s, which suite.Analyzers() does not have", name)
		}
	}
	if t.Failed() {
		return
	}
	if strings.TrimSpace(body) == strings.TrimSpace(want) {
		return
	}
	if *update {
		updated := before + "\n" + want + after
		if err := os.WriteFile(path, []byte(updated), 0o644); err != nil {
			t.Fatalf("cannot rewrite docs/README.md: %v", err)
		}
		t.Logf("rewrote the table of analyzers in docs/README.md")
		return
	}
	got := strings.TrimSpace(body)
	if got == "" {
		got = "(nothing)"
	}
	t.Errorf("the table of analyzers in docs/README.md is stale; regenerate it with\n\n\tgo test ./suite -run TestDocsIndex -update\n\n"+
		"--- docs/README.md has:\n%s\n--- suite.Analyzers() gives:\n%s", got, strings.TrimSpace(want))
}

var heading = regexp.MustCompile(`(?m)^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$`)

// headings returns the Markdown ATX headings of a page, outside fenced
// code blocks.
func headings(page []byte) map[string]bool {
	out := make(map[string]bool)
	inFence := false
	for line := range bytes.Lines(page) {
		l := strings.TrimRight(string(line), "\r\n")
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if m := heading.FindStringSubmatch(l); m != nil {
			out[strings.TrimSpace(m[1])] = true
		}
	}
	return out
}

func TestDocsExist(t *testing.T) {
	for _, a := range suite.Analyzers() {
		page := filepath.Join(docsDir, a.Name+".md")
		data, err := os.ReadFile(page)
		if err != nil {
			t.Errorf("analyzer %s has no documentation page: %v", a.Name, err)
		} else {
			hs := headings(data)
			for _, h := range []string{"Suppressing", "Configuring"} {
				if !hs[h] {
					t.Errorf("docs/%s.md lacks a %q heading", a.Name, h)
				}
			}
		}
		if want := "docs/" + a.Name + ".md"; !strings.HasSuffix(a.URL, want) {
			t.Errorf("analyzer %s: URL is %q, want it to end with %q", a.Name, a.URL, want)
		}
	}
}

var oneWord = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

func TestAnalyzerDocs(t *testing.T) {
	seen := make(map[string]bool)
	for _, a := range suite.Analyzers() {
		if !oneWord.MatchString(a.Name) {
			t.Errorf("analyzer name %q is not one lower-case word", a.Name)
		}
		if seen[a.Name] {
			t.Errorf("analyzer name %q is used twice", a.Name)
		}
		seen[a.Name] = true
		s := summary(a)
		if s == "" {
			t.Errorf("analyzer %s has no Doc", a.Name)
			continue
		}
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsLower(r) {
			t.Errorf("analyzer %s: the first line of Doc must start in lower case: %q", a.Name, s)
		}
		if strings.HasSuffix(s, ".") {
			t.Errorf("analyzer %s: the first line of Doc must not end with a period: %q", a.Name, s)
		}
	}
}
