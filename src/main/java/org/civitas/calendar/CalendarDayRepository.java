package org.civitas.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    /** {@code to} is exclusive. */
    List<CalendarDay> findByDayGreaterThanEqualAndDayLessThanOrderByDay(LocalDate from, LocalDate to);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from CalendarDay d where d.day >= :from and d.day < :to")
    int deleteBetween(LocalDate from, LocalDate to);
}
