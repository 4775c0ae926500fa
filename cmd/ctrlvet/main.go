// Command ctrlvet runs ctrlvet's analyzers.
//
//	ctrlvet [flags] [packages]              standalone (default ./...)
//	go vet -vettool=$(which ctrlvet) [pkgs] as go vet's analysis tool
//	ctrlvet help [analyzer]                 list analyzers, or one's docs
//
// The standalone mode drives go vet's per-package protocol with this same
// binary as the tool, so both modes give the same findings. Exit status in
// the standalone text mode: 0 clean, 3 findings, 1 error.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/ctrlvet/ctrlvet/internal/driver"
	"github.com/ctrlvet/ctrlvet/suite"
)

func main() {
	analyzers := suite.Analyzers()
	if driver.IsVetInvocation(os.Args[1:]) {
		unitchecker.Main(analyzers...)
		return
	}
	os.Exit(driver.Main("ctrlvet", analyzers, os.Args[1:], os.Stdout, os.Stderr))
}
