package org.civitas.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionOrderRepository extends JpaRepository<SupervisionOrder, Long> {

    /** The order if it is addressed to {@code unitCode}: a clerk's scope is part of the load. */
    Optional<SupervisionOrder> findByIdAndUnitCode(long id, String unitCode);

    List<SupervisionOrder> findByCaseIdOrderByIdAsc(long caseId);
}
