#!/usr/bin/env bash
# Several app nodes on one replicated MariaDB, on loopback (deploy/, docs/deploy.md):
#   a primary and a semi-synchronous replica (AFTER_SYNC), two app nodes from the production jar, nginx in front
#   with TLS (a self-signed certificate made for this run) and sticky sessions. Checks: HTTP redirects to HTTPS, HSTS,
#   HTTP/2; the session cookie is Secure, HttpOnly, SameSite=Lax; two citizens behind nginx have separate public
#   allowances (their lookups on the tracking page, spoken in Vaadin's protocol); push over WebSocket through nginx;
#   both nodes serve through nginx, each session sticks to its node; a restarted node gets no session through nginx
#   before its readiness is UP (deploy/nginx/civitas-upstreams.sh), not even from the browsers whose sessions it lost;
#   the nodes report the replica's lag; an overdue case gets its reminder once while both nodes sweep; killing one node leaves the other node's sessions working; after the primary dies and the
#   replica is promoted, every case the API acknowledged is there.
#
# Run alone:  bash .ci/multi-node.sh     (needs mariadb-server, nginx, curl, openssl, apache2-utils, a JDK)
# Environment: CIVITAS_JAR=path (else built with -Pproduction), CI_KEEP=1 keeps the temporary folder.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
# production refuses to start without a TOTP key; both nodes share this one
export CIVITAS_TOTP_KEY="${CIVITAS_TOTP_KEY:-ci-$(head -c 24 /dev/urandom | base64)}"
export PATH="$PATH:/usr/sbin"

section() { printf '\n==== %s ====\n' "$*"; }
REASON=
fail() { REASON=$*; printf 'FAILED: %s\n' "$*" >&2; exit 1; }
free_port() {
    local p=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
    echo "$p"
}

for t in mariadb-install-db mariadbd mariadb mariadb-admin nginx curl openssl htpasswd java; do
    command -v "$t" >/dev/null || fail "missing $t (apt-get install mariadb-server nginx curl openssl apache2-utils)"
done

WORK=$(mktemp -d /tmp/civitas-multi.XXXXXX)
P1=$(free_port 3320)
P2=$(free_port $((P1 + 1)))
A1=$(free_port 18081)
A2=$(free_port $((A1 + 1)))
M1=$(free_port 19081)                 # the nodes' management ports (Actuator, docs/operations.md)
M2=$(free_port $((M1 + 1)))
LB=$(free_port 18090)
LBS=$(free_port $((LB + 1)))
DB_USER=civitas
DB_PASS="Mn-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
ADMIN_PASS='Ci-Admin-Pass-2026'
declare -A PIDS=()

