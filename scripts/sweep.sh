#!/usr/bin/env bash
# Sweep: runs every analyzer of ctrlvet over thousands of real packages at
# pinned versions, twice (GOFLAGS=-p=2, then -p=1, each with a freshly
# salted binary so that go vet's cache replays nothing), and checks:
#   - no panic and no analysis error ("internal error in ..."); a package's
#     own type or build errors are counted and listed, not failures;
#   - byte-identical output (stdout and stderr) on the two runs.
# It prints, per target and in total, the package count, wall time, the
# peak memory of the largest process, the findings and the errors, and
# leaves everything in $WORK (findings in $WORK/<target>.p2.out).
#
# Run by hand (it takes an hour or more, and CPU: it runs under nice):
#
#	scripts/sweep.sh [WORK]        # default WORK=/tmp/ctrlvet-sweep
#
# Targets (TARGETS="mod deps k8s seeds trees" by default):
#   mod    k8s.io/client-go, apimachinery, apiserver and the other staging
#          modules of STAGING_MODULES @ v0.37.2, sigs.k8s.io/controller-runtime
#          @ v0.25.2, cluster-api @ v1.14.2 and kueue @ v0.17.0 (controllers),
#          every package (a temporary module requiring them; go get -t for
#          their tests' imports)
#   deps   the libraries the mod target builds on (DEPS_MODULES: gRPC,
#          protobuf, x/net, etcd's client, Prometheus, OpenTelemetry, CEL,
#          kube-openapi and others), every package, at the versions the mod
#          target's build list selects (and go get for their tests' imports,
#          in a copy of the mod module)
#   k8s    k8s.io/kubernetes @ v1.37.2 ${K8S_PATTERNS:-./...} (pkg/controller, pkg/kubelet and
#          the rest; its
#          module zip, with the staging modules replaced by the published
#          v0.37.2 ones since the zip does not carry staging/)
#   seeds  the seed trees of ../shared/seeds (in $SEEDS, default
#          /tmp/ctrlvet-seeds): each tree's ./...
#   trees  every module laid out under $TREES (default /tmp/ctrlvet-extra),
#          e.g. other controllers fetched at a pinned commit: each one's
#          ./... (a directory without go.mod is left out)
# Everything comes from the Go module proxy except the seed trees.
# SETUP_ONLY=1 lays the targets out (downloads, go mod tidy) and stops;
# CTRLVET=<binary> sweeps with that binary instead of building one.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${1:-/tmp/ctrlvet-sweep}
SEEDS=${SEEDS:-/tmp/ctrlvet-seeds}
TREES=${TREES:-/tmp/ctrlvet-extra}
TARGETS=${TARGETS:-mod deps k8s seeds trees}
K8S=v1.37.2
STAGING=v0.37.2
CR=v0.25.2
CAPI=v1.14.2
KUEUE=v0.17.0
STAGING_MODULES="client-go apimachinery apiserver api apiextensions-apiserver component-base
kubectl cli-runtime kube-aggregator cloud-provider controller-manager component-helpers kubelet
metrics code-generator dynamic-resource-allocation pod-security-admission cri-api"
DEPS_MODULES=${DEPS_MODULES:-"google.golang.org/grpc google.golang.org/protobuf golang.org/x/net
go.etcd.io/etcd/client/v3 go.etcd.io/etcd/api/v3 go.etcd.io/etcd/server/v3 go.etcd.io/etcd/client/pkg/v3
github.com/prometheus/client_golang github.com/prometheus/common github.com/google/cel-go
k8s.io/kube-openapi sigs.k8s.io/structured-merge-diff/v6 github.com/spf13/cobra k8s.io/utils
github.com/google/gnostic-models github.com/emicklei/go-restful/v3 sigs.k8s.io/yaml go.uber.org/zap
github.com/fsnotify/fsnotify github.com/gogo/protobuf golang.org/x/text golang.org/x/crypto golang.org/x/oauth2
github.com/onsi/gomega github.com/grpc-ecosystem/grpc-gateway/v2 github.com/golang/protobuf
github.com/coreos/go-systemd/v22 github.com/json-iterator/go github.com/google/go-cmp github.com/go-logr/logr
github.com/stretchr/testify github.com/gorilla/websocket golang.org/x/sync"}
# (a module whose path is a prefix of another module's in the build list,
# such as OpenTelemetry's or klog/v2, makes its /... pattern fail on the
# other's missing go.sum entry: left out)
mkdir -p "$WORK"
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"
unset GOWORK || true

log() { echo "sweep: $*" >&2; }

# build: the ctrlvet binary (or CTRLVET, a binary built before, so that
# sweeps of several WORK folders run one binary), and a salted copy per
# run (a new tool ID).
if [ -n "${CTRLVET:-}" ]; then
	[ "$CTRLVET" -ef "$WORK/ctrlvet" ] || cp "$CTRLVET" "$WORK/ctrlvet"
else
	go build -C "$ROOT" -o "$WORK/ctrlvet" ./cmd/ctrlvet
fi
salted() {
	cp "$WORK/ctrlvet" "$WORK/ctrlvet.$1"
	head -c 16 /dev/urandom >>"$WORK/ctrlvet.$1"
	echo "$WORK/ctrlvet.$1"
}

# add_missing mod|deps: go get what go list says the target's packages
# and their tests miss (-e: every package's error, not the first), a few
# rounds at most.
add_missing() {
	local d=$WORK/$1 pats missing errs downloads
	pats=$(targets_of "$1")
	for _ in 1 2 3 4 5; do
		# shellcheck disable=SC2086
		errs=$(cd "$d" && go list -e -deps -test -f '{{with .Error}}{{.Err}}{{"\n"}}{{end}}{{range .DepsErrors}}{{.Err}}{{"\n"}}{{end}}' $pats 2>&1) || true
		missing=$(echo "$errs" | { grep -oE 'go get [^ ]+' || true; } | awk '{print $3}' | sort -u)
		# a module's go.mod, or a module a pattern reaches, without its
		# go.sum entry
		downloads=$(echo "$errs" | { grep -oE 'go mod download [^ ]+|[^ ]+@[^ :]+: missing go.sum entry$' || true; } |
			sed 's/^go mod download //; s/: missing go.sum entry$//' | sort -u)
		[ -z "$missing$downloads" ] && break
		# shellcheck disable=SC2086
		[ -z "$missing" ] || (cd "$d" && go get $missing >>"$WORK/$1.get.log" 2>&1) || true
		# shellcheck disable=SC2086
		[ -z "$downloads" ] || (cd "$d" && go mod download $downloads >>"$WORK/$1.get.log" 2>&1) || true
	done
}

setup_mod() {
	local d=$WORK/mod
	[ -f "$d/.ready" ] && return
	mkdir -p "$d"
	printf 'module sweep.local\n\ngo 1.26.0\n' >"$d/go.mod"
	local pins=("sigs.k8s.io/controller-runtime/...@$CR" "sigs.k8s.io/cluster-api/...@$CAPI"
		"sigs.k8s.io/cluster-api/api/...@$CAPI" "sigs.k8s.io/kueue/...@$KUEUE")
	for m in $STAGING_MODULES; do
		pins+=("k8s.io/$m/...@$STAGING")
	done
	(cd "$d" && go get -t "${pins[@]}" >"$WORK/mod.get.log" 2>&1)
	# go get -t can leave a go.sum entry out (viper's mapstructure once)
	add_missing mod
	touch "$d/.ready"
}

setup_deps() {
	local d=$WORK/deps
	[ -f "$d/.ready" ] && return
	setup_mod
	rm -rf "$d"
	mkdir -p "$d"
	cp "$WORK/mod/go.mod" "$WORK/mod/go.sum" "$d/"
	# the modules are in the mod module's build list already (at its
	# versions); add what their tests import
	: >"$WORK/deps.get.log"
	add_missing deps
	# the packages themselves: a module of the build list nested in one of
	# them (grpc/examples) fails the pattern on its missing go.sum entry
	local pats
	pats=$(targets_of deps)
	# shellcheck disable=SC2086
	(cd "$d" && go list -e $pats 2>/dev/null | { grep -vF ... || true; } >packages) || true
	touch "$d/.ready"
}

setup_k8s() {
	local d=$WORK/k8s
	[ -f "$d/.ready" ] && return
	local src
	src=$(go mod download -json "k8s.io/kubernetes@$K8S" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	rm -rf "$d"
	cp -r "$src" "$d"
	chmod -R u+w "$d"
	rm -rf "$d/vendor" "$d/go.work" "$d/go.work.sum"
	(cd "$d" && for m in $(grep '=> ./staging' go.mod | awk '{print $1}'); do
		go mod edit -replace "$m=$m@$STAGING"
	done && go mod tidy -e >"$WORK/k8s.tidy.log" 2>&1)
	touch "$d/.ready"
}

# targets_of mod|deps prints the patterns of the mod or deps target.
targets_of() {
	if [ "$1" = deps ] && [ -s "$WORK/deps/packages" ] && [ -f "$WORK/deps/.ready" ]; then
		tr '\n' ' ' <"$WORK/deps/packages"
		echo
		return
	fi
	if [ "$1" = deps ]; then
		for m in $DEPS_MODULES; do
			printf '%s/... ' "$m"
		done
		echo
		return
	fi
	for m in $STAGING_MODULES; do
		printf 'k8s.io/%s/... ' "$m"
	done
	echo "sigs.k8s.io/controller-runtime/... sigs.k8s.io/cluster-api/... sigs.k8s.io/cluster-api/api/... sigs.k8s.io/kueue/..."
}

# targets prints "name dir patterns..." lines.
targets() {
	for t in $TARGETS; do
		case $t in
		mod)
			setup_mod
			echo "mod $WORK/mod $(targets_of mod)"
			;;
		deps)
			setup_deps
			echo "deps $WORK/deps $(targets_of deps)"
			;;
		k8s)
			setup_k8s
			echo "k8s $WORK/k8s ${K8S_PATTERNS:-./...}"
			;;
		seeds)
			for s in "$SEEDS"/*/; do
				[ -f "$s/go.mod" ] && echo "seed-$(basename "$s") $s ./..."
			done
			;;
		trees)
			for s in "$TREES"/*/; do
				[ -f "$s/go.mod" ] && echo "tree-$(basename "$s") $s ./..."
			done
			;;
		esac
	done
}

