package org.civitas.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/** One exception to the Monday–Friday week, as the State Council's notice lists it. */
@Entity
@Table(name = "calendar_day")
class CalendarDay implements Persistable<LocalDate> {

    static final int MAX_NAME = 32;

    @Id
    private LocalDate day;

    // The column is VARCHAR; Hibernate's MariaDB dialect would otherwise expect a native ENUM and fail validation.
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private DayKind kind;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    // The key is assigned, not generated: without this, save() would select before every insert.
    @Transient
    private boolean fresh = true;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, DayKind kind, String name) {
        this.day = day;
        this.kind = kind;
        this.name = name;
    }

    @Override
    public LocalDate getId() {
        return day;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        fresh = false;
    }

    CalendarDayRow toRow() {
        return new CalendarDayRow(day, kind, name, day.getDayOfWeek());
    }

    LocalDate getDay() {
        return day;
    }

    DayKind getKind() {
        return kind;
    }
}