cleanup() {
    local rc=$?
    set +e
    for name in upstreams node1 node2 nginx; do
        [ -n "${PIDS[$name]:-}" ] && kill "${PIDS[$name]}" 2>/dev/null
    done
    for name in upstreams node1 node2 nginx; do
        [ -n "${PIDS[$name]:-}" ] && { for _ in $(seq 1 30); do kill -0 "${PIDS[$name]}" 2>/dev/null || break; sleep 1; done
                                      kill -9 "${PIDS[$name]}" 2>/dev/null; }
    done
    for db in primary replica; do
        [ -n "${PIDS[$db]:-}" ] && { mariadb-admin -S "$WORK/$db.sock" -uroot shutdown 2>/dev/null || kill "${PIDS[$db]}"
                                    for _ in $(seq 1 30); do kill -0 "${PIDS[$db]}" 2>/dev/null || break; sleep 1; done
                                    kill -9 "${PIDS[$db]}" 2>/dev/null; }
    done
    if [ "$rc" != 0 ]; then
        for log in "$WORK"/*.log; do
            [ -f "$log" ] && { printf '\n---- last lines of %s ----\n' "$log"; tail -n 40 "$log"; }
        done
        printf '\nmulti-node: FAILED (exit %s)%s\n' "$rc" "${REASON:+: $REASON}"
    fi
    if [ "${CI_KEEP:-}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT

sqlp() { mariadb -S "$WORK/primary.sock" -uroot --batch --skip-column-names "$@"; }
sqlr() { mariadb -S "$WORK/replica.sock" -uroot --batch --skip-column-names "$@"; }

# --- database servers -----------------------------------------------------------------------------------------------
start_db() { # name port server-id extra-args...
    local name=$1 port=$2 id=$3; shift 3
    mariadb-install-db --user="$(id -un)" --datadir="$WORK/$name" --auth-root-authentication-method=normal \
        --skip-test-db > "$WORK/$name-install.log" 2>&1 || fail "mariadb-install-db $name"
    # the settings of deploy/mariadb/*.cnf, given on the command line
    mariadbd --no-defaults --user="$(id -un)" --datadir="$WORK/$name" --socket="$WORK/$name.sock" --port="$port" \
        --bind-address=127.0.0.1 --log-error="$WORK/$name.log" --server-id="$id" --log-bin=civitas-bin \
        --binlog-format=ROW --sync-binlog=1 --innodb-flush-log-at-trx-commit=1 --gtid-strict-mode=ON \
        --log-slave-updates=ON --log-bin-trust-function-creators=ON --character-set-server=utf8mb4 \
        --collation-server=utf8mb4_unicode_ci --default-time-zone=+08:00 --innodb-buffer-pool-size=256M \
        --rpl-semi-sync-master-enabled=ON --rpl-semi-sync-slave-enabled=ON \
        --rpl-semi-sync-master-wait-point=AFTER_SYNC --rpl-semi-sync-master-timeout=10000 "$@" < /dev/null &
    PIDS[$name]=$!
    for i in $(seq 1 30); do
        kill -0 "${PIDS[$name]}" 2>/dev/null || fail "mariadbd $name exited"
        mariadb-admin -S "$WORK/$name.sock" -uroot --silent ping >/dev/null 2>&1 && return 0
        sleep 1
    done
    fail "mariadbd $name did not answer"
}

section "MariaDB primary :$P1 and semi-synchronous replica :$P2"
start_db primary "$P1" 1
start_db replica "$P2" 2 --read-only=ON
sqlp <<SQL
CREATE USER 'repl'@'127.0.0.1' IDENTIFIED BY 'repl-pass';
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';
SQL
sqlr <<SQL
CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$P1, MASTER_USER='repl', MASTER_PASSWORD='repl-pass',
    MASTER_USE_GTID=slave_pos;
START SLAVE;
SQL
for i in $(seq 1 30); do
    clients=$(sqlp -e "SHOW STATUS LIKE 'Rpl_semi_sync_master_clients'" | cut -f2)
    [ "$clients" = 1 ] && break
    [ "$i" = 30 ] && fail "the replica did not connect semi-synchronously"
    sleep 1
done
sqlp <<SQL
CREATE DATABASE civitas CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON civitas.* TO '$DB_USER'@'127.0.0.1';
-- the nodes read the replica's lag (civitas_db_replica_lag_seconds, docs/operations.md)
GRANT SLAVE MONITOR ON *.* TO '$DB_USER'@'127.0.0.1';
SQL
echo "replication running; semi-sync clients: $(sqlp -e "SHOW STATUS LIKE 'Rpl_semi_sync_master_clients'" | cut -f2)"

# --- app nodes --------------------------------------------------------------------------------------------------------
if [ -n "${CIVITAS_JAR:-}" ]; then
    JAR=$(readlink -f "$CIVITAS_JAR")
else
    section "Production jar"
    ./mvnw -B -ntp -Pproduction -DskipTests package || fail "the production build failed"
    JAR=$(ls -t "$ROOT"/target/civitas-*.jar | head -1)
fi
DB_URL="jdbc:mariadb:sequential://127.0.0.1:$P1,127.0.0.1:$P2/civitas"

launch_node() { # name port management-port: starts the JVM, does not wait
    local name=$1 port=$2 management=$3
    mkdir -p "$WORK/$name"
    (
        cd "$WORK/$name"
        # nginx connects from 127.0.0.1: only its X-Forwarded-* headers are believed (deploy/systemd/civitas.env.example)
        export SPRING_DATASOURCE_URL="$DB_URL" SPRING_DATASOURCE_USERNAME="$DB_USER" \
               SPRING_DATASOURCE_PASSWORD="$DB_PASS" PORT="$port" CIVITAS_NODE="$name" CIVITAS_TRUSTED_PROXIES=127.0.0.1 \
               CIVITAS_MANAGEMENT_PORT="$management" CIVITAS_DB_REPLICA_URL="jdbc:mariadb://127.0.0.1:$P2/civitas"
        exec java -Xmx512m -jar "$JAR" ${CIVITAS_NODE_ARGS:-} < /dev/null > "$WORK/$name.log" 2>&1
    ) &
    PIDS[$name]=$!
}
ready() { # management-port: readiness answers 200
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$1/actuator/health/readiness")" = 200 ]
}
start_node() { # name port management-port
    local name=$1 port=$2 management=$3
    launch_node "$@"
    local start=$SECONDS
    while :; do
        kill -0 "${PIDS[$name]}" 2>/dev/null || fail "$name exited during start-up"
        # ready: the database answers and the warm-up ran (a systemd unit or a rolling upgrade waits the same way)
        ready "$management" && break
        [ $((SECONDS - start)) -ge 180 ] && fail "$name was not ready within 180 s"
        sleep 2
    done
    echo "$name on :$port ready after $((SECONDS - start)) s (management :$management)"
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/login")" = 200 ] \
        || fail "$name is ready but /login does not answer 200"
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$port/actuator/health")" = 404 ] \
        || fail "$name answers /actuator/health on its app port"
}

section "Two app nodes on :$A1 and :$A2 (the first migrates the schema)"
start_node node1 "$A1" "$M1"
start_node node2 "$A2" "$M2"
metric() { # management-port name: the value of an unlabelled-but-for-common-tags series
    curl -s --max-time 5 "http://127.0.0.1:$1/actuator/prometheus" | sed -n "s/^$2{[^}]*} //p; s/^$2 //p" | head -1
}
# a node asks the replica at most every 15 s: the migration's statements may still be applied at the first sample
for i in $(seq 1 40); do
    running=$(metric "$M1" civitas_db_replica_running)
    lag=$(metric "$M1" civitas_db_replica_lag_seconds)
    [ "$running" = 1.0 ] && [ "$lag" = 0.0 ] && break
    [ "$i" = 40 ] && fail "node1 should see a running replica 0 s behind: running $running, lag $lag"
    sleep 1
done
echo "the replica as node1 sees it: civitas_db_replica_running $running, civitas_db_replica_lag_seconds $lag"
HASH=$(htpasswd -bnBC 10 "" "$ADMIN_PASS" | tr -d ':\n' | sed 's/$2y/$2a/')
sqlp civitas <<SQL
INSERT INTO app_user (username, display_name, password_hash, password_changed_at, created_at)
VALUES ('admin', '系统管理员', '$HASH', CONVERT_TZ(UTC_TIMESTAMP(6), '+00:00', '+08:00'),
        CONVERT_TZ(UTC_TIMESTAMP(6), '+00:00', '+08:00'));
INSERT INTO app_user_role (user_id, role) SELECT id, 'ADMIN' FROM app_user WHERE username = 'admin';
SQL

section "nginx on :$LBS (HTTPS) and :$LB (HTTP) with sticky sessions (deploy/nginx/civitas.conf)"
mkdir -p "$WORK/nginx/tls"
# A certificate for this run only, for the address the checks use; curl trusts it and nothing else (CURL_CA_BUNDLE
# also reaches the curls of lib-intake.sh). A real site puts its CA-issued chain there (docs/deploy.md).
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$WORK/nginx/tls/civitas.key" -out "$WORK/nginx/tls/civitas.crt" 2> "$WORK/openssl.log" \
    || fail "openssl could not make the certificate"
chmod 600 "$WORK/nginx/tls/civitas.key"
export CURL_CA_BUNDLE="$WORK/nginx/tls/civitas.crt"
sed -e "s#include /etc/nginx/civitas-upstreams.conf;#include $WORK/nginx/civitas-upstreams.conf;#" \
    -e "s/listen 80;/listen 127.0.0.1:$LB;/" -e "s/listen 443 ssl http2;/listen 127.0.0.1:$LBS ssl http2;/" \
    -e "s#/etc/nginx/tls/#$WORK/nginx/tls/#" -e "s#https://\$host\$request_uri#https://\$host:$LBS\$request_uri#" \
    deploy/nginx/civitas.conf > "$WORK/nginx/civitas.conf"
# the file as shipped must still have the lines replaced here, or the checks below would test something else
for want in "listen 127.0.0.1:$LB;" "listen 127.0.0.1:$LBS ssl http2;" "ssl_certificate_key $WORK/nginx/tls/civitas.key;" \
            "return 301 https://\$host:$LBS\$request_uri;" "include $WORK/nginx/civitas-upstreams.conf;"; do
    grep -qF "$want" "$WORK/nginx/civitas.conf" || fail "deploy/nginx/civitas.conf changed: no '$want' after the edits"
done
cat > "$WORK/nginx/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx.log warn;
events { worker_connections 256; }
http {
    # when each request started (msec - request_time) and which node it reached: the restart check reads it
    log_format civitas_nodes '\$msec \$request_time "\$upstream_addr" \$status \$request_uri';
    access_log $WORK/nginx/access.log civitas_nodes;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/civitas.conf;
}
NGINX
# the upstream groups follow the nodes' readiness (deploy/nginx/civitas-upstreams.sh): once before nginx starts,
# then every second beside it
export CIVITAS_NODES="node1=127.0.0.1:$A1@127.0.0.1:$M1 node2=127.0.0.1:$A2@127.0.0.1:$M2" \
       CIVITAS_UPSTREAMS="$WORK/nginx/civitas-upstreams.conf" CIVITAS_NGINX="nginx -c $WORK/nginx/nginx.conf -p $WORK/nginx"
bash deploy/nginx/civitas-upstreams.sh --once
grep -q "^# .*Ready: node1 node2$" "$CIVITAS_UPSTREAMS" || fail "civitas-upstreams.sh: $(head -1 "$CIVITAS_UPSTREAMS")"
nginx -t -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" 2>&1 | tail -1
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" < /dev/null &
PIDS[nginx]=$!
bash deploy/nginx/civitas-upstreams.sh < /dev/null > "$WORK/upstreams.log" 2>&1 &
PIDS[upstreams]=$!
LBURL="https://127.0.0.1:$LBS"
for i in $(seq 1 20); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$LBURL/login")" = 200 ] && break
    [ "$i" = 20 ] && fail "nginx does not answer"
    sleep 1
done

section "TLS in front: HTTP is sent to HTTPS, HSTS, HTTP/2, the session cookie"
redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$LB/public/track?x=1")
[ "$redirect" = "301 https://127.0.0.1:$LBS/public/track?x=1" ] || fail "HTTP is not redirected to HTTPS ($redirect)"
echo "http://…/public/track?x=1 -> $redirect"
curl -s -o /dev/null -D "$WORK/login.headers" -w '%{http_version}\n' "$LBURL/login" > "$WORK/login.version"
[ "$(cat "$WORK/login.version")" = 2 ] || fail "nginx did not speak HTTP/2 over TLS ($(cat "$WORK/login.version"))"
hsts=$(grep -ci '^strict-transport-security: max-age=63072000' "$WORK/login.headers" || true)
[ "$hsts" = 1 ] && [ "$(grep -ci '^strict-transport-security' "$WORK/login.headers")" = 1 ] \
    || fail "HTTPS answers need exactly one HSTS header (max-age=63072000): $(grep -i '^strict' "$WORK/login.headers")"
cookie=$(grep -i '^set-cookie: JSESSIONID=' "$WORK/login.headers" | tr -d '\r')
for attribute in Secure HttpOnly SameSite=Lax; do
    [[ "$cookie; " == *"; $attribute; "* ]] || fail "the session cookie over HTTPS lacks $attribute: $cookie"
done
echo "HTTP/2, one HSTS header; ${cookie%%=*}=…; ${cookie#*; }"
# Straight to a node, bypassing nginx: the forged X-Forwarded-Proto of an address that is not nginx's is ignored.
cookie=$(curl -s -o /dev/null -D - --interface 127.0.0.2 -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$A1/login" \
    | grep -i '^set-cookie: JSESSIONID=' | tr -d '\r')
[ -n "$cookie" ] && [[ "$cookie; " != *"; Secure; "* ]] || fail "a client that is not the proxy made the cookie Secure: $cookie"
echo "from 127.0.0.2 straight to node1 with a forged X-Forwarded-Proto: https: no Secure"
# the app builds its own links from what nginx forwarded: HTTPS, nginx's port
anonymous=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$LBURL/")
[ "$anonymous" = "302 https://127.0.0.1:$LBS/login" ] || fail "an anonymous visitor of / is not sent to the HTTPS login ($anonymous)"
echo "an anonymous visitor of / -> $anonymous"

# A fresh browser session through nginx: prints the node its session id names.
session_node() { # cookie-jar
    curl -s -o /dev/null -c "$1" "$LBURL/login"
    sed -n 's/.*JSESSIONID\t[^.]*\.\(node[0-9]\).*/\1/p' "$1"
}
declare -A SEEN=()
for i in $(seq 1 6); do
    n=$(session_node "$WORK/jar$i")
    [ -n "$n" ] || fail "session $i has no node in its id"
    SEEN[$n]=1
    # a second request with the same cookie stays on the same node: the session (if it is named again) is the same
    id1=$(sed -n 's/.*JSESSIONID\t\(.*\)$/\1/p' "$WORK/jar$i")
    curl -s -o /dev/null -b "$WORK/jar$i" -c "$WORK/jar$i.2" "$LBURL/login"
    id2=$(sed -n 's/.*JSESSIONID\t\(.*\)$/\1/p' "$WORK/jar$i.2")
    [ -z "$id2" ] || [ "$id2" = "$id1" ] || fail "session $i was not kept by its node ($id1 -> $id2)"