# run NAME DIR P BIN PATTERNS...: one ctrlvet run, its output and figures.
run() {
	local name=$1 dir=$2 p=$3 bin=$4
	shift 4
	local out=$WORK/$name.p$p
	local start=$SECONDS rc=0
	(cd "$dir" && GOFLAGS="$GOFLAGS -p=$p" nice -n 10 /usr/bin/time -f '%M' -o "$out.rss" \
		"$bin" "$@" >"$out.out" 2>"$out.err") || rc=$?
	echo "$rc" >"$out.rc"
	echo $((SECONDS - start)) >"$out.secs"
	# the go command's own lines name the tool binary: drop the salt
	sed -i "s#$bin#ctrlvet#g" "$out.out" "$out.err"
}

targets >"$WORK/targets"
if [ -n "${SETUP_ONLY:-}" ]; then
	log "set up: $WORK/targets"
	exit 0
fi
status=0
total_pkgs=0
total_findings=0
printf '%-22s %6s %8s %8s %8s %9s %9s %s\n' target pkgs findings pkgerrs secs.p2 secs.p1 maxRSS_MB identical >"$WORK/summary"
while read -r name dir pats; do
	# shellcheck disable=SC2086
	pkgs=$(cd "$dir" && go list -e $pats 2>/dev/null | wc -l) || true
	for p in 2 1; do
		log "$name: -p=$p over $pkgs packages"
		# shellcheck disable=SC2086
		run "$name" "$dir" "$p" "$(salted "$name.$p")" $pats
	done
	same=yes
	for ext in out err rc; do
		cmp -s "$WORK/$name.p2.$ext" "$WORK/$name.p1.$ext" || same=no
	done
	[ "$same" = yes ] || { log "$name: the two runs differ (diff $WORK/$name.p2.* $WORK/$name.p1.*)"; status=1; }
	# a Go crash starts its line ("panic: ", "fatal error: ",
	# "goroutine 1 ["); a package's cgo error quotes the C compiler's
	# "fatal error: pcap.h: No such file" after "ctrlvet: package ...:"
	if grep -E 'internal error in|^panic: |^goroutine [0-9]+ \[|^fatal error: ' "$WORK/$name.p2.err" "$WORK/$name.p1.err" >"$WORK/$name.crashes"; then
		log "$name: analysis errors or panics, see $WORK/$name.crashes"
		status=1
	fi
	# a full disk fails compiles and vet runs, which would pass for the
	# packages' own errors
	if grep -l 'no space left on device' "$WORK/$name.p2.err" "$WORK/$name.p1.err" >"$WORK/$name.nospace"; then
		log "$name: the disk filled up during the run, see $WORK/$name.nospace"
		status=1
	fi
	findings=$(grep -c -E '^[^[:space:]#].*:[0-9]+:[0-9]+: ' "$WORK/$name.p2.out" || true)
	pkgerrs=$(grep -c -E '^ctrlvet: ' "$WORK/$name.p2.err" || true)
	# GNU time's last line is the peak RSS in KB of the largest process
	r2=$(tail -1 "$WORK/$name.p2.rss")
	r1=$(tail -1 "$WORK/$name.p1.rss")
	rss=$((r2 > r1 ? r2 : r1))
	printf '%-22s %6d %8d %8d %8d %9d %9d %s\n' "$name" "$pkgs" "$findings" "$pkgerrs" \
		"$(cat "$WORK/$name.p2.secs")" "$(cat "$WORK/$name.p1.secs")" $((rss / 1024)) "$same" >>"$WORK/summary"
	total_pkgs=$((total_pkgs + pkgs))
	total_findings=$((total_findings + findings))
done <"$WORK/targets"
printf 'total: %d packages, %d findings\n' "$total_pkgs" "$total_findings" >>"$WORK/summary"
cat "$WORK/summary"
exit $status
