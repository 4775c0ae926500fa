// Package clientcmd is a stub of k8s.io/client-go/tools/clientcmd for tests.
package clientcmd

import restclient "k8s.io/client-go/rest"

const (
	RecommendedConfigPathFlag   = "kubeconfig"
	RecommendedConfigPathEnvVar = "KUBECONFIG"
)

func BuildConfigFromFlags(masterUrl, kubeconfigPath string) (*restclient.Config, error) {
	return nil, nil
}

func RESTConfigFromKubeConfig(configBytes []byte) (*restclient.Config, error) { return nil, nil }