done
[ -n "${SEEN[node1]:-}" ] && [ -n "${SEEN[node2]:-}" ] || fail "both nodes should serve: saw ${!SEEN[*]}"
echo "six fresh sessions spread over ${!SEEN[*]}; each stays on its node"

# --- a node restarts: no session before its readiness ---------------------------------------------------------------
section "A restarted node gets no session through nginx before its readiness is UP"
# a browser whose session lives on node2: it comes back after the restart with the lost session's id
stale=
for i in $(seq 1 12); do
    [ "$(session_node "$WORK/stale")" = node2 ] && { stale="$WORK/stale"; break; }
done
[ -n "$stale" ] || fail "no session on node2 to come back with"
kill "${PIDS[node2]}"
for _ in $(seq 1 40); do kill -0 "${PIDS[node2]}" 2>/dev/null || break; sleep 1; done
unset 'PIDS[node2]'
for i in $(seq 1 20); do
    grep -q "^# .*Ready: node1$" "$CIVITAS_UPSTREAMS" && break
    [ "$i" = 20 ] && fail "civitas-upstreams.sh did not take the stopped node2 out: $(head -1 "$CIVITAS_UPSTREAMS")"
    sleep 1
done
RESTART_MS=$(date +%s%3N)
# node2 warms for 15 s (its rounds uncapped), so that its port is open well before it is ready
CIVITAS_NODE_ARGS="--civitas.warm-up.rounds=100000000 --civitas.warm-up.max=PT15S" launch_node node2 "$A2" "$M2"
fresh=0 back=0 open_unready=0 start=$SECONDS
while :; do
    kill -0 "${PIDS[node2]}" 2>/dev/null || fail "node2 exited during its restart"
    # is node2's port open while it is not ready? (a bare TCP connection: no request, no session)
    if ! ready "$M2" && (exec 3<>"/dev/tcp/127.0.0.1/$A2") 2>/dev/null; then open_unready=$((open_unready + 1)); fi
    n=$(session_node "$WORK/probe")          # a new visitor
    fresh=$((fresh + 1))
    [ "$n" = node2 ] && break
    curl -s -o /dev/null -b "$stale" "$LBURL/login"   # node2's former user, with the lost session's id
    back=$((back + 1))
    [ $((SECONDS - start)) -ge 240 ] && fail "node2 got no new session within 240 s of its restart"
    sleep 0.2
