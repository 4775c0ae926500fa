// Package intstr is a stub of k8s.io/apimachinery/pkg/util/intstr for tests.
package intstr

// IntOrString is a type that can hold an int32 or a string.
type IntOrString struct {
	Type   Type   `protobuf:"varint,1,opt,name=type,casttype=Type"`
	IntVal int32  `protobuf:"varint,2,opt,name=intVal"`
	StrVal string `protobuf:"bytes,3,opt,name=strVal"`
}

// Type represents the stored type of IntOrString.
type Type int64

const (
	Int    Type = iota // The IntOrString holds an int.
	String             // The IntOrString holds a string.
)

// FromInt creates an IntOrString object with an int32 value.
//
// Deprecated: use FromInt32 instead.
func FromInt(val int) IntOrString { return IntOrString{} }

// FromInt32 creates an IntOrString object with an int32 value.
func FromInt32(val int32) IntOrString { return IntOrString{} }

// FromString creates an IntOrString object with a string value.
func FromString(val string) IntOrString { return IntOrString{} }
