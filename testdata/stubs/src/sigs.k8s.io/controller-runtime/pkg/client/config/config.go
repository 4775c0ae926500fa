// Package config is a stub of sigs.k8s.io/controller-runtime/pkg/client/config for tests.
package config

import (
	"flag"

	"k8s.io/client-go/rest"
)

// RegisterFlags registers flag variables to the given FlagSet if not already registered.
func RegisterFlags(fs *flag.FlagSet) {}

// GetConfig creates a *rest.Config for talking to a Kubernetes API server.
func GetConfig() (*rest.Config, error) { return nil, nil }

// GetConfigWithContext creates a *rest.Config for talking to a Kubernetes API server with a specific context.
func GetConfigWithContext(context string) (*rest.Config, error) { return nil, nil }

// GetConfigOrDie creates a *rest.Config for talking to a Kubernetes apiserver.
func GetConfigOrDie() *rest.Config { return nil }
