package v1

import "k8s.io/apimachinery/pkg/runtime"

func (in *Pod) DeepCopy() *Pod                     { return nil }
func (in *Pod) DeepCopyObject() runtime.Object     { return nil }
func (in *PodList) DeepCopy() *PodList             { return nil }
func (in *PodList) DeepCopyObject() runtime.Object { return nil }
func (in *Service) DeepCopy() *Service             { return nil }
func (in *Service) DeepCopyObject() runtime.Object { return nil }
func (in *ServiceList) DeepCopy() *ServiceList     { return nil }
func (in *ServiceList) DeepCopyObject() runtime.Object {
	return nil
}
func (in *Secret) DeepCopy() *Secret                  { return nil }
func (in *Secret) DeepCopyObject() runtime.Object     { return nil }
func (in *SecretList) DeepCopy() *SecretList          { return nil }
func (in *SecretList) DeepCopyObject() runtime.Object { return nil }
func (in *ConfigMap) DeepCopy() *ConfigMap            { return nil }
func (in *ConfigMap) DeepCopyObject() runtime.Object  { return nil }
func (in *ConfigMapList) DeepCopy() *ConfigMapList    { return nil }
func (in *ConfigMapList) DeepCopyObject() runtime.Object {
	return nil
}
func (in *Node) DeepCopy() *Node                             { return nil }
func (in *Node) DeepCopyObject() runtime.Object              { return nil }
func (in *NodeList) DeepCopy() *NodeList                     { return nil }
func (in *NodeList) DeepCopyObject() runtime.Object          { return nil }
func (in *Endpoints) DeepCopy() *Endpoints                   { return nil }
func (in *Endpoints) DeepCopyObject() runtime.Object         { return nil }
func (in *EndpointsList) DeepCopy() *EndpointsList           { return nil }
func (in *EndpointsList) DeepCopyObject() runtime.Object     { return nil }
func (in *LoadBalancerStatus) DeepCopy() *LoadBalancerStatus { return nil }
func (in *ServiceStatus) DeepCopy() *ServiceStatus           { return nil }
