package org.civitas.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRequestRepository extends JpaRepository<CaseRequest, Long> {

    List<CaseRequest> findByCaseIdOrderByIdAsc(Long caseId);

    boolean existsByCaseIdAndKindAndState(Long caseId, RequestKind kind, RequestState state);
}
