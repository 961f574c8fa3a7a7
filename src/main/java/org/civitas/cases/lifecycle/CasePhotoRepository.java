package org.civitas.cases.lifecycle;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CasePhotoRepository extends JpaRepository<CasePhoto, Long> {

    @Query("select p from CasePhoto p where p.caseId = :caseId order by p.id")
    List<CasePhoto> findByCaseId(Long caseId);
}
