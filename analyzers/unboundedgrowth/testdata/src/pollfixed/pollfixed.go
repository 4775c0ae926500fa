// Package pollfixed is prometheus-operator's poll-based namespace
// watcher in miniature: a cache of a fixed set of names, refreshed by
// polling each name with Get. The keys written back are the names the
// cache already holds; the context handed to the Get carries no key.
package pollfixed

import (
	"context"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	typedcorev1 "k8s.io/client-go/kubernetes/typed/core/v1"
)

type poller struct {
	client typedcorev1.CoreV1Interface
	cache  map[string]*corev1.Pod
	seen   map[string]bool
	next   chan *corev1.Pod
}

func newPoller(client typedcorev1.CoreV1Interface, names []string) *poller {
	p := &poller{client: client, cache: map[string]*corev1.Pod{}, seen: map[string]bool{}, next: make(chan *corev1.Pod)}
	for _, n := range names {
		p.cache[n] = nil
	}
	return p
}

// Run restarts the poll for every message: per loop iteration.
func (p *poller) Run(ctx context.Context) { // want Run:"grows\\(poller.seen\\)"
	for pod := range p.next {
		pctx, cancel := context.WithCancel(ctx)
		_ = wait.PollUntilContextCancel(pctx, time.Second, false, p.poll)
		cancel()
		p.seen[pod.Name] = true // want `map poller.seen grows per loop iteration without bound`
	}
}

func (p *poller) poll(ctx context.Context) (bool, error) {
	var updated []*corev1.Pod
	for name := range p.cache {
		pod, err := p.client.Pods("ns").Get(ctx, name, metav1.GetOptions{})
		if err != nil {
			continue
		}
		updated = append(updated, pod)
	}
	for _, pod := range updated {
		p.cache[pod.Name] = pod // ok: one of the names the cache holds
	}
	return false, nil
}
