#!/usr/bin/env bash
# EdgeGateway: the one command that runs every test (and the benchmarks that compare us with real peers).
# It installs what the tests need when it is missing (Debian packages via apt-get; NuGet restores by itself),
# builds the solution, runs every xunit project, runs the benchmark harness, and ends with one summary line
# "N passed, N failed, N skipped". Usage: ./test.sh [--no-bench] [dotnet test filter expression]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

bench=1
if [ "${1:-}" = "--no-bench" ]; then bench=0; shift; fi
filter="${1:-}"

say() { printf '\n== %s\n' "$*"; }

# --- 1. Third-party peers the tests run against (real programs, not mocks) ---------------------------------------
APT_PACKAGES="python3 python3-pymodbus python3-serial python3-serial-asyncio python3-iapws mbpoll socat mosquitto mosquitto-clients libmodbus-dev gcc pkg-config openssl chromium fonts-noto-cjk"
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js and npm (the Sparkplug B encoder of the wire-size benchmark): a machine may bring its own Node.js build,
# whose npm must not be replaced by Debian's package, so install them only when npm is absent.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
if [ -n "$missing" ]; then
  say "installing test peers:$missing"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is not on PATH: install it from https://dot.net and re-run ./test.sh" >&2; exit 2; }

# --- 2. Build everything once (warnings are errors; the nano build against nanoFramework's mscorlib is part of it) --
say "build"
dotnet build EdgeGateway.sln -c Release -nologo -v:q -clp:ErrorsOnly

# --- 3. Tests ----------------------------------------------------------------------------------------------------
say "tests"
results="$ROOT/.test-results"
rm -rf "$results"; mkdir -p "$results"
set +e
if [ -n "$filter" ]; then
  dotnet test EdgeGateway.sln -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" --filter "$filter"
else
  dotnet test EdgeGateway.sln -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
fi
test_rc=$?
set -e

# --- 4. Benchmarks against the real peers, same machine, same run (figures and ratios, no pass/fail on speed) ------
bench_rc=0
if [ $bench = 1 ] && [ -z "$filter" ]; then
  say "benchmarks"
  set +e
  dotnet run --project tests/EdgeGateway.Benchmarks -c Release --no-build -- --quick
  bench_rc=$?
  set -e
fi

# --- 5. One summary line, summed over every test project's TRX ------------------------------------------------------
summary=$(/usr/bin/python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = t = 0
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    t += int(c.get("total", 0))
    s += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
print(f"{p} {f} {s} {t}")
PY
)
read -r passed failed skipped total <<<"$summary"
if [ "$test_rc" != 0 ] && [ "$failed" = 0 ]; then failed=1; echo "dotnet test exited $test_rc (a test host crashed or a project failed to run)"; fi
if [ "$bench_rc" != 0 ]; then echo "benchmark harness exited $bench_rc"; fi
if [ "$total" = 0 ]; then echo "no test ran"; failed=$((failed + 1)); fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$skipped" = 0 ] && [ "$bench_rc" = 0 ]
