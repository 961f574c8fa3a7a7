package org.civitas.analysis;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hot spots (集中问题) for any period and filter: what the half-month analysis shows and what the inspectors' 暗访计划
 * proposes from (docs/decisions/DD070).
 */
@Service
public class HotSpotService {

    static final int MAX = 200;

    private final HotSpotQuery query;

    HotSpotService(HotSpotQuery query) {
        this.query = query;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR','LEADER','INSPECTOR')")
    @Transactional(readOnly = true, isolation = Isolation.READ_COMMITTED)
    public List<RankedSpot> rank(SpotFilter filter) {
        if (filter.from() == null || filter.to() == null || filter.to().isBefore(filter.from())) {
            throw new org.civitas.base.RuleViolation("hotspot.error.period");
        }
        return query.rank(new SpotFilter(filter.from(), filter.to(), filter.districtCodes(), filter.categoryCodes(),
                Math.max(1, Math.min(MAX, filter.limit()))));
    }
}
