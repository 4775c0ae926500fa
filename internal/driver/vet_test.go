package driver

import (
	"reflect"
	"testing"
)

func TestVetCommandLine(t *testing.T) {
	for _, c := range []struct{ args, want []string }{
		{nil, []string{"vet", "-vettool=/x/ctrlvet", "./..."}},
		{[]string{"-tags=a", "-pipeclose=false"}, []string{"vet", "-vettool=/x/ctrlvet", "-tags=a", "-pipeclose=false", "./..."}},
		{[]string{"-json", "./pkg"}, []string{"vet", "-vettool=/x/ctrlvet", "-json", "./pkg"}},
	} {
		if got := vetCommandLine("/x/ctrlvet", c.args); !reflect.DeepEqual(got, c.want) {
			t.Errorf("vetCommandLine(%q) = %q, want %q", c.args, got, c.want)
		}
	}
}
