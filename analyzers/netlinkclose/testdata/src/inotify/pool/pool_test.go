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
