#!/usr/bin/env bash
# measure.sh: wall time and peak memory of go vet, ctrlvet (under go vet
# and standalone) and staticcheck on some Go code bases, in one run so that
# the figures are comparable. docs/performance.md shows a run and explains
# the figures.
#
# usage: scripts/measure.sh [TREE...]
#
# A TREE is  label:dir:pattern[:VAR=value,VAR=value...]
#   label    a name for the table
#   dir      the directory the commands run in (a module root, or a
#            directory inside one)
#   pattern  the package pattern, e.g. ./...  or ./pkg/...
#   VAR=...  environment for that tree only, e.g. CGO_ENABLED=0
# e.g.
#   scripts/measure.sh example:testdata/example:./... \
#       cr:$HOME/src/controller-runtime:./pkg/... \
#       felix:$HOME/src/calico:./felix/dataplane/...:CGO_ENABLED=0
#
# With no TREE arguments it measures the trees named by these variables
# (each skipped if its directory is missing):
#   EXAMPLE_DIR  default <repo>/testdata/example         pattern ./...
#   CR_DIR       default /tmp/ctrlvet-seeds/cr-fixed      pattern ./pkg/...
#   CALICO_DIR   default /tmp/ctrlvet-seeds/calico-fixed  pattern ./felix/...
#                (Calico's module root; run with CGO_ENABLED=0)
#   CONTOUR_DIR  default /tmp/ctrlvet-seeds/contour-fixed pattern ./...
#
# Other variables:
#   CTRLVET      the ctrlvet binary (default: built from this checkout into a
#                temporary directory)
#   STATICCHECK  the staticcheck binary (default: staticcheck on PATH). The
#                script downloads nothing; install it first, e.g.
#                GOBIN=/tmp/tools go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
#   REPEAT       timed runs of each command (default 1)
#   TOOLS        the scenario/tool pairs to run, space-separated (default:
#                warm/go-vet warm/ctrlvet-vettool warm/ctrlvet cold/go-vet
#                cold/ctrlvet-vettool cold/ctrlvet cold/ctrlvet-noskip
#                cold/staticcheck); ctrlvet-noskip is the standalone binary
#                with -skip-dependencies=false (every dependency analysed,
#                as x/tools' unitchecker does)
#   SAMPLE       1 (default) to also sample the summed RSS of the whole
#                process tree every SAMPLE_INTERVAL seconds (default 0.2); 0 off
#   LOGDIR       where each run's output and /usr/bin/time report go
#                (default: a new temporary directory, printed at the end)
#   QUIET_TIMEOUT, QUIET_CPU  before each run, wait up to QUIET_TIMEOUT
#                seconds (default 900; 0: do not wait) until the rest of the
#                machine uses less than QUIET_CPU CPUs (default 0.3)
#   TRIES, DISTURBED  run a command up to TRIES times (default 3) while
#                other processes used more than DISTURBED (default 0.1)
#                times its own CPU time meanwhile, plus one second, and
#                keep the least disturbed run. The table's last column,
#                "other CPU meanwhile", shows how disturbed a run was.
#
# Needs GNU time as /usr/bin/time (Debian: apt-get install time) and ps.
#
# Two scenarios per tree, both with a warm Go build cache (compiled export
# data and module downloads; every command is run once untimed first):
#   warm  the commands exactly as a developer reruns them. Since Go 1.26 the
#         go command caches vet results of every package, the packages
#         named on the command line included, keyed by the vet tool's build
#         ID and flags: an unchanged tree replays stored output and the
#         analysis tool does not run at all.
#   cold  every vet action misses the cache, so the analysis really runs on
#         the named packages and on all their dependencies (standard library
#         included) to compute facts, as staticcheck does with an empty
#         cache. For ctrlvet the binary is copied with a few bytes appended
#         (a new build ID, hence new cache keys); for go vet a no-op flag
#         (-printf.funcs=<unique name>) is added, which is part of the key.
#         Compiled export data stays cached.
# staticcheck always runs with STATICCHECK_CACHE set to a new empty
# directory, so each of its runs computes everything (its "cold").
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPEAT=${REPEAT:-1}
SAMPLE=${SAMPLE:-1}
SAMPLE_INTERVAL=${SAMPLE_INTERVAL:-0.2}
QUIET_TIMEOUT=${QUIET_TIMEOUT:-900}
QUIET_CPU=${QUIET_CPU:-0.3}
TRIES=${TRIES:-3}
DISTURBED=${DISTURBED:-0.1}

