package org.civitas.cases.lifecycle;

import java.util.List;
import org.springframework.data.repository.Repository;

interface CaseHistoryRepository extends Repository<CaseHistory, Long> {

    CaseHistory save(CaseHistory row);

    List<CaseHistory> findByCaseIdOrderByIdAsc(Long caseId);
}
