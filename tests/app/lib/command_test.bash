# Shared by the command tests (tests/app/*_command.sh): counting failed checks and running one
# command against its expected exit code and message. The caller sets WORK (a scratch folder)
# and failures=0 before sourcing this, and ends with a non-zero exit when failures is above 0.

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect NAME CODE PHRASE -- COMMAND...: COMMAND exits with CODE and says PHRASE (stdout or
# stderr); its standard output alone is kept in $WORK/stdout.
expect() {
    local name=$1 code=$2 phrase=$3
    shift 4
    local actual=0
    "$@" >"$WORK/stdout" 2>"$WORK/stderr" || actual=$?
    cat "$WORK/stdout" "$WORK/stderr" >"$WORK/out"
    [ "$actual" -eq "$code" ] || fail "$name: exit code $actual, expected $code ($(head -c 400 "$WORK/out"))"
    grep -qF -- "$phrase" "$WORK/out" || fail "$name: no \"$phrase\" in: $(head -c 400 "$WORK/out")"
}
