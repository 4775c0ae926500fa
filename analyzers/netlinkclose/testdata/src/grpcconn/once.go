package grpcconn

import "google.golang.org/grpc"

// a connection for the life of the process
func init() { // ok
	conn, err := grpc.Dial("unix:///run/csi.sock")
	if err != nil {
		return
	}
	_ = conn.Target()
}
