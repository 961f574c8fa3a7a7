package org.civitas.notify.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.component.popover.PopoverVariant;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.civitas.notify.NotificationService;
import org.civitas.notify.NotificationView;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;

/**
 * The bell in the navigation bar: the signed-in user's unread count, and on click the latest notifications, each
 * linking to its case. The count is read again after every navigation and on every click: one indexed count.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class NotificationBell extends Composite<Div> implements AfterNavigationObserver {

    static final int SHOWN = 15;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final NotificationService notifications;
    private final Button button = new Button(VaadinIcon.BELL.create());
    private final Span badge = new Span();
    private final VerticalLayout list = new VerticalLayout();
    private final Popover popover = new Popover();

    public NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
        button.setId("notification-bell");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.addClickListener(e -> refresh());
        badge.setId("notification-count");
        badge.getElement().getThemeList().addAll(List.of("badge", "error", "primary", "pill", "small"));
        badge.getStyle().set("position", "absolute").set("top", "-0.4em").set("right", "-0.6em")
                .set("pointer-events", "none");

        Button markAll = new Button(getTranslation("notify.markAllRead"), e -> {
            notifications.markAllRead();
            refresh();
        });
        markAll.setId("notification-mark-all");
        markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        H4 title = new H4(getTranslation("notify.title"));
        title.getStyle().set("margin", "0");
        HorizontalLayout header = new HorizontalLayout(title, markAll);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        list.setPadding(false);
        list.setSpacing(false);
        list.setId("notification-list");
        list.getStyle().set("max-height", "60vh").set("overflow-y", "auto");
        VerticalLayout content = new VerticalLayout(header, list);
        content.setPadding(false);
        content.setWidth("24rem");

        popover.setTarget(button);
        popover.setPosition(PopoverPosition.BOTTOM_END);
        popover.addThemeVariants(PopoverVariant.ARROW);
        popover.add(content);

        getContent().getStyle().set("position", "relative").set("display", "inline-flex");
        getContent().add(button, badge, popover);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    /** Reads the count and the latest notifications again. */
    public void refresh() {
        long unread = notifications.unreadCount();
        badge.setText(unread > 99 ? "99+" : Long.toString(unread));
        badge.setVisible(unread > 0);
        button.setAriaLabel(getTranslation("notify.bell", unread));
        list.removeAll();
        var latest = notifications.latest(SHOWN);
        if (latest.isEmpty()) {
            list.add(new Span(getTranslation("notify.none")));
        }
        latest.forEach(n -> list.add(item(n)));
    }

    private Div item(NotificationView n) {
        Span time = new Span(TIME.format(n.createdAt()));
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span kind = new Span(getTranslation("NotificationKind." + n.kind().name()));
        kind.getElement().getThemeList().addAll(List.of("badge", n.unread() ? "primary" : "contrast",
                "small"));
        HorizontalLayout meta = new HorizontalLayout(kind, time);
        meta.setSpacing(true);
        meta.setAlignItems(FlexComponent.Alignment.BASELINE);
        Span text = new Span(getTranslation(n.messageKey(), n.args().toArray()));
        text.addClassName("notification-text");
        Div item = new Div(meta, text);
        if (n.caseId() != null) {
            Anchor open = new Anchor("cases/" + n.caseId(), n.caseNumber());
            open.getStyle().set("margin-left", "var(--lumo-space-s)");
            item.add(open);
        }
        item.addClassName("notification-item");
        item.getStyle().set("padding", "var(--lumo-space-s) 0")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("font-weight", n.unread() ? "600" : "normal").set("cursor", "pointer");
        item.addClickListener(e -> {
            if (n.unread()) {
                notifications.markRead(n.id());
            }
            popover.close();
            refresh();
        });
        return item;
    }
}
