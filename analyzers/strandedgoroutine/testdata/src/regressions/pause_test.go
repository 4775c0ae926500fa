package regressions

import "testing"

func TestPause(t *testing.T) {
	c := newIPAMController()
	c.Start(nil)
	resume := c.pause()
	resume()
}