die() { echo "measure.sh: $*" >&2; exit 2; }

[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian: apt-get install time)"
command -v go >/dev/null || die "go is not on PATH"
command -v ps >/dev/null || SAMPLE=0

work=$(mktemp -d "${TMPDIR:-/tmp}/ctrlvet-measure.XXXXXX")
LOGDIR=${LOGDIR:-$work/logs}
mkdir -p "$LOGDIR"
LOGDIR=$(cd "$LOGDIR" && pwd)
cleanup() { rm -rf "$work/bin" "$work/sc" "$work/cold"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

rev=$(cd "$here" && git describe --always --dirty 2>/dev/null || echo unknown)
if [ -z "${CTRLVET:-}" ]; then
	mkdir -p "$work/bin"
	(cd "$here" && go build -o "$work/bin/ctrlvet" ./cmd/ctrlvet) || die "cannot build ctrlvet"
	CTRLVET=$work/bin/ctrlvet
fi
CTRLVET=$(cd "$(dirname "$CTRLVET")" && pwd)/$(basename "$CTRLVET")
[ -x "$CTRLVET" ] || die "CTRLVET=$CTRLVET is not executable"
STATICCHECK=${STATICCHECK:-$(command -v staticcheck || true)}
[ -n "$STATICCHECK" ] && [ -x "$STATICCHECK" ] ||
	die "staticcheck not found; set STATICCHECK or install it: GOBIN=/tmp/tools go install honnef.co/go/tools/cmd/staticcheck@v0.8.2"

trees=("$@")
if [ ${#trees[@]} -eq 0 ]; then
	d=${EXAMPLE_DIR:-$here/testdata/example}
	[ -d "$d" ] && trees+=("example:$d:./...")
	d=${CR_DIR:-/tmp/ctrlvet-seeds/cr-fixed}
	[ -d "$d" ] && trees+=("controller-runtime:$d:./pkg/...")
	d=${CALICO_DIR:-/tmp/ctrlvet-seeds/calico-fixed}
	[ -d "$d" ] && trees+=("calico-felix:$d:./felix/...:CGO_ENABLED=0")
	d=${CONTOUR_DIR:-/tmp/ctrlvet-seeds/contour-fixed}
	[ -d "$d" ] && trees+=("contour:$d:./...")
fi
TOOLS=${TOOLS:-warm/go-vet warm/ctrlvet-vettool warm/ctrlvet cold/go-vet cold/ctrlvet-vettool cold/ctrlvet cold/ctrlvet-noskip cold/staticcheck}
[ ${#trees[@]} -gt 0 ] || die "no trees to measure"

# peak_tree_rss ROOTPID OUTFILE: sample the summed RSS (KiB) of ROOTPID and
# all its descendants until ROOTPID exits; write the largest sum.
peak_tree_rss() {
	local root=$1 out=$2 peak=0 s
	while kill -0 "$root" 2>/dev/null; do
		s=$(ps -e -o pid=,ppid=,rss= | awk -v root="$root" '
			{ parent[$1] = $2; rss[$1] = $3 }
			END {
				sum = 0
				for (p in rss) {
					q = p
					for (i = 0; i < 64 && q != "" && q != 0; i++) {
						if (q == root) { sum += rss[p]; break }
						q = parent[q]
					}
				}
				print sum
			}')
		if [ "${s:-0}" -gt "$peak" ]; then peak=$s; fi
		sleep "$SAMPLE_INTERVAL"
	done
	echo "$peak" >"$out"
}

# busy: CPU time (clock ticks) all processes on the machine have used
# since boot (user, nice, system, irq, softirq).
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)

# field NAME FILE: a value from a /usr/bin/time -v report.
field() { sed -n "s/^[[:space:]]*$1: //p" "$2" | head -1; }

# wall seconds from h:mm:ss or m:ss.ss
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$1"; }

results=$LOGDIR/results.tsv
attempts=$LOGDIR/attempts.tsv
header='tree\tscenario\ttool\trun\twall_s\tuser_s\tsys_s\tmaxrss_kib\ttree_rss_kib\texit\tlines\tother_cpu_s\n'
printf "$header" >"$results"
printf "$header" >"$attempts"
n=0

# wait_quiet: wait (at most QUIET_TIMEOUT seconds) until the rest of the
# machine used less than QUIET_CPU CPU-seconds per second over 5 seconds.
wait_quiet() {
	[ "$QUIET_TIMEOUT" -gt 0 ] || return 0
	local t0=$SECONDS b0 b1
	while :; do
		b0=$(busy)
		sleep 5
		b1=$(busy)
		awk -v b0="$b0" -v b1="$b1" -v hz="$HZ" -v q="$QUIET_CPU" 'BEGIN { exit !((b1 - b0) / hz / 5 < q) }' && return 0
		if [ $((SECONDS - t0)) -ge "$QUIET_TIMEOUT" ]; then
			echo "measure.sh: the machine is still busy after ${QUIET_TIMEOUT}s; measuring anyway" >&2
			return 0
		fi
	done
}

# salted: a copy of ctrlvet with a new build ID (so new vet cache keys).
salted() {
	local d
	d=$(mktemp -d "$work/cold/XXXXXX")
	cp "$CTRLVET" "$d/ctrlvet"
	printf '\nctrlvet-measure-salt-%s-%s\n' "$(date +%s%N)" "$RANDOM" >>"$d/ctrlvet"
	echo "$d/ctrlvet"
}

# command_for SCENARIO TOOL PATTERN: set CMD (and XENV, extra environment)
# to a new command line; for "cold", one whose vet cache keys are new.
command_for() {
	local scen=$1 tool=$2 pattern=$3 bin=$CTRLVET
	XENV=()
	case $scen/$tool in
	warm/go-vet) CMD=(go vet "$pattern") ;;
	cold/go-vet) CMD=(go vet -printf.funcs="ctrlvetMeasureSalt$(date +%s%N)$RANDOM" "$pattern") ;;
	*/ctrlvet-vettool | */ctrlvet | */ctrlvet-noskip)
		[ "$scen" = cold ] && bin=$(salted)
		case $tool in
		ctrlvet) CMD=("$bin" "$pattern") ;;
		ctrlvet-noskip) CMD=("$bin" -skip-dependencies=false "$pattern") ;;
		*) CMD=(go vet -vettool="$bin" "$pattern") ;;
		esac
		;;
	*/staticcheck)
		XENV=(STATICCHECK_CACHE="$(mktemp -d "$work/sc/XXXXXX")")
		CMD=("$STATICCHECK" "$pattern")
		;;
	esac
}

