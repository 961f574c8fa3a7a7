#!/usr/bin/env bash
# Benchmarks of Civitas against a real MariaDB server (docs/benchmarks.md).
#
# Starts Debian's mariadbd on a private data folder and port (kept between runs, so the generated cases are loaded
# only once), loads BENCH_CASES cases with the generator when the database holds fewer, runs the measures of the
# Maven profile `bench` and writes docs/benchmarks.md. The server is stopped on exit (only the one started here).
#
#   bash bench/run.sh                       # 1,000,000 cases (default)
#   BENCH_CASES=20000000 bash bench/run.sh  # five years of a big city
# Environment (all optional):
#   BENCH_DATA=/work/bench-data   the data folder (never under /tmp; never in git)
#   BENCH_PORT=3330               port of the private server (the next free one if busy)
#   BENCH_POOL=4G                 innodb_buffer_pool_size; 20 M cases take ≈ 25 GB on disk, the hot indexes
#                                 of the inbox ≈ 3 GB: give it half the RAM of a dedicated 2-core/8 GB machine
#   BENCH_KEEP_SERVER=1           leave the server running after the run (stop: mariadb-admin -S $BENCH_DATA/mariadb.sock shutdown)
#   MAVEN_LOCK=/tmp/civitas-maven.lock   the shared Maven lock (flock) of the build machine, if any
#   BENCH_SESSIONS=500            sessions of the inbox measure (0: skip it); BENCH_SESSION_SECONDS=120 per phase
#   BENCH_SESSION_WARMUP=60       seconds of scrolling before the measured phase (the JIT's first minute; reported)
#   BENCH_JAR=path                the production jar for it (else built here with -Pproduction)
#   BENCH_SESSIONS_FROM_READINESS=1   the sessions measure from a node's start instead: SessionBench starts the jar
#                                 itself and starts all sessions at the instant its readiness is UP
#                                 (with BENCH_ONLY='SessionBench#five_hundred_sessions_from_readiness');
#                                 BENCH_APP_EXTRA_OPTS adds JVM options to that node (e.g. a CDS archive)
#   BENCH_SWEEP_OPEN=1000000      closed cases reopened (and put back) for the sweep over a million open cases
#   BENCH_SWEEP_OVERDUE=20000     closed cases made overdue (and put back) for the sweep over a backlog
#   BENCH_HTTP_PER_CLIENT=250     reports each of the 16 HTTP clients posts (default 250 one by one, 1,000 in batches)
#   BENCH_ONLY='IntakeBench'      run only these measures (a surefire -Dtest filter, also by method:
#                                 'IntakeBench#intake_over_http*,ExportBench'); the rows of earlier runs in target/bench
#                                 are kept, so the table can be assembled measure by measure
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$PATH:/usr/sbin"

