//go:build !unix

package testutil

import "time"

var startTime = time.Now()

// cpuTime returns the wall time since the process started, where the CPU
// time of the process is not at hand.
func cpuTime() time.Duration { return time.Since(startTime) }
