package netlinkclose

import (
	"slices"

	"github.com/ctrlvet/ctrlvet/config"
	"github.com/ctrlvet/ctrlvet/internal/apis"
	"github.com/ctrlvet/ctrlvet/internal/factgate"
)

// FactGate says, before type-checking, whether netlinkclose could export
// a fact in a package (factgate): only where relevant holds, that is
// where the package imports a netlink API or fsnotify, or uses AF_NETLINK
// from unix or syscall or a constructor of grpc (its name in the source),
// or a dependency has its facts (wrappers of wrappers).
// With constructors in the settings, anywhere. Keep it in step with
// relevant.
func FactGate(r *config.Resources) factgate.Gate {
	if r != nil && len(r.Constructors) > 0 {
		return factgate.Always
	}
	return func(u *factgate.Unit) bool {
		return u.Imports(apis.Netlink, apis.NetlinkNL, apis.Netns, apis.CNINS, apis.Fsnotify, apis.FsnotifyV1) ||
			u.Imports(apis.Unix, apis.Syscall) && u.Mentions("AF_NETLINK") ||
			u.Imports(apis.GRPC) && slices.ContainsFunc(apis.GRPCConstructorNames, u.Mentions) ||
			u.DepFacts(new(constructorFact), new(releaserFact), new(packageFact))
	}
}
