# Shared by .ci/external-db.sh and .ci/multi-node.sh: a channel system with an API key, and an intake load through
# the API that records every case the API acknowledged (HTTP 200/201 with a case number).
# Needs: a function `ci_sql` running SQL against the civitas database, $WORK, curl, sha256sum.

CI_API_KEY="cvk_ci_$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# Creates channel system CI_APP (channel APP) with the key $CI_API_KEY, and a clerk of 武昌区 (D05) with an e-mail
# address, so that every dispatched case queues a notice and an e-mail in the outbox.
ci_channel_and_clerk() {
    local hash
    hash=$(printf '%s' "$CI_API_KEY" | sha256sum | cut -d' ' -f1)
    ci_sql <<SQL
INSERT INTO channel_system (code, name, channel, active, created_at)
VALUES ('CI_APP', 'CI 测试渠道', 'APP', TRUE, NOW(6));
INSERT INTO channel_api_key (channel_system_id, key_prefix, key_hash, label, created_at, created_by)
SELECT id, LEFT('$CI_API_KEY', 12), '$hash', 'ci', NOW(6), 'ci' FROM channel_system WHERE code = 'CI_APP';
INSERT INTO app_user (username, display_name, password_hash, unit_code, email, password_changed_at, created_at)
VALUES ('clerk.ci', '武昌区经办人（CI）', 'x', 'D05', 'clerk.ci@civitas.test', NOW(6), NOW(6));
INSERT INTO app_user_role (user_id, role) SELECT id, 'UNIT_CLERK' FROM app_user WHERE username = 'clerk.ci';
SQL
}

# intake_load URL PREFIX COUNT WORKERS: COUNT reports with refs PREFIX-<n>, WORKERS in parallel; appends
# "ref number" to $WORK/acked for every acknowledged one. Runs in the foreground; a refused connection ends nothing.
intake_load() {
    local url=$1 prefix=$2 count=$3 workers=$4 w
    local pids=()
    for w in $(seq 1 "$workers"); do
        (
            local n body out code number
            for n in $(seq "$w" "$workers" "$count"); do
                body=$(printf '{"ref":"%s-%d","phone":"13812345678","district":"D05","street":"S0501","address":"中华路 %d 号","description":"负载测试 %d：占道经营","item":"SR-04"}' \
                    "$prefix" "$n" "$n" "$n")
                out=$(curl -s -m 10 -w '\n%{http_code}' -H "X-API-Key: $CI_API_KEY" -H 'Content-Type: application/json' \
                    -d "$body" "$url/api/v1/cases" 2>/dev/null) || continue
                code=${out##*$'\n'}
                number=$(printf '%s' "$out" | sed -n 's/.*"number" *: *"\(WM[0-9]*\)".*/\1/p' | head -1)
                if { [ "$code" = 201 ] || [ "$code" = 200 ]; } && [ -n "$number" ]; then
                    echo "$prefix-$n $number" >> "$WORK/acked"
                fi
            done
        ) &
        pids+=($!)
    done
    wait "${pids[@]}" # only the workers: a bare wait would also wait for the app started in the background
}

# Every acknowledged case is in the database once, with its notice to the clerk and the e-mail in the outbox.
check_acked() { # label
    local missing=0 lost_notice=0 ref number
    [ -s "$WORK/acked" ] || fail "no case was acknowledged ($1)"
    while read -r ref number; do
        [ "$(ci_sql -e "SELECT COUNT(*) FROM case_file WHERE channel = 'APP' AND channel_ref = '$ref' AND number = '$number'")" = 1 ] \
            || { missing=$((missing + 1)); continue; }
        [ "$(ci_sql -e "SELECT COUNT(*) FROM notification n JOIN outbox_message o ON o.notification_id = n.id
                     WHERE n.case_number = '$number' AND n.recipient = 'clerk.ci' AND o.channel = 'EMAIL'")" -ge 1 ] \
            || lost_notice=$((lost_notice + 1))
    done < "$WORK/acked"
    [ "$missing" = 0 ] || fail "$missing acknowledged cases are missing ($1)"
    [ "$lost_notice" = 0 ] || fail "$lost_notice acknowledged cases lost their queued notice or e-mail ($1)"
    echo "all $(wc -l < "$WORK/acked") acknowledged cases are there, each with its notice and queued e-mail ($1)"
}