CASES=${BENCH_CASES:-1000000}
DATA=${BENCH_DATA:-/work/bench-data}
POOL=${BENCH_POOL:-4G}
D=$DATA/mariadb
SOCK=$DATA/mariadb.sock
LOG=$DATA/mariadbd.log
case "$DATA" in /tmp/*) echo "BENCH_DATA must not be under /tmp" >&2; exit 2 ;; esac
mkdir -p "$DATA"

free_port() {
    local p=$1
    while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
    echo "$p"
}
PORT=$(free_port "${BENCH_PORT:-3330}")
DB_PID=
cleanup() {
    local rc=$?
    if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
    fi
    if [ -n "$DB_PID" ] && [ "${BENCH_KEEP_SERVER:-}" != 1 ] && kill -0 "$DB_PID" 2>/dev/null; then
        mariadb-admin -S "$SOCK" -uroot shutdown 2>/dev/null || kill "$DB_PID"
        for _ in $(seq 1 60); do kill -0 "$DB_PID" 2>/dev/null || break; sleep 1; done
    fi
    exit "$rc"
}
trap cleanup EXIT

if mariadb-admin -S "$SOCK" -uroot --silent ping >/dev/null 2>&1; then
    # a server kept by an earlier run (BENCH_KEEP_SERVER=1): reuse it
    PORT=$(mariadb -S "$SOCK" -uroot -N -e 'select @@port')
    echo "reusing the running server on port $PORT"
else
if [ ! -d "$D/mysql" ]; then
    mariadb-install-db --user="$(id -un)" --datadir="$D" --auth-root-authentication-method=normal --skip-test-db \
        > "$DATA/install-db.log" 2>&1 || { cat "$DATA/install-db.log"; exit 1; }
fi
# InnoDB for a bulk-loaded, read-mostly benchmark: a buffer pool of $POOL, a large redo log so the load is not
# throttled by checkpoints, flush at commit every second (a crash may lose the last second: fine for a benchmark,
# production keeps the default 1), no doublewrite during the load.
mariadbd --user="$(id -un)" --datadir="$D" --socket="$SOCK" --port="$PORT" --bind-address=127.0.0.1 \
    --log-error="$LOG" --skip-log-bin --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size="$POOL" --innodb-log-file-size=1G --innodb-flush-log-at-trx-commit=2 \
    --innodb-doublewrite=0 --innodb-flush-method=O_DIRECT --max-connections=600 --local-infile=1 \
    --plugin-maturity=stable --plugin-load-add=ha_mroonga.so < /dev/null 2>/dev/null &
DB_PID=$!
for i in $(seq 1 60); do
    kill -0 "$DB_PID" 2>/dev/null || { tail -30 "$LOG"; echo "mariadbd exited"; exit 1; }
    mariadb-admin -S "$SOCK" -uroot --silent ping >/dev/null 2>&1 && break
    [ "$i" = 60 ] && { echo "mariadbd did not answer"; exit 1; }
    sleep 1
done
fi
mariadb -S "$SOCK" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS civitas CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'bench'@'127.0.0.1' IDENTIFIED BY 'bench';
GRANT ALL PRIVILEGES ON civitas.* TO 'bench'@'127.0.0.1';
SQL
echo "mariadbd $(mariadbd --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $D, buffer pool $POOL"

export SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$PORT/civitas?allowLocalInfile=true"
export SPRING_DATASOURCE_USERNAME=bench SPRING_DATASOURCE_PASSWORD=bench
export BENCH_CASES=$CASES BENCH_OUT=$ROOT/target/bench
if [ -z "${BENCH_ONLY:-}" ]; then rm -rf "$BENCH_OUT"; fi
mkdir -p "$BENCH_OUT"

# The sessions measure (SessionBench) needs Civitas running in its own JVM with a 1 GB heap: the production jar
# (BENCH_JAR, or built here with -Pproduction) on the same database, on a free port. BENCH_SESSIONS=0 skips it.
APP_PID=
if [ "${BENCH_SESSIONS:-500}" != 0 ]; then
    JAR=${BENCH_JAR:-}
    if [ -z "$JAR" ]; then
        BUILD=(./mvnw -B -o -ntp -Pproduction -DskipTests package)
        if [ -n "${MAVEN_LOCK:-}" ]; then BUILD=(flock "$MAVEN_LOCK" "${BUILD[@]}"); fi
        "${BUILD[@]}" > "$BENCH_OUT/production-build.log" 2>&1 || { tail -30 "$BENCH_OUT/production-build.log"; exit 1; }
        JAR=$(ls -t "$ROOT"/target/civitas-*.jar | head -1)
    fi
    # production refuses to start without a TOTP key (the bench's users have none to decrypt)
    export CIVITAS_TOTP_KEY="${CIVITAS_TOTP_KEY:-bench-$(head -c 24 /dev/urandom | base64)}"
    if [ "${BENCH_SESSIONS_FROM_READINESS:-}" = 1 ]; then
        # SessionBench starts (and stops) the node itself, to start the sessions at its readiness
        export BENCH_READINESS_JAR=$(readlink -f "$JAR")
        echo "SessionBench starts $BENCH_READINESS_JAR itself"
    else
        APP_PORT=$(free_port 18080)
        MANAGEMENT_PORT=$(free_port 19080)   # Actuator: the raw round trip and readiness (docs/operations.md)
        mkdir -p "$DATA/app"
        # the JVM options of deploy/systemd/civitas.service
        read -r -a APP_JAVA <<< "${BENCH_APP_JAVA_OPTS:-$(sed -n 's|^ExecStart=/usr/bin/java \(.*\) -jar .*|\1|p' deploy/systemd/civitas.service)}"
        (cd "$DATA/app" && exec java "${APP_JAVA[@]}" -jar "$JAR" --server.port="$APP_PORT" --civitas.demo.enabled=false \
            --management.server.port="$MANAGEMENT_PORT" \
            > "$DATA/app/civitas.log" 2>&1) &
        APP_PID=$!
        for i in $(seq 1 1800); do  # a migration on a large database can take minutes
            kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$DATA/app/civitas.log"; echo "Civitas exited"; exit 1; }
            # ready: migrated, and the warm-up of the hot paths done (traffic starts at readiness, as behind nginx)
            [ "$(curl -s -o /dev/null -w '%{http_code}' \
                "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness")" = 200 ] && break
            [ "$i" = 1800 ] && { echo "Civitas did not answer"; exit 1; }
            sleep 1
        done
        # the JVM's own pid (the subshell exec'ed java)
        export BENCH_APP_URL="http://127.0.0.1:$APP_PORT" BENCH_APP_PID=$APP_PID \
               BENCH_HEALTH_URL="http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/liveness"
        echo "Civitas (${APP_JAVA[*]}) on $BENCH_APP_URL, pid $APP_PID"
    fi
fi
LOCK=()
if [ -n "${MAVEN_LOCK:-}" ]; then LOCK=(flock "$MAVEN_LOCK"); fi
failed() { echo "bench: some measures failed (see above); the table holds the rows that were written" >&2; }
# a measure that throws leaves its row out; the others are still written to the table
if [ -z "${BENCH_ONLY:-}" ]; then
    "${LOCK[@]}" ./mvnw -B -o -ntp -Pbench test || failed
else
    # the chosen measures in the 2 GB JVM; the Excel export (ExportBench) only if named, in its own 256 MB JVM
    ONLY=$(echo "$BENCH_ONLY" | tr ',' '\n' | { grep -v '^ExportBench' || true; } | paste -sd, -)
    if [ -n "$ONLY" ]; then
        "${LOCK[@]}" ./mvnw -B -o -ntp -Pbench test-compile surefire:test@default-test "-Dtest=$ONLY" \
            -Dsurefire.failIfNoSpecifiedTests=false || failed
    fi
    if echo "$BENCH_ONLY" | grep -q ExportBench; then
        "${LOCK[@]}" ./mvnw -B -o -ntp -Pbench test-compile surefire:test@export-bench-256m -Dtest=ExportBench \
            -Dsurefire.failIfNoSpecifiedTests=false || failed
    fi
fi

{
    cat bench/header.md
    # the history count is InnoDB's estimate: counting 130 M rows exactly takes minutes on a cold buffer pool
    printf '\nRun: %s UTC, %s cases and ≈ %s history rows, MariaDB %s, buffer pool %s, %s cores, %s GB RAM.\n\n' \
        "$(date -u '+%Y-%m-%d %H:%M')" \
        "$(mariadb -S "$SOCK" -uroot -N civitas -e 'select format(count(*),0) from case_file')" \
        "$(mariadb -S "$SOCK" -uroot -N -e "select format(table_rows,0) from information_schema.tables where table_schema = 'civitas' and table_name = 'case_history'")" \
        "$(mariadbd --version | awk '{print $3}')" "$POOL" "$(nproc)" "$(free -g | awk '/Mem:/{print $2}')"
    echo '| measure | Civitas | raw operation | ratio | target | met |'
    echo '| --- | --- | --- | --- | --- | --- |'
    cat "$BENCH_OUT"/*.row 2>/dev/null
    echo
    cat "$BENCH_OUT"/*.note 2>/dev/null
} > "$BENCH_OUT/benchmarks.md"
echo "table in $BENCH_OUT/benchmarks.md"
