package main

import (
	"context"
	"testing"

	"linkedhelp"
)

func TestToken(t *testing.T) {
	_ = linkedhelp.Token(context.Background(), nil)
}
