package driver

import (
	"reflect"
	"testing"
)

func TestNotAnalysedFromList(t *testing.T) {
	list := "m/bad\tbad\t\n" +
		"m/imp\timp\tm/bad\n" +
		"m/ok\tok\tfmt\n" +
		"m/t\tt\t\n" +
		"m/t [m/t.test]\tt\tm/imp [m/t.test] m/bad\n" +
		"m/t_test [m/t.test]\tt_test\tm/t [m/t.test]\n" +
		"m/t.test\tmain\tm/bad m/imp\n" +
		"m/bt\tbt\t\n" +
		"m/bt [m/bt.test]\tbt\t\n"
	broken := map[string]string{"m/bad": "bad.go:1:1: oops", "m/bt": "bt.go:2:2: no"}
	want := []Skipped{
		{"m/bad", "bad.go:1:1: oops"},
		{"m/bt [m/bt.test]", "bt.go:2:2: no"},
		{"m/imp", "it depends on m/bad, which does not build"},
		{"m/t [m/t.test]", "it depends on m/bad, which does not build"},
	}
	if got := notAnalysed(list, broken); !reflect.DeepEqual(got, want) {
		t.Errorf("notAnalysed =\n%v\nwant\n%v", got, want)
	}
	if got := NotAnalysed("", []string{"./..."}, nil); got != nil {
		t.Errorf("nothing broken: %v", got)
	}
}
