// Command ctrlvet runs ctrlvet's analyzers.
//
//	ctrlvet [flags] [packages]              standalone (default ./...)
//	go vet -vettool=$(which ctrlvet) [pkgs] as go vet's analysis tool
//	ctrlvet help [analyzer]                 list analyzers, or one's docs
//
// The standalone mode drives go vet's per-package protocol with this same
// binary as the tool, so both modes give the same findings. Settings
// (a .ctrlvet.yaml file, or flags) reach each vet process as flags. Exit status in
// the standalone text mode: 0 clean, 3 findings, 1 error.
package main

import (
	"flag"
	"fmt"
	"os"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/driver"
	"github.com/ctrlvet/ctrlvet/suite"
)

func main() {
	if driver.IsVetInvocation(os.Args[1:]) {
		// One settings value for the whole process: the flags that go
		// vet passes (-netlinkclose.constructors=..., -model.leader-gates=...)
		// fill it in, and the analyzers read it when they run.
		settings := new(config.Settings)
		settings.RegisterFlags(flag.CommandLine)
		driver.RegisterUnitFlags(flag.CommandLine)
		analyzers := suite.New(settings)
		// The gates read the settings before unitchecker parses the
		// flags: parse the settings' flags here (go vet passes -name=value).
		pre := new(config.Settings)
		driver.ParseSettingsFlags(pre, os.Args[1:])
		args, done, err := driver.PrepareUnit(os.Args[1:], analyzers, suite.FactGates(pre))
		if err != nil {
			fmt.Fprintf(os.Stderr, "ctrlvet: %v\n", err)
			os.Exit(1)
		}
		if done {
			os.Exit(0)
		}
		os.Args = append(os.Args[:1:1], args...)
		unitchecker.Main(analyzers...)
		return
	}
	analyzers := suite.Analyzers()
	os.Exit(driver.Main("ctrlvet", analyzers, os.Args[1:], os.Stdout, os.Stderr))
}
