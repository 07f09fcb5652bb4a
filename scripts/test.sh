#!/usr/bin/env bash
# The project's test command (README and CI): installs what the tests need, starts a throwaway
# PostgreSQL, checks formatting, builds, runs every test project under tests/ (SQLite and PostgreSQL),
# and ends with the line "N passed, N failed". Exits non-zero if formatting, the build or any test failed.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started=$SECONDS
step() { printf '\n==> %s  [%ds]\n' "$*" $((SECONDS - started)); }

# A failed check counts as one failed test, so the closing line never reads "0 failed" on a red run.
problems=()
failed_tests=()
passed=0
failed=0
summary_printed=false
pg_dir=""

on_exit() {
    local status=$?
    if [ -n "$pg_dir" ]; then
        "$repo/scripts/throwaway-postgres.sh" stop "$pg_dir" || true
        rm -rf "$pg_dir"
    fi
    if [ "$summary_printed" = false ]; then
        echo "The run stopped early (exit code $status)." >&2
        echo "$passed passed, $((failed + 1)) failed"
    fi
}
trap on_exit EXIT

# Debian packages the tests rely on; only root can install them, a developer installs them once by hand.
install_missing_packages() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    if ! command -v pg_ctl >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null; then
        missing+=(postgresql)
    fi
    dpkg -s fonts-liberation2 >/dev/null 2>&1 || missing+=(fonts-liberation2)
    # pdftotext reads back the certificate PDFs the tests download.
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    # LibreOffice converts the annual report's DOCX to PDF to check its pages as a reader sees them.
    command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "Not root: cannot install ${missing[*]}; tests that need them will fail." >&2
        return
    fi
    step "Installing ${missing[*]}"
    local log
    log=$(mktemp)
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
        cat "$log" >&2
        exit 1
    fi
    rm -f "$log"
}

install_missing_packages

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/metrology-pg.XXXXXX")
step "Starting a throwaway PostgreSQL"
postgres_connection=$("$repo/scripts/throwaway-postgres.sh" start "$pg_dir")
export METROLOGY_TEST_POSTGRES=$postgres_connection
export METROLOGY_REQUIRE_POSTGRES=1
echo "$METROLOGY_TEST_POSTGRES"

step "dotnet tool restore"
dotnet tool restore

step "dotnet restore Metrology.slnx"
dotnet restore Metrology.slnx

step "dotnet build Metrology.slnx -c Release --no-restore"
built=true
if ! dotnet build Metrology.slnx -c Release --no-restore; then
    built=false
    problems+=("build")
    failed=$((failed + 1))
fi

step "dotnet format Metrology.slnx --verify-no-changes --no-restore"
if ! dotnet format Metrology.slnx --verify-no-changes --no-restore; then
    problems+=("format (fix with: dotnet format Metrology.slnx)")
    failed=$((failed + 1))
fi

results="$repo/TestResults"
rm -rf "$results"
mkdir -p "$results"

# One counter from a TRX file's <Counters .../> element (0 when absent).
trx_counter() {
    local value
    value=$(grep -o "<Counters [^>]*" "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]\+' || true)
    echo "${value:-0}"
}

shopt -s nullglob
projects=(tests/*/*.csproj)
if [ ${#projects[@]} -eq 0 ]; then
    problems+=("no test project under tests/")
    failed=$((failed + 1))
fi
if [ "$built" = false ]; then
    echo "The build failed: tests are not run (their binaries would be missing or stale)." >&2
    projects=()
fi
for project in "${projects[@]}"; do
    name=$(basename "$project" .csproj)
    step "Testing $name"
    status=0
    timeout --kill-after=1m 30m \
        dotnet test --project "$project" -c Release --no-build -- \
        --report-xunit-trx --report-xunit-trx-filename "$name.trx" --results-directory "$results/$name" \
        || status=$?
    trx="$results/$name/$name.trx"
    if [ ! -f "$trx" ]; then
        echo "$name produced no TRX report (exit code $status): counted as one failed test." >&2
        failed=$((failed + 1))
        problems+=("$name crashed")
        continue
    fi
    project_passed=$(trx_counter "$trx" passed)
    project_failed=$(($(trx_counter "$trx" failed) + $(trx_counter "$trx" error) + $(trx_counter "$trx" timeout) + $(trx_counter "$trx" aborted)))
    if [ "$status" -ne 0 ] && [ "$project_failed" -eq 0 ]; then
        # A run that failed without a failing test (no tests found, host crash): still a failure.
        echo "$name exited with code $status although its report shows no failed test: counted as one failed test." >&2
        project_failed=1
    fi
    echo "$name: $project_passed passed, $project_failed failed, $(trx_counter "$trx" notExecuted) skipped"
    passed=$((passed + project_passed))
    failed=$((failed + project_failed))
    if [ "$project_failed" -gt 0 ]; then
        problems+=("$name")
        failed_tests+=("$trx")
    fi
done

# The failing tests' names and first lines of their messages, repeated at the very end: a long run's log is
# often read from its tail only, and the failure itself scrolled far above it.
print_failed_tests() {
    local trx
    for trx in "$@"; do
        if command -v python3 >/dev/null 2>&1; then
            python3 - "$trx" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for result in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if result.get("outcome") in ("Passed", "NotExecuted"):
        continue
    print(f"FAILED {result.get('testName')} ({result.get('duration')})")
    message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns)
    stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=ns)
    for line in (message.strip().splitlines()[:15] + stack.strip().splitlines()[:6]):
        print("    " + line)
PY
        else
            grep -o '<UnitTestResult [^>]*outcome="Failed"' "$trx" | grep -o 'testName="[^"]*"' | sed 's/^/FAILED /'
        fi
    done
}

step "Done"
echo "TRX reports: $results"
if [ ${#failed_tests[@]} -gt 0 ]; then
    print_failed_tests "${failed_tests[@]}"
fi
if [ ${#problems[@]} -gt 0 ]; then
    printf 'Failed: %s\n' "${problems[@]}"
fi
summary_printed=true
echo "$passed passed, $failed failed"
[ ${#problems[@]} -eq 0 ]
