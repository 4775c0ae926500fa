// Package rest is a stub of k8s.io/client-go/rest for tests.
//
// Config only carries a subset of the real fields.
package rest

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/watch"
	"k8s.io/client-go/util/flowcontrol"
)

// Config holds the common attributes that can be passed to a Kubernetes client on
// initialization.
type Config struct {
	Host    string
	APIPath string
	ContentConfig
	Username        string
	Password        string `datapolicy:"password"`
	BearerToken     string `datapolicy:"token"`
	BearerTokenFile string
	Impersonate     ImpersonationConfig
	TLSClientConfig
	UserAgent                 string
	DisableCompression        bool
	Transport                 http.RoundTripper
	QPS                       float32
	Burst                     int
	RateLimiter               flowcontrol.RateLimiter
	WarningHandler            WarningHandler
	WarningHandlerWithContext WarningHandlerWithContext
	Timeout                   time.Duration
	Dial                      func(ctx context.Context, network, address string) (net.Conn, error)
	Proxy                     func(*http.Request) (*url.URL, error)
}

// ImpersonationConfig has all the available impersonation options.
type ImpersonationConfig struct {
	UserName string
	UID      string
	Groups   []string
	Extra    map[string][]string
}

// TLSClientConfig contains settings to enable transport layer security.
type TLSClientConfig struct {
	Insecure   bool
	ServerName string
	CertFile   string
	KeyFile    string
	CAFile     string
	CertData   []byte
	KeyData    []byte `datapolicy:"security-key"`
	CAData     []byte
	NextProtos []string
}

// ContentConfig (subset: NegotiatedSerializer omitted).
type ContentConfig struct {
	AcceptContentTypes string
	ContentType        string
	GroupVersion       *schema.GroupVersion
}

// Interface captures the set of operations for generically interacting with Kubernetes REST apis.
type Interface interface {
	GetRateLimiter() flowcontrol.RateLimiter
	Verb(verb string) *Request
	Post() *Request
	Put() *Request
	Patch(pt types.PatchType) *Request
	Get() *Request
	Delete() *Request
	APIVersion() schema.GroupVersion
}

// RESTClient imposes common Kubernetes API conventions on a set of resource paths.
type RESTClient struct {
	// Set specific behavior of the client.  If not set http.DefaultClient will be used.
	Client *http.Client
}

func (c *RESTClient) GetRateLimiter() flowcontrol.RateLimiter { return nil }

func (c *RESTClient) Verb(verb string) *Request         { return nil }
func (c *RESTClient) Post() *Request                    { return nil }
func (c *RESTClient) Put() *Request                     { return nil }
func (c *RESTClient) Patch(pt types.PatchType) *Request { return nil }
func (c *RESTClient) Get() *Request                     { return nil }
func (c *RESTClient) Delete() *Request                  { return nil }
func (c *RESTClient) APIVersion() schema.GroupVersion   { return schema.GroupVersion{} }

// Request allows for building up a request to a server in a chained fashion.
type Request struct{}

func (r *Request) Resource(resource string) *Request   { return r }
func (r *Request) Namespace(namespace string) *Request { return r }
func (r *Request) Name(resourceName string) *Request   { return r }
func (r *Request) Watch(ctx context.Context) (watch.Interface, error) {
	return nil, nil
}
func (r *Request) Do(ctx context.Context) Result { return Result{} }

// Result contains the result of calling Request.Do().
type Result struct{}

func (r Result) Get() (runtime.Object, error)  { return nil, nil }
func (r Result) Into(obj runtime.Object) error { return nil }
func (r Result) Error() error                  { return nil }

// WarningHandler is an interface for handling warning headers.
type WarningHandler interface {
	HandleWarningHeader(code int, agent string, text string)
}

// WarningHandlerWithContext is an interface for handling warning headers with
// support for contextual logging.
type WarningHandlerWithContext interface {
	HandleWarningHeaderWithContext(ctx context.Context, code int, agent string, text string)
}

func InClusterConfig() (*Config, error) { return nil, nil }

func RESTClientFor(config *Config) (*RESTClient, error) { return nil, nil }

func CopyConfig(config *Config) *Config { return nil }

func AddUserAgent(config *Config, userAgent string) *Config { return config }
