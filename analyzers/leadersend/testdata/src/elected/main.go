// Command elected waits for mgr.Elected() in goroutines of main: what
// runs after that receive runs on the leader only.
package main

import (
	"context"
	"time"

	core_v1 "k8s.io/api/core/v1"
	"k8s.io/client-go/tools/cache"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/manager"
)

var work = make(chan int)

func consume() {
	for w := range work {
		_ = w
	}
}

func main() {
	mgr, err := ctrl.NewManager(ctrl.GetConfigOrDie(), ctrl.Options{LeaderElection: true, LeaderElectionID: "x"})
	if err != nil {
		panic(err)
	}

	// The receiver waits for the election; the handler sends on every
	// replica.
	events := make(chan string)
	go func() {
		<-mgr.Elected()
		for e := range events {
			_ = e
		}
	}()
	inf, _ := mgr.GetCache().GetInformer(context.Background(), &core_v1.Secret{})
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc: func(obj any) {
			events <- "added" // want `^send in an event handler in main can block for ever: it runs in an informer event handler on every replica, but its only receiver, .*, runs only on the leader`
		},
	})

	// The receiver is in a select case on Elected(): leader-only too.
	ticks := make(chan int)
	go func() {
		select {
		case <-mgr.Elected():
			for t := range ticks {
				_ = t
			}
		default:
		}
	}()
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		UpdateFunc: func(oldObj, newObj any) {
			ticks <- 1 // want `^send in an event handler in main can block for ever`
		},
	})

	// An empty Elected case waits at most a minute: the loop after the
	// select runs on every replica.
	later := make(chan string)
	go func() {
		select {
		case <-mgr.Elected():
		case <-time.After(time.Minute):
		}
		for l := range later {
			_ = l
		}
	}()
	_, _ = inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
		DeleteFunc: func(obj any) {
			later <- "deleted" // ok: its receiver runs on every replica
		},
	})

	// Both sides wait for the election: nothing blocks on a standby.
	go func() {
		<-mgr.Elected()
		consume() // a call after the receive is leader-only too
	}()
	go func() {
		<-mgr.Elected()
		for i := range 10 {
			work <- i // ok: runs on the leader only, as its receiver
		}
	}()

	// Before the receive, the same loop runs on every replica.
	jobs := make(chan int)
	go func() {
		<-mgr.Elected()
		for j := range jobs {
			_ = j
		}
	}()
	go func() {
		for i := range 10 {
			jobs <- i // want `^send in a function literal in main blocks for ever on standby replicas: it runs on every replica, but the channel.s only receiver, the code after <-mgr.Elected\(\) in a function literal in main, runs only on the leader`
		}
		<-mgr.Elected()
	}()

	// A leader-only runnable receives; the producer waits for the
	// election first. (Reported before Elected() was understood.)
	r := &runner{in: make(chan string)}
	_ = mgr.Add(r)
	go func() {
		<-mgr.Elected()
		for range 3 {
			r.in <- "x" // ok: runs on the leader only, as the runnable
		}
	}()

	_ = mgr.Start(ctrl.SetupSignalHandler())
}

type runner struct{ in chan string }

func (r *runner) Start(ctx context.Context) error {
	for s := range r.in {
		_ = s
	}
	return nil
}

// waitAndServe is called from main: its code after the wait is
// leader-only, its code before is not.
func waitAndServe(mgr manager.Manager, ch chan string) {
	ch <- "hello" // want `^send in waitAndServe blocks for ever on standby replicas`
	<-mgr.Elected()
	for s := range ch {
		_ = s
	}
}

func init() {
	var mgr manager.Manager
	go waitAndServe(mgr, make(chan string))
}
