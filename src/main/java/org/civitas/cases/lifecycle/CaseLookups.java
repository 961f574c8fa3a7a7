package org.civitas.cases.lifecycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.cases.PublicCase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reads every channel intake makes, in plain SQL on the transaction's connection: Hibernate's query
 * interpretation and entity loading cost more CPU than the database work (docs/benchmarks.md, intake).
 */
@Component
class CaseLookups {

    private final JdbcTemplate jdbc;

    CaseLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The case a channel filed under its own id. */
    Optional<Long> idOfChannelRef(Channel channel, String channelRef) {
        return jdbc.query("select id from case_file where channel = ? and channel_ref = ?",
                (rs, i) -> rs.getLong(1), channel.name(), channelRef).stream().findFirst();
    }

    /** The ids of the cases filed before under these ids of a channel, by channel id (one SELECT). */
    Map<String, Long> idsOfChannelRefs(Channel channel, Collection<String> channelRefs) {
        Map<String, Long> ids = new HashMap<>();
        if (channelRefs.isEmpty()) {
            return ids;
        }
        String in = String.join(", ", Collections.nCopies(channelRefs.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(channel.name());
        args.addAll(channelRefs);
        jdbc.query("select channel_ref, id from case_file where channel = ? and channel_ref in (" + in + ")",
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                }, args.toArray());
        return ids;
    }

    /** The public steps of a case, oldest first: its history without internal rows, of the given actions only. */
    List<PublicCase.Step> publicSteps(long caseId, Set<CaseAction> actions) {
        return jdbc.query("select at, action, to_status from case_history where case_id = ? and not internal "
                        + "order by id", (rs, i) -> new PublicCase.Step(
                        rs.getObject(1, java.time.LocalDateTime.class), CaseAction.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : CaseStatus.valueOf(rs.getString(3))), caseId)
                .stream().filter(s -> actions.contains(s.action())).toList();
    }
}
