package org.civitas.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ListVersionRepository extends JpaRepository<ListVersion, Long> {

    /** The version in force on a day: the latest that took effect on or before it. */
    Optional<ListVersion> findFirstByEffectiveFromLessThanEqualOrderByEffectiveFromDesc(LocalDate day);

    Optional<ListVersion> findFirstByOrderByEffectiveFromDesc();

    List<ListVersion> findAllByOrderByEffectiveFromDesc();
}
