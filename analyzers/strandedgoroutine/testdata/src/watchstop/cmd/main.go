// Command cmd takes one watch for the life of the process.
package main

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

func main() {
	cs := kubernetes.Interface(nil)
	w, err := cs.CoreV1().Pods("ns").Watch(context.Background(), metav1.ListOptions{}) // ok: once per process
	if err != nil {
		return
	}
	<-w.ResultChan()
}
