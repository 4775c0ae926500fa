// Command golangci-lint-ctrlvet is golangci-lint v2 with ctrlvet's
// analyzers compiled in as module plugins, one per analyzer (see
// plugin/golangci). It is what `golangci-lint custom` would build from
// .custom-gcl.yml, made without network access to GitHub: build it with
// scripts/build-golangci.sh.
//
// main replicates golangci-lint's own cmd/golangci-lint/main.go.
package main

import (
	"cmp"
	"fmt"
	"os"
	"regexp"
	"runtime/debug"
	"strings"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// ctrlvet's analyzers, registered as module plugins.
	_ "github.com/ctrlvet/ctrlvet/plugin/golangci"
)

// golangciVersion is the golangci-lint release this binary is built from
// (go.mod's requirement); the binary reports it as its version.
const golangciVersion = "2.15.0"

var (
	goVersion = "unknown"

	// Set with -ldflags "-X main.version=... -X main.commit=... -X main.date=...".
	version = golangciVersion + "-ctrlvet"
	commit  = "?"
	date    = ""
)

func main() {
	info := createBuildInfo()

	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

func createBuildInfo() commands.BuildInfo {
	info := commands.BuildInfo{
		Commit:    commit,
		Version:   version,
		GoVersion: goVersion,
		Date:      date,
	}

	buildInfo, available := debug.ReadBuildInfo()
	if !available {
		return info
	}

	info.GoVersion = buildInfo.GoVersion

	if date != "" {
		return info
	}

	// A main module built from a checkout is "(devel)": keep the
	// golangci-lint version then.
	matched, _ := regexp.MatchString(`v\d+\.\d+\.\d+`, buildInfo.Main.Version)
	if matched {
		info.Version = strings.TrimPrefix(buildInfo.Main.Version, "v")
	}

	var revision string
	var modified string
	for _, setting := range buildInfo.Settings {
		// The `vcs.xxx` information is only available with `go build`.
		// This information is not available with `go install` or `go run`.
		switch setting.Key {
		case "vcs.time":
			info.Date = setting.Value
		case "vcs.revision":
			revision = setting.Value
		case "vcs.modified":
			modified = setting.Value
		}
	}

	info.Date = cmp.Or(info.Date, "(unknown)")

	info.Commit = fmt.Sprintf("(%s, modified: %s, mod sum: %q)",
		cmp.Or(revision, "unknown"), cmp.Or(modified, "?"), buildInfo.Main.Sum)

	return info
}
