package org.civitas.cases.lifecycle;

import java.util.List;
import java.util.Set;
import org.civitas.cases.RequestKind;
import org.civitas.cases.RequestState;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRequestRepository extends JpaRepository<CaseRequest, Long> {

    List<CaseRequest> findByCaseIdOrderByIdAsc(Long caseId);

    boolean existsByCaseIdAndKindAndState(Long caseId, RequestKind kind, RequestState state);

    /** The kinds of the case's requests awaiting a decision. */
    @Query("select distinct r.kind from CaseRequest r where r.caseId = :caseId"
            + " and r.state = org.civitas.cases.RequestState.PENDING")
    Set<RequestKind> pendingKinds(@Param("caseId") Long caseId);
}
