package earlyinformer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ctrlvet/ctrlvet/analyzers/earlyinformer"
	"github.com/ctrlvet/ctrlvet/internal/testutil"
)

func TestScenarios(t *testing.T) {
	dir := testutil.Tree(t)
	analysistest.Run(t, dir, earlyinformer.Analyzer,
		"factory", "factoryfixed", "handlerwork", "queuectl", "crcache", "crmixed", "elected", "leaderforlife")
}
