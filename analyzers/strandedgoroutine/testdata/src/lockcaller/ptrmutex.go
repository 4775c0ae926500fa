package lockcaller

import (
	"sync"
	"time"
)

// framer shares its write lock with others through a pointer field
// (Kubernetes' idle-aware SPDY framer had this shape): WriteFrame sends
// on resetChan with the lock held, and the monitor loop takes the lock
// when its timer fires, between its receives.
type framer struct {
	resetChan chan bool
	writeLock *sync.Mutex
	stopped   chan struct{}
}

func newFramer(mu *sync.Mutex) *framer {
	f := &framer{resetChan: make(chan bool), writeLock: mu, stopped: make(chan struct{})}
	go f.monitor()
	return f
}

func (f *framer) monitor() {
	timer := time.NewTimer(time.Second)
	for {
		select {
		case <-timer.C:
			f.writeLock.Lock()
			f.writeLock.Unlock()
			timer.Reset(time.Second)
		case <-f.resetChan:
			timer.Reset(time.Second)
		case <-f.stopped:
			return
		}
	}
}

func (f *framer) WriteFrame() {
	f.writeLock.Lock()
	defer f.writeLock.Unlock()
	f.resetChan <- true // want `send on framer.resetChan can block for ever: it holds writeLock, and every partner operation on the channel needs writeLock first` `its only receiver is the loop of framer.monitor, which can return`
}

// Close stops the monitor (after which WriteFrame blocks too).
func (f *framer) Close() { close(f.stopped) }

// quietFramer's loop never takes the lock: silent on that count.
type quietFramer struct {
	resetChan chan bool
	writeLock *sync.Mutex
}

func newQuietFramer() *quietFramer {
	f := &quietFramer{resetChan: make(chan bool), writeLock: new(sync.Mutex)}
	go f.monitor()
	return f
}

func (f *quietFramer) monitor() {
	for range f.resetChan {
	}
}

func (f *quietFramer) WriteFrame() {
	f.writeLock.Lock()
	defer f.writeLock.Unlock()
	f.resetChan <- true // ok: the loop never takes writeLock
}

// unlockedFramer sends after it lets the lock go: silent.
type unlockedFramer struct {
	resetChan chan bool
	writeLock *sync.Mutex
}

func newUnlockedFramer() *unlockedFramer {
	f := &unlockedFramer{resetChan: make(chan bool), writeLock: new(sync.Mutex)}
	go f.monitor()
	return f
}

func (f *unlockedFramer) monitor() {
	for range f.resetChan {
		f.writeLock.Lock()
		f.writeLock.Unlock()
	}
}

func (f *unlockedFramer) WriteFrame() {
	f.writeLock.Lock()
	f.writeLock.Unlock()
	f.resetChan <- true // ok: sent without the lock
}
