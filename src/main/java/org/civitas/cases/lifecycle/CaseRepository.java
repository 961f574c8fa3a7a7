package org.civitas.cases.lifecycle;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.civitas.cases.Channel;
import org.civitas.cases.duplicates.DuplicateRules;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CaseRepository extends JpaRepository<CaseFile, Long> {

    Optional<CaseFile> findByNumber(String number);

    /**
     * The case with its row locked until the transaction ends: two actions on one case queue here, and the second
     * then sees the first one's version and is refused cleanly (instead of both taking shared locks through their
     * history rows and deadlocking on the update).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CaseFile c where c.id = :id")
    Optional<CaseFile> findForUpdate(long id);

    Optional<CaseFile> findByChannelAndChannelRef(Channel channel, String channelRef);

    /** Replied cases whose complainant did not rate before the cut-off. */
    @Query("select c.id from CaseFile c where c.status = 'REPLIED' and c.rating is null and c.repliedAt < :cutoff")
    List<Long> findUnratedRepliedBefore(LocalDateTime cutoff);

    /**
     * Open cases of the item or of its category in the window, in the district (or without one), newest first: the
     * candidates {@link DuplicateRules} scores. {@code district} null: every district.
     */
    @Query("""
            select c from CaseFile c
            where (c.itemCode = :itemCode or c.categoryCode = :categoryCode)
              and c.status not in ('CLOSED', 'INVALID', 'MERGED')
              and c.receivedAt >= :since and c.id <> :exceptId
              and (:district is null or c.districtCode is null or c.districtCode = :district)
            order by c.receivedAt desc""")
    List<CaseFile> findDuplicateCandidates(String itemCode, String categoryCode, String district,
                                           LocalDateTime since, long exceptId, org.springframework.data.domain.Pageable page);

    /** Open cases of the item or its category inside a box of coordinates (the prefilter of the distance). */
    @Query("""
            select c from CaseFile c
            where (c.itemCode = :itemCode or c.categoryCode = :categoryCode)
              and c.status not in ('CLOSED', 'INVALID', 'MERGED')
              and c.receivedAt >= :since and c.id <> :exceptId
              and c.latitude between :south and :north and c.longitude between :west and :east
              and c.locationApproximate = false
            order by c.receivedAt desc""")
    List<CaseFile> findCandidatesInBox(String itemCode, String categoryCode, BigDecimal south, BigDecimal north,
                                       BigDecimal west, BigDecimal east, LocalDateTime since, long exceptId);

    /** The cases merged into any of {@code masterIds}, oldest first. */
    @Query("select c from CaseFile c where c.masterCaseId in :masterIds and c.status = 'MERGED' "
            + "order by c.receivedAt, c.id")
    List<CaseFile> findMergedInto(java.util.Collection<Long> masterIds);
}
