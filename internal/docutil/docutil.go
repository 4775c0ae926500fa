// Package docutil extracts an analyzer's documentation from its doc.go.
package docutil

import (
	"fmt"
	"strings"
)

// Extract returns the text after the "# Analyzer <name>" heading of the
// package comment in src (the contents of doc.go), with the comment
// markers removed and the "<name>: " prefix of the summary line dropped.
// It panics if the heading is missing: a test catches that at once.
func Extract(src, name string) string {
	var lines []string
	for l := range strings.SplitSeq(src, "\n") {
		if strings.HasPrefix(l, "package ") {
			break
		}
		l = strings.TrimPrefix(l, "//")
		l = strings.TrimPrefix(l, " ")
		lines = append(lines, l)
	}
	heading := "# Analyzer " + name
	for i, l := range lines {
		if strings.TrimSpace(l) == heading {
			text := strings.TrimSpace(strings.Join(lines[i+1:], "\n"))
			return strings.TrimPrefix(text, name+": ")
		}
	}
	panic(fmt.Sprintf("doc.go of %s has no %q heading", name, heading))
}