# attempt TREE SCENARIO TOOL DIR PATTERN ENV...: one timed run; appends a
# row to $attempts and sets ROW to it and OTHER, CPU to its figures.
attempt() {
	local tree=$1 scen=$2 tool=$3 dir=$4 pattern=$5
	shift 5
	local envs=("$@")
	command_for "$scen" "$tool" "$pattern"
	n=$((n + 1))
	local base=$LOGDIR/$n-$tree-$scen-$tool
	local pid treepeak=- rc b0 b1
	b0=$(busy)
	(cd "$dir" && exec env "${envs[@]}" "${XENV[@]}" /usr/bin/time -v -o "$base.time" "${CMD[@]}" >"$base.out" 2>"$base.err") &
	pid=$!
	if [ "$SAMPLE" = 1 ]; then
		peak_tree_rss "$pid" "$base.tree" &
	fi
	rc=0
	wait "$pid" || rc=$?
	b1=$(busy)
	if [ "$SAMPLE" = 1 ]; then
		wait
		treepeak=$(cat "$base.tree")
	fi
	echo "${CMD[*]}" >"$base.cmd"
	for e in "${XENV[@]}"; do
		case $e in STATICCHECK_CACHE=*) rm -rf "${e#STATICCHECK_CACHE=}" ;; esac
	done
	local wall user sys rss lines
	wall=$(seconds "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$base.time")")
	user=$(field 'User time (seconds)' "$base.time")
	sys=$(field 'System time (seconds)' "$base.time")
	rss=$(field 'Maximum resident set size (kbytes)' "$base.time")
	lines=$(cat "$base.out" "$base.err" | grep -vc '^#' || true)
	# CPU that other processes used meanwhile (other work on the machine,
	# and this script's sampler): a large value means the run competed.
	OTHER=$(awk -v b0="$b0" -v b1="$b1" -v hz="$HZ" -v u="$user" -v s="$sys" 'BEGIN { o = (b1 - b0) / hz - u - s; printf "%.1f", (o < 0 ? 0 : o) }')
	CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	ROW=$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s' "$tree" "$scen" "$tool" "$run" "$wall" "$user" "$sys" "$rss" "$treepeak" "$rc" "$lines" "$OTHER")
	echo "$ROW" >>"$attempts"
	printf '%-20s %-5s %-16s run %s: %7ss  CPU %7ss  maxrss %7s KiB  tree %7s KiB  exit %s  other CPU %ss\n' "$tree" "$scen" "$tool" "$run" "$wall" "$CPU" "$rss" "$treepeak" "$rc" "$OTHER" >&2
}

