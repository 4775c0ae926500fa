// Package every calls its parameters back per tick and per event.
package every

import (
	"time"

	"k8s.io/client-go/tools/cache"
)

// Every calls f once per period.
func Every(d time.Duration, f func()) {
	t := time.NewTicker(d)
	for range t.C {
		f()
	}
}

// Watch registers h's methods as informer event handlers.
func Watch(inf cache.SharedIndexInformer, h cache.ResourceEventHandler) {
	inf.AddEventHandler(h)
}

// OnAdd calls fn per added object.
func OnAdd(inf cache.SharedIndexInformer, fn func(obj interface{})) {
	inf.AddEventHandler(cache.ResourceEventHandlerFuncs{AddFunc: func(obj interface{}) { fn(obj) }})
}

// Once calls f once.
func Once(f func()) { f() }

// Syncer syncs.
type Syncer interface{ Sync() }

// Poll calls s.Sync once per period.
func Poll(d time.Duration, s Syncer) {
	for {
		s.Sync()
		time.Sleep(d)
	}
}

// Conditioner is called back once per call of Apply.
type Conditioner func(obj interface{})

// Apply calls c, and r's Ensure, once per call: as often as its caller.
func Apply(obj interface{}, r Ensurer, c Conditioner) {
	r.Ensure(obj)
	c(obj)
}

// Ensurer ensures.
type Ensurer interface{ Ensure(obj interface{}) }
