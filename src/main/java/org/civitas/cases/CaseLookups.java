package org.civitas.cases;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** The public steps of a case, oldest first: its history without internal rows, of the given actions only. */
    List<PublicCase.Step> publicSteps(long caseId, Set<CaseAction> actions) {
        return jdbc.query("select at, action, to_status from case_history where case_id = ? and not internal "
                        + "order by id", (rs, i) -> new PublicCase.Step(
                        rs.getObject(1, java.time.LocalDateTime.class), CaseAction.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : CaseStatus.valueOf(rs.getString(3))), caseId)
                .stream().filter(s -> actions.contains(s.action())).toList();
    }
}
