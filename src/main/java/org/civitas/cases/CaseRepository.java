package org.civitas.cases;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseRepository extends JpaRepository<CaseFile, Long> {

    Optional<CaseFile> findByNumber(String number);

    Optional<CaseFile> findByChannelAndChannelRef(Channel channel, String channelRef);

    /** Replied cases whose complainant did not rate before the cut-off. */
    @Query("select c.id from CaseFile c where c.status = 'REPLIED' and c.rating is null and c.repliedAt < :cutoff")
    List<Long> findUnratedRepliedBefore(LocalDateTime cutoff);

    @Query("""
            select c from CaseFile c
            where c.itemCode = :itemCode and c.status not in ('CLOSED', 'INVALID', 'MERGED')
              and c.receivedAt >= :since and c.id <> :exceptId
              and (c.streetCode = :streetCode or c.address = :address)
            order by c.receivedAt desc""")
    List<CaseFile> findPossibleDuplicates(String itemCode, String streetCode, String address, LocalDateTime since,
                                         long exceptId);
}