# measure TREE SCENARIO TOOL DIR PATTERN ENV...: up to TRIES attempts,
# each after wait_quiet, until one is undisturbed (other CPU at most
# DISTURBED times its own CPU, plus one second); the least disturbed
# attempt goes into $results.
measure() {
	local best="" bestother="" i
	for i in $(seq 1 "$TRIES"); do
		wait_quiet
		attempt "$@"
		if [ -z "$best" ] || awk -v a="$OTHER" -v b="$bestother" 'BEGIN { exit !(a + 0 < b + 0) }'; then
			best=$ROW bestother=$OTHER
		fi
		if awk -v o="$OTHER" -v c="$CPU" -v d="$DISTURBED" 'BEGIN { exit !(o <= d * c + 1) }'; then
			break
		fi
		if [ "$i" -lt "$TRIES" ]; then
			echo "measure.sh: disturbed (other CPU ${OTHER}s); again" >&2
		fi
	done
	echo "$best" >>"$results"
}

mkdir -p "$work/sc" "$work/cold"
for spec in "${trees[@]}"; do
	IFS=: read -r label dir pattern envspec <<<"$spec"
	[ -n "$label" ] && [ -n "$dir" ] && [ -n "$pattern" ] || die "bad tree $spec (want label:dir:pattern[:VAR=value,...])"
	dir=$(cd "$dir" && pwd) || die "no directory $dir"
	envs=()
	if [ -n "${envspec:-}" ]; then
		IFS=, read -r -a envs <<<"$envspec"
	fi
	echo "== $label: $dir $pattern ${envs[*]}" >&2

	# Warm-up (untimed): build cache, module downloads, vet caches.
	run=warmup
	for tool in $(for st in $TOOLS; do echo "${st#*/}"; done | sort -u); do
		command_for warm "$tool" "$pattern"
		(cd "$dir" && env "${envs[@]}" "${XENV[@]}" "${CMD[@]}" >/dev/null 2>&1) || true
		if [ ${#XENV[@]} -gt 0 ]; then rm -rf "${XENV[0]#STATICCHECK_CACHE=}"; fi
	done

	for run in $(seq 1 "$REPEAT"); do
		for scen_tool in $TOOLS; do
			measure "$label" "${scen_tool%/*}" "${scen_tool#*/}" "$dir" "$pattern" "${envs[@]}"
		done
	done
done

{
	echo "# ctrlvet measure.sh, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM"
	echo "# $(go version); staticcheck $("$STATICCHECK" -version 2>&1 | head -1); ctrlvet $CTRLVET (checkout at $rev when the script started)"
	echo "# ctrlvet analyzers: $("$CTRLVET" help 2>/dev/null | awk '/^analyzers:/ { on = 1; next } on && NF == 0 { on = 0 } on { printf "%s ", $1 }')"
	echo "# GOMAXPROCS=${GOMAXPROCS:-default}; go vet runs up to GOMAXPROCS vet processes at once"
	echo
	echo "| tree | scenario | tool | run | wall (s) | user+sys CPU (s) | peak RSS, largest process (MiB) | peak RSS, sampled sum over tree (MiB) | exit | output lines | other CPU meanwhile (s) |"
	echo "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
	tail -n +2 "$results" | awk -F'\t' '{
		tr = ($9 == "-") ? "-" : sprintf("%.0f", $9 / 1024)
		printf "| %s | %s | %s | %s | %.2f | %.2f | %.0f | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 + $7, $8 / 1024, tr, $10, $11, $12
	}'
	echo
	echo "Ratios (wall and user+sys CPU: the least of each command over its runs, the least disturbed; memory: the largest peak over its runs, as largest process / sampled tree sum):"
	echo
	echo "| tree | ctrlvet cold / staticcheck | ctrlvet cold / go vet cold | ctrlvet warm / go vet warm | ctrlvet cold / ctrlvet -skip-dependencies=false cold |"
	echo "|---|---|---|---|---|"
	awk -F'\t' '
		NR == 1 { next }
		{
			k = $1 SUBSEP $2 SUBSEP $3
			if (!(k in w) || $5 + 0 < w[k] + 0) w[k] = $5
			if (!(k in c) || $6 + $7 < c[k] + 0) c[k] = $6 + $7
			if (!(k in m) || $8 + 0 > m[k] + 0) m[k] = $8
			if (!(k in t) || ($9 != "-" && $9 + 0 > t[k] + 0)) t[k] = $9
			if (!($1 in seen)) { seen[$1] = 1; order[++nt] = $1 }
		}
		function r(a, b) { return (b + 0 > 0 && a != "-" && b != "-") ? sprintf("%.2f", a / b) : "n/a" }
		function row(tr, s1, t1, s2, t2,   a, b) {
			a = tr SUBSEP s1 SUBSEP t1; b = tr SUBSEP s2 SUBSEP t2
			return sprintf("wall %s, CPU %s, mem %s / %s", r(w[a], w[b]), r(c[a], c[b]), r(m[a], m[b]), r(t[a], t[b]))
		}
		END {
			for (i = 1; i <= nt; i++) {
				tr = order[i]
				printf "| %s | %s | %s | %s | %s |\n", tr, row(tr, "cold", "ctrlvet", "cold", "staticcheck"), row(tr, "cold", "ctrlvet", "cold", "go-vet"), row(tr, "warm", "ctrlvet", "warm", "go-vet"), row(tr, "cold", "ctrlvet", "cold", "ctrlvet-noskip")
			}
		}' "$results"
	echo
	echo "Logs and raw /usr/bin/time -v reports: $LOGDIR"
} | tee "$LOGDIR/summary.md"
