package org.civitas.calendar.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.LocalDate;
import org.civitas.calendar.CalendarService;
import org.civitas.calendar.DayKind;
import org.civitas.base.identity.AppRoles;
import org.civitas.test.KaribuTest;
import org.civitas.test.RunAs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CalendarViewTest extends KaribuTest {

    static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);

    @Autowired CalendarService calendar;

    @AfterEach
    void removeWhatATestLeft() {
        RunAs.user("admin", () -> calendar.days(2027).forEach(d -> calendar.remove(d.date())), AppRoles.ADMIN);
    }

    @Test
    void an_administrator_sees_the_days_of_a_year_and_its_count_of_working_days() {
        login("admin");
        navigate("admin/calendar");
        CalendarView view = _get(CalendarView.class);
        view.year.setValue(2026);
        assertThat(_size(view.grid)).isEqualTo(calendar.days(2026).size()).isGreaterThan(20);
        long expected = LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(calendar.workingCalendar()::isWorkingDay).count();
        assertThat(view.workingDays.getText()).isEqualTo("2026 年共 " + expected + " 个工作日");
    }

    @Test
    void a_holiday_added_in_the_dialog_is_listed_and_removed_after_confirmation() {
        login("admin");
        navigate("admin/calendar");
        CalendarView view = _get(CalendarView.class);
        view.year.setValue(2027);
        assertThat(_size(view.grid)).isZero();

        _click(_get(Button.class, spec -> spec.withId("calendar-add")));
        CalendarDayDialog dialog = _get(CalendarDayDialog.class);
        dialog.date.setValue(MONDAY);
        dialog.kind.setValue(DayKind.HOLIDAY);
        dialog.name.setValue("测试假日");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).name()).isEqualTo("测试假日");
        assertThat(calendar.workingCalendar().isWorkingDay(MONDAY)).isFalse();

        _click((Button) GridKt._getCellComponent(view.grid, 0, "actions"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(_size(view.grid)).isZero();
        assertThat(calendar.workingCalendar().isWorkingDay(MONDAY)).isTrue();
    }

    @Test
    void the_dialog_refuses_a_make_up_working_day_on_a_weekday_before_calling_the_service() {
        login("admin");
        navigate("admin/calendar");
        _click(_get(Button.class, spec -> spec.withId("calendar-add")));
        CalendarDayDialog dialog = _get(CalendarDayDialog.class);
        dialog.date.setValue(MONDAY);
        dialog.kind.setValue(DayKind.WORKDAY);
        dialog.name.setValue("补班");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.kind.isInvalid()).isTrue();
        assertThat(dialog.kind.getErrorMessage()).contains("2027-01-04");
    }

    @Test
    void a_unit_clerk_cannot_open_the_calendar() {
        login("clerk.wuchang");
        navigate("admin/calendar");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain())
                .noneMatch(CalendarView.class::isInstance);
    }
}
