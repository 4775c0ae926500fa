// Package group runs functions in goroutines, as errgroup does: once per
// call of Go.
package group

type Group struct{}

func (g *Group) Go(f func()) { go f() }

func (g *Group) Wait() error { return nil }
