package org.civitas.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.civitas.base.ui.Toasts;
import org.civitas.security.SessionRow;

/** Signed-in sessions with an "end" button on every one but the viewer's own. */
class SessionGrid extends Grid<SessionRow> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Function<String, List<SessionRow>> load;

    SessionGrid(boolean withUser, Function<String, List<SessionRow>> load, Consumer<SessionRow> end) {
        this.load = load;
        if (withUser) {
            addColumn(SessionRow::username).setHeader(getTranslation("session.user")).setAutoWidth(true);
        }
        addColumn(r -> time(r.loginAt())).setHeader(getTranslation("session.loginAt")).setAutoWidth(true);
        addColumn(r -> time(r.lastActivity())).setHeader(getTranslation("session.lastActivity")).setAutoWidth(true);
        addColumn(r -> r.client() == null ? "" : r.client()).setHeader(getTranslation("session.client"))
                .setAutoWidth(true);
        addColumn(r -> BrowserLabel.of(r.userAgent())).setTooltipGenerator(r -> r.userAgent() == null ? ""
                : r.userAgent()).setHeader(getTranslation("session.agent")).setFlexGrow(1);
        addComponentColumn(r -> {
            if (r.current()) {
                Span here = new Span(getTranslation("session.current"));
                here.getElement().getThemeList().add("badge success");
                return here;
            }
            Button button = new Button(getTranslation("session.end"), e -> {
                if (Toasts.attempt(() -> {
                    end.accept(r);
                    return Boolean.TRUE;
                }, getTranslation("session.ended")).isPresent()) {
                    refresh();
                }
            });
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return button;
        }).setAutoWidth(true);
        refresh();
    }

    void refresh() {
        setItems(load.apply(currentSessionId()));
    }

    static String currentSessionId() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null || session.getSession() == null ? "" : session.getSession().getId();
    }

    private static String time(LocalDateTime t) {
        return t == null ? "" : TIME.format(t);
    }
}
