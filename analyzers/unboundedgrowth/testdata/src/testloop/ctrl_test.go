package testloop

import (
	"testing"

	"k8s.io/client-go/tools/cache"
)

func TestController(t *testing.T) {
	for _, name := range []string{"a", "b"} {
		var pods cache.SharedIndexInformer
		c := NewController(pods)
		for c.queue.Len() > 0 {
			c.processNextWorkItem()
		}
		_ = name
	}
}
