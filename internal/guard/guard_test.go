package guard_test

import (
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/ctrlvet/ctrlvet/internal/guard"
)

func TestPanicBecomesError(t *testing.T) {
	run := guard.Run("boom", func(*analysis.Pass) (any, error) {
		panic("boom in the analyzer")
	})
	res, err := run(&analysis.Pass{Pkg: types.NewPackage("example.com/p", "p")})
	if res != nil || err == nil {
		t.Fatalf("got %v, %v; want an error", res, err)
	}
	msg := err.Error()
	for _, want := range []string{"internal error in boom while analysing example.com/p", "boom in the analyzer", "internal/guard/guard_test.go:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, "\n") {
		t.Errorf("error is not one line: %q", msg)
	}
}

func TestNoPanic(t *testing.T) {
	run := guard.Run("ok", func(*analysis.Pass) (any, error) { return 42, nil })
	if res, err := run(&analysis.Pass{Pkg: types.NewPackage("p", "p")}); res != 42 || err != nil {
		t.Fatalf("got %v, %v", res, err)
	}
}
