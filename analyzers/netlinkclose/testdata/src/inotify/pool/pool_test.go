package pool

import (
	"testing"

	"github.com/fsnotify/fsnotify"
)

func TestAdd(t *testing.T) {
	p := &Pool{get: fsnotify.NewWatcher}
	if err := p.Add(t.TempDir()); err != nil {
		t.Fatal(err)
	}
}

// a test file's variable set to the constructor: not evidence either
var testWatcher = &Pool{get: fsnotify.NewWatcher}
