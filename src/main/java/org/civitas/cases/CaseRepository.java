package org.civitas.cases;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jakarta.persistence.LockModeType;
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
     * Open cases of the item at the same address (the collation ignores case and trailing blanks) in the same
     * street; a street left empty on either side does not keep two reports of one address apart.
     */
    @Query("""
            select c from CaseFile c
            where c.itemCode = :itemCode and c.status not in ('CLOSED', 'INVALID', 'MERGED')
              and c.receivedAt >= :since and c.id <> :exceptId
              and c.address = :address
              and (:streetCode is null or c.streetCode is null or c.streetCode = :streetCode)
            order by c.receivedAt desc""")
    List<CaseFile> findPossibleDuplicates(String itemCode, String streetCode, String address, LocalDateTime since,
                                         long exceptId);

    /** Open cases of the item inside a box of coordinates: the indexed prefilter before the exact distance. */
    @Query("""
            select c from CaseFile c
            where c.itemCode = :itemCode and c.status not in ('CLOSED', 'INVALID', 'MERGED')
              and c.receivedAt >= :since and c.id <> :exceptId
              and c.latitude between :south and :north and c.longitude between :west and :east
            order by c.receivedAt desc""")
    List<CaseFile> findOpenInBox(String itemCode, BigDecimal south, BigDecimal north, BigDecimal west,
                                 BigDecimal east, LocalDateTime since, long exceptId);
}
