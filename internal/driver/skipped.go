package driver

// Packages that were not analysed. go vet skips a package that does not
// build (a type error, a missing cgo header) and, silently, every package
// that depends on it; ctrlvet names each of them, with the reason, in
// every output format, so that a CI job reading the JSON or SARIF does not
// take a partial run for a clean one.

import (
	"fmt"
	"os/exec"
	"sort"
	"strings"
)

// Skipped is a package (a vet unit, as go vet names it: "p", "p [p.test]",
// "p_test [p.test]") that was not analysed, and why.
type Skipped struct {
	Package string `json:"package"`
	Reason  string `json:"reason"`
}

func (s Skipped) String() string {
	return fmt.Sprintf("package %s not analysed: %s", s.Package, s.Reason)
}

// NotAnalysed returns the units of the packages that patterns match that
// go vet did not analyse because they are in broken (package ID: its
// first error, as Parse gathers them) or depend on a package in broken,
// sorted by package. A unit itself in broken is listed too, with its
// error as the reason. It runs go list only when broken is not empty.
func NotAnalysed(tags string, patterns []string, broken map[string]string) []Skipped {
	if len(broken) == 0 {
		return nil
	}
	args := []string{"list", "-e", "-test", "-f", "{{.ImportPath}}\t{{.Name}}\t{{join .Deps \" \"}}"}
	if tags != "" {
		args = append(args, "-tags="+tags)
	}
	out, err := exec.Command("go", append(args, patterns...)...).Output()
	if err != nil {
		return brokenOnly(broken)
	}
	return notAnalysed(string(out), broken)
}

// notAnalysed is NotAnalysed on go list's output.
func notAnalysed(list string, broken map[string]string) []Skipped {
	isBroken := func(id string) bool {
		base, _, _ := strings.Cut(id, " [")
		return broken[id] != "" || broken[base] != ""
	}
	type unit struct {
		id   string
		deps []string
	}
	var units []unit
	listed := make(map[string]bool)
	for l := range strings.SplitSeq(list, "\n") {
		f := strings.Split(l, "\t")
		if len(f) != 3 || f[0] == "" || f[1] == "main" && strings.HasSuffix(f[0], ".test") {
			continue // a test binary's generated main package is not vetted
		}
		units = append(units, unit{f[0], strings.Fields(f[2])})
		listed[f[0]] = true
	}
	var out []Skipped
	for _, u := range units {
		base, _, variant := strings.Cut(u.id, " [")
		if !variant && listed[base+" ["+base+".test]"] {
			continue // go vet vets "p [p.test]", which has p's files, instead of p
		}
		switch {
		case broken[u.id] != "":
			out = append(out, Skipped{u.id, broken[u.id]})
		case broken[base] != "":
			out = append(out, Skipped{u.id, broken[base]})
		default:
			for _, d := range u.deps {
				if isBroken(d) {
					dep, _, _ := strings.Cut(d, " [")
					out = append(out, Skipped{u.id, fmt.Sprintf("it depends on %s, which does not build", dep)})
					break
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Package < out[j].Package })
	return dedupSkipped(out)
}

func dedupSkipped(s []Skipped) []Skipped {
	var out []Skipped
	for i, x := range s {
		if i > 0 && x.Package == s[i-1].Package {
			continue
		}
		out = append(out, x)
	}
	return out
}

// brokenOnly lists the broken packages alone, when go list cannot say
// what depends on them.
func brokenOnly(broken map[string]string) []Skipped {
	var out []Skipped
	for id, msg := range broken {
		out = append(out, Skipped{id, msg})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Package < out[j].Package })
	return out
}

// NotAnalysedKey is the analyzer name under which -json names a package
// that was not analysed, with go vet's form for an analyzer's error:
// {"pkg": {"ctrlvet": {"error": "not analysed: ..."}}}.
const NotAnalysedKey = "ctrlvet"

// jsonOutput returns what -json prints: tree, and for every package that
// was not analysed (skipped, and broken ones outside the patterns) an
// error in go vet's form.
func jsonOutput(tree Tree, skipped []Skipped, broken map[string]string) map[string]map[string]any {
	out := make(map[string]map[string]any, len(tree))
	for id, byAn := range tree {
		out[id] = make(map[string]any, len(byAn))
		for an, ds := range byAn {
			out[id][an] = ds
		}
	}
	add := func(id, reason string) {
		if out[id] == nil {
			out[id] = make(map[string]any)
		}
		if _, ok := out[id][NotAnalysedKey]; !ok {
			out[id][NotAnalysedKey] = map[string]string{"error": "not analysed: " + reason}
		}
	}
	for _, s := range skipped {
		add(s.Package, s.Reason)
	}
	for id, msg := range broken {
		add(id, msg)
	}
	return out
}
