#!/usr/bin/env bash
# Sends new sessions only to ready nodes, for open-source nginx (no active health checks; docs/deploy.md).
#
# Every CIVITAS_CHECK_INTERVAL seconds this asks each node's readiness on its management port and writes nginx's
# upstream groups to CIVITAS_UPSTREAMS (included by civitas.conf); when the set of ready nodes changes it checks the
# new configuration and reloads nginx (a graceful reload: requests in flight finish on the old workers).
#   - civitas_nodes (new sessions): the ready nodes; a node not (yet) ready is `down`.
#   - civitas_<node> (a browser whose session id ends in .<node>): that node while it is ready, else the ready
#     others as backups, so a browser coming back to a restarted, still warming node gets a new session elsewhere.
# A node counts as ready at its first UP answer and as not ready after CIVITAS_CHECK_FALLS failed checks in a row,
# so that one slow answer does not move a node's sessions. When no node is ready every node is listed (nginx's own
# max_fails then decides): refusing everyone would be worse than trying.
#
# Environment:
#   CIVITAS_NODES            required: name=app-address@management-address, space-separated, e.g.
#                            "node1=127.0.0.1:8081@127.0.0.1:9080 node2=10.20.0.12:8082@10.20.0.12:9080"
#   CIVITAS_UPSTREAMS        the file to write (/etc/nginx/civitas-upstreams.conf)
#   CIVITAS_NGINX            the nginx command (nginx); tests and reloads run as "$CIVITAS_NGINX -t" and "-s reload"
#   CIVITAS_CHECK_INTERVAL   seconds between checks (1); CIVITAS_CHECK_FALLS (3)
# Usage: civitas-upstreams.sh [--once]   (--once: check once, write the file, do not reload; before nginx starts)
set -uo pipefail

NODES=${CIVITAS_NODES:?CIVITAS_NODES: name=app@management ...}
OUT=${CIVITAS_UPSTREAMS:-/etc/nginx/civitas-upstreams.conf}
read -r -a NGINX <<< "${CIVITAS_NGINX:-nginx}"
INTERVAL=${CIVITAS_CHECK_INTERVAL:-1}
FALLS=${CIVITAS_CHECK_FALLS:-3}

declare -A APP=() MGMT=() READY=() FAILED=()
ORDER=()
for spec in $NODES; do
    name=${spec%%=*}; rest=${spec#*=}
    [[ "$name" =~ ^[A-Za-z0-9_-]+$ ]] && [ "${rest%@*}" != "$rest" ] || { echo "bad node: $spec" >&2; exit 2; }
    APP[$name]=${rest%@*}; MGMT[$name]=${rest#*@}; READY[$name]=0; FAILED[$name]=0
    ORDER+=("$name")
done

check() { # updates READY from one round of readiness checks
    local n code
    for n in "${ORDER[@]}"; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout 1 --max-time 2 \
            "http://${MGMT[$n]}/actuator/health/readiness")
        if [ "$code" = 200 ]; then
            READY[$n]=1; FAILED[$n]=0
        else
            FAILED[$n]=$((FAILED[$n] + 1))
            # a node never seen ready stays out; a ready one leaves after FALLS failures in a row
            [ "${FAILED[$n]}" -ge "$FALLS" ] && READY[$n]=0
        fi
    done
}

render() { # prints the upstream groups for the current READY
    local n m any=0 panic
    for n in "${ORDER[@]}"; do [ "${READY[$n]}" = 1 ] && any=1; done
    panic=$((1 - any))
    printf '# Written by civitas-upstreams.sh (deploy/nginx); do not edit. Ready:'
    for n in "${ORDER[@]}"; do [ "${READY[$n]}" = 1 ] && printf ' %s' "$n"; done
    [ "$panic" = 1 ] && printf ' none (every node listed)'
    printf '\nupstream civitas_nodes {\n    least_conn;\n'
    for n in "${ORDER[@]}"; do
        if [ "${READY[$n]}" = 1 ] || [ "$panic" = 1 ]; then
            printf '    server %s max_fails=1 fail_timeout=10s;\n' "${APP[$n]}"
        else
            printf '    server %s down;\n' "${APP[$n]}"
        fi
    done
    printf '}\n'
    for n in "${ORDER[@]}"; do
        printf 'upstream civitas_%s {\n' "$n"
        if [ "${READY[$n]}" = 1 ] || [ "$panic" = 1 ]; then
            printf '    server %s max_fails=1 fail_timeout=10s;\n' "${APP[$n]}"
        else
            printf '    server %s down;\n' "${APP[$n]}"
        fi
        for m in "${ORDER[@]}"; do
            [ "$m" != "$n" ] && [ "${READY[$m]}" = 1 ] && printf '    server %s backup;\n' "${APP[$m]}"
        done
        printf '}\n'
    done
}

write() { # writes the file when its content changed; returns 1 when unchanged
    local new
    new=$(render)
    [ -f "$OUT" ] && [ "$(cat "$OUT")" = "$new" ] && return 1
    printf '%s\n' "$new" > "$OUT.tmp" && mv "$OUT.tmp" "$OUT"
}

if [ "${1:-}" = --once ]; then
    check
    write || true
    exit 0
fi
while :; do
    check
    if write; then
        if "${NGINX[@]}" -t -q 2>/dev/null && "${NGINX[@]}" -s reload; then
            echo "$(date -u +%FT%T.%3NZ) nginx reloaded: $(head -1 "$OUT" | sed 's/.*Ready://')"
        else
            echo "$(date -u +%FT%T.%3NZ) nginx did not take $OUT; the previous configuration stays" >&2
        fi
    fi
    sleep "$INTERVAL"
done