done
up=$(sed -n 's/^\([0-9T:.+Z-]*\) .*Warm-up done, ready for traffic.*/\1/p' "$WORK/node2.log" | head -1)
[ -n "$up" ] || fail "node2's log has no 'Warm-up done' line"
UP_MS=$(date -d "$up" +%s%3N)
# every request nginx passed to node2 since the restart, by when it started (a retry lists both nodes)
early=$(awk -v a="127.0.0.1:$A2" -v from="$RESTART_MS" -v up="$UP_MS" '
    { start = ($1 - $2) * 1000 } start >= from && index($3, a) && start < up { print }' "$WORK/nginx/access.log")
[ -z "$early" ] || fail "nginx sent requests to node2 before its readiness was UP ($up): $early"
during=$(awk -v from="$RESTART_MS" -v up="$UP_MS" '{ start = ($1 - $2) * 1000 } start >= from && start < up' \
    "$WORK/nginx/access.log" | wc -l)
[ "$open_unready" -ge 3 ] && [ "$during" -ge 20 ] \
    || fail "the check proves little: node2's port was seen open and unready $open_unready times, $during requests while it warmed"
echo "node2 restarted: its port open and not ready at $open_unready probes; $during requests through nginx while it"
echo "warmed (new visitors and $back returns of a browser with a lost node2 session) all went to node1;"
echo "readiness UP at $up; a new visitor reached node2 $(( $(date +%s%3N) - UP_MS )) ms later, after $fresh visitors"

# --- public allowances per citizen --------------------------------------------------------------------------------
section "Two citizens behind nginx have separate allowances on the public tracking page; push through nginx"
# The allowances count lookups on the tracking page, a Vaadin view: this is a browser's conversation with it in
# Vaadin's protocol (UIDL), with curl: open the page, start the UI (v-r=init), navigate, then type and click.
# Each citizen has its own source address on loopback (nginx writes X-Forwarded-For itself: a header would not do).
declare -A UI_FROM=() UI_KEY=() UI_PUSH=() UI_SYNC=() UI_CLIENT=() UI_NUMBER=() UI_CODE=() UI_BUTTON=()
ui_curl() { # citizen curl-args...
    local who=$1 extra=(); shift
    [ -z "${UI_HEADER:-}" ] || extra=(-H "$UI_HEADER")
    curl -s --interface "${UI_FROM[$who]}" -b "$WORK/ui-$who.jar" -c "$WORK/ui-$who.jar" "${extra[@]}" "$@"
}
json_value() { # file key: the first "key":value (a string without its quotes, or a number)
    { grep -o "\"$2\":\(\"[^\"]*\"\|[0-9]*\)" "$1" || true; } | head -1 | cut -d: -f2 | tr -d '"'
}
node_with_id() { # file element-id
    { grep -o "\"node\":[0-9]*,\"type\":\"put\",\"key\":\"id\",\"feat\":[0-9]*,\"value\":\"$2\"" "$1" || true; } | head -1 \
        | sed 's/"node":\([0-9]*\),.*/\1/'
}
ui_rpc() { # citizen rpc-json... : one round trip; the answer is in $WORK/ui-<citizen>.out
    local who=$1 rpc; shift
    rpc=$(IFS=,; echo "$*")
    ui_curl "$who" -H 'Content-Type: application/json; charset=UTF-8' -o "$WORK/ui-$who.out" --data-binary \
        "{\"csrfToken\":\"${UI_KEY[$who]}\",\"rpc\":[$rpc],\"syncId\":${UI_SYNC[$who]},\"clientId\":${UI_CLIENT[$who]}}" \
        "$LBURL/?v-r=uidl&v-uiId=0"
    UI_SYNC[$who]=$(json_value "$WORK/ui-$who.out" syncId)
    UI_CLIENT[$who]=$(json_value "$WORK/ui-$who.out" clientId)
    [ -n "${UI_SYNC[$who]}" ] && [ -n "${UI_CLIENT[$who]}" ] || fail "no UIDL answer for $who: $(head -c 300 "$WORK/ui-$who.out")"
}
ui_open() { # citizen source-address
    local who=$1
    UI_FROM[$who]=$2
    ui_curl "$who" -o /dev/null "$LBURL/public/track"
    ui_curl "$who" -o "$WORK/ui-$who.out" "$LBURL/?v-r=init&location=public%2Ftrack&query="
    UI_KEY[$who]=$(json_value "$WORK/ui-$who.out" Vaadin-Security-Key)
    UI_PUSH[$who]=$(json_value "$WORK/ui-$who.out" Vaadin-Push-ID)
    UI_SYNC[$who]=$(json_value "$WORK/ui-$who.out" syncId)
    UI_CLIENT[$who]=$(json_value "$WORK/ui-$who.out" clientId)
    [ -n "${UI_KEY[$who]}" ] || fail "the UI of $who did not start: $(head -c 300 "$WORK/ui-$who.out")"
    ui_rpc "$who" '{"type":"event","node":1,"event":"ui-navigate","data":{"route":"public/track","query":"","appShellTitle":"","historyState":{"idx":0},"trigger":""}}'
    UI_NUMBER[$who]=$(node_with_id "$WORK/ui-$who.out" public-track-number)
    UI_CODE[$who]=$(node_with_id "$WORK/ui-$who.out" public-track-code)
    UI_BUTTON[$who]=$(node_with_id "$WORK/ui-$who.out" public-track-submit)
    [ -n "${UI_NUMBER[$who]}" ] && [ -n "${UI_CODE[$who]}" ] && [ -n "${UI_BUTTON[$who]}" ] \
        || fail "the tracking page of $who has no number, code or button"
}
TOO_MANY='操作过于频繁' # public.error.tooMany
NOT_FOUND='未找到该工单' # citizen.error.notFound: the lookup was made
ui_lookup() { # citizen number: types a case number and a code, clicks; LOOKUP= made / refused / ?
    local who=$1
    ui_rpc "$who" "{\"type\":\"mSync\",\"node\":${UI_NUMBER[$who]},\"feature\":1,\"property\":\"value\",\"value\":\"$2\"}" \
        "{\"type\":\"mSync\",\"node\":${UI_CODE[$who]},\"feature\":1,\"property\":\"value\",\"value\":\"1234\"}" \
        "{\"type\":\"event\",\"node\":${UI_BUTTON[$who]},\"event\":\"click\",\"data\":{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,\"event.ctrlKey\":false,\"event.clientX\":0,\"event.clientY\":0,\"event.altKey\":false,\"event.button\":0,\"event.screenY\":0,\"event.screenX\":0}}"
    # not echoed: a $(…) would lose the conversation's ids that ui_rpc keeps
    if grep -q "$TOO_MANY" "$WORK/ui-$who.out"; then LOOKUP=refused
    elif grep -q "$NOT_FOUND" "$WORK/ui-$who.out"; then LOOKUP=made
    else LOOKUP="?"; fi
}
ALLOWANCE=60 # civitas.public.lookups-per-hour
ui_open alice 127.0.0.2
ui_open bob 127.0.0.3
for i in $(seq 1 "$ALLOWANCE"); do
    ui_lookup alice "WM2099$(printf '%08d' "$i")"
    [ "$LOOKUP" = made ] || fail "alice's lookup $i of $ALLOWANCE was not made ($LOOKUP): $(head -c 400 "$WORK/ui-alice.out")"
done
ui_lookup alice WM209900000999
[ "$LOOKUP" = refused ] || fail "alice's lookup $((ALLOWANCE + 1)) within the hour was not refused ($LOOKUP)"
echo "alice (127.0.0.2): $ALLOWANCE lookups made, the next one refused"
# bob claims to be alice: nginx replaces the header, so bob is counted as himself and alice's spent allowance is not his
UI_HEADER='X-Forwarded-For: 127.0.0.2' ui_lookup bob WM209900001000
[ "$LOOKUP" = made ] || fail "bob (127.0.0.3) was refused after alice spent her allowance ($LOOKUP): one allowance for all"
buckets=$(sqlp civitas -e "SELECT CONCAT(bucket_key, '=', FLOOR(tokens)) FROM rate_bucket WHERE bucket_key LIKE 'TRACK|%'
                           ORDER BY bucket_key" | tr '\n' ' ')
[[ "$buckets" == *"TRACK|127.0.0.2=0 "* ]] && [[ "$buckets" == *"TRACK|127.0.0.3="* ]] \
    && [[ "$buckets" != *"TRACK|127.0.0.1="* ]] || fail "the lookups were not counted per citizen: $buckets"
echo "bob (127.0.0.3) still looks up; allowances counted: $buckets"
# Vaadin's push over WebSocket, through nginx's TLS, on alice's session: Atmosphere's handshake, no expired session.
curl -s --http1.1 -N --max-time 3 --interface 127.0.0.2 -b "$WORK/ui-alice.jar" -D "$WORK/push.headers" \
    -o "$WORK/push.body" -H 'Connection: Upgrade' -H 'Upgrade: websocket' -H 'Sec-WebSocket-Version: 13' \
    -H "Sec-WebSocket-Key: $(head -c 16 /dev/urandom | base64)" \
    "$LBURL/VAADIN/push?v-r=push&v-uiId=0&v-pushId=${UI_PUSH[alice]}&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true&X-atmo-protocol=true" \
    || true
head -1 "$WORK/push.headers" | grep -q ' 101' && grep -aq '|X|' "$WORK/push.body" && ! grep -aq sessionExpired "$WORK/push.body" \
    || fail "push over WebSocket through nginx failed: $(head -1 "$WORK/push.headers") $(head -c 200 "$WORK/push.body")"
echo "push: $(head -1 "$WORK/push.headers" | tr -d '\r'), Atmosphere's handshake on alice's session"

# --- one reminder while both nodes sweep ----------------------------------------------------------------------------
section "An overdue case gets one reminder while both nodes sweep every minute"
sqlp civitas <<SQL
INSERT INTO case_file (number, channel, received_at, address, description, status, created_by, district_code,
                       lead_unit_code, item_code, urgency, dispatched_at, sign_due_at, handle_due_at, warn_at, version)
VALUES ('WM209901010001', 'WEB', NOW(6) - INTERVAL 3 DAY, '中华路 1 号', '多节点测试：超期工单', 'DISPATCHED', 'ci',
        'D05', 'D05', 'SR-04', 'NORMAL', NOW(6) - INTERVAL 3 DAY, NOW(6) - INTERVAL 2 DAY, NOW(6) - INTERVAL 1 HOUR,
        NOW(6) - INTERVAL 1 DAY, 0);
SQL
CASE_ID=$(sqlp civitas -e "SELECT id FROM case_file WHERE number = 'WM209901010001'")
reminders() { sqlp civitas -e "SELECT COUNT(*) FROM supervision_order WHERE case_id = $CASE_ID AND level = 'REMINDER'"; }
for i in $(seq 1 80); do
    [ "$(reminders)" -ge 1 ] && break
    [ "$i" = 80 ] && fail "no reminder within 80 s"
    sleep 1
done
sleep 65 # one more tick of both nodes
[ "$(reminders)" = 1 ] || fail "the overdue case got $(reminders) reminders, not one"
echo "one reminder after two ticks of two nodes; sweeps per node: node1 $(grep -c 'Deadline sweep at' "$WORK/node1.log" || true), node2 $(grep -c 'Deadline sweep at' "$WORK/node2.log" || true)"

# --- a node dies ------------------------------------------------------------------------------------------------------
section "Killing one node leaves the other node's sessions working"
login_via_lb() { # cookie-jar: logs admin in through nginx (with the login page's CSRF token), prints the node
    local token
    rm -f "$1"
    token=$(curl -s -c "$1" "$LBURL/login" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
    curl -s -o /dev/null -b "$1" -c "$1" --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASS" \
        --data-urlencode "_csrf=$token" "$LBURL/login"
    sed -n 's/.*JSESSIONID\t[^.]*\.\(node[0-9]\).*/\1/p' "$1" | tail -1
}
declare -A JAR_OF=()
for i in $(seq 1 8); do
    n=$(login_via_lb "$WORK/admin$i")
    [ -n "$n" ] && JAR_OF[$n]="$WORK/admin$i"
    [ -n "${JAR_OF[node1]:-}" ] && [ -n "${JAR_OF[node2]:-}" ] && break
done
[ -n "${JAR_OF[node1]:-}" ] && [ -n "${JAR_OF[node2]:-}" ] || fail "could not get a signed-in session on each node"
home() { curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$1" "$LBURL/"; }
echo "before: node1 session -> $(home "${JAR_OF[node1]}"), node2 session -> $(home "${JAR_OF[node2]}")"
kill -9 "${PIDS[node1]}"
unset 'PIDS[node1]'
sleep 2
after=$(home "${JAR_OF[node2]}")
echo "after kill -9 node1: node2 session -> $after"
[ "${after%% *}" = 200 ] || fail "the node2 session stopped working when node1 died ($after)"
fresh=$(session_node "$WORK/fresh")
[ "$fresh" = node2 ] || fail "a new visitor was not sent to the surviving node ($fresh)"
echo "new visitors go to node2"

# --- failover -------------------------------------------------------------------------------------------------------
section "The primary dies; the replica is promoted; no acknowledged case is lost"
# shellcheck source=lib-intake.sh
source .ci/lib-intake.sh
ci_sql() { sqlp civitas "$@"; }
ci_channel_and_clerk
: > "$WORK/acked"
intake_load "$LBURL" FAILOVER 400 2 &
LOAD_PID=$!
for _ in $(seq 1 60); do [ "$(wc -l < "$WORK/acked" 2>/dev/null || echo 0)" -ge 30 ] && break; sleep 0.5; done
kill -9 "${PIDS[primary]}"
unset 'PIDS[primary]'
echo "primary killed with -9 after $(wc -l < "$WORK/acked") acknowledged cases, the load still sending"
sqlr -e "STOP SLAVE; RESET SLAVE ALL; SET GLOBAL read_only = OFF;"
echo "replica promoted"
wait "$LOAD_PID" || true
ci_sql() { sqlr civitas "$@"; }
check_acked "on the promoted replica, load through nginx to node2"
for i in $(seq 1 30); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "${JAR_OF[node2]}" "$LBURL/")
    [ "$code" = 200 ] && break
    [ "$i" = 30 ] && fail "node2 did not serve again after the failover ($code)"
    sleep 2
done
echo "node2 serves its session again"
n=$(login_via_lb "$WORK/after")
[ "$n" = node2 ] && [ "$(home "$WORK/after" | cut -d' ' -f1)" = 200 ] || fail "a new login after the failover failed"
echo "a new login (users read from the promoted replica) works on node2"

printf '\nmulti-node: PASSED\n'
