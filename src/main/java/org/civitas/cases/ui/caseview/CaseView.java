package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.civitas.base.ActorNames;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.lifecycle.CaseRequestService;
import org.civitas.cases.lifecycle.CaseService;
import org.civitas.cases.HistoryEntry;
import org.civitas.cases.photos.PhotoInfo;
import org.civitas.cases.RequestView;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.civitas.base.identity.AppRoles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * One case with every field, its photos, requests and timeline, and the buttons for exactly the actions the service
 * allows this user now. The service decides what the user may see (the complainant masked for units) and refuses
 * anything out of scope; the view only shows it. After each action the case is loaded again.
 */
@Route("cases/:id([0-9]{1,18})")
@RolesAllowed({AppRoles.OPERATOR, AppRoles.SUPERVISOR, AppRoles.UNIT_CLERK, AppRoles.LEADER, AppRoles.INSPECTOR})
public class CaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CaseService cases;
    private final CaseRequestService requestService;
    private final CatalogService catalog;
    private final ActorNames names;
    private final AuthenticationContext authentication;
    private final Clock clock;
    private final ObjectProvider<CasePanel> panels;
    CaseDetails details;
    CaseHeader header;
    CaseActionBar actions;
    CaseComplainant complainant;
    CaseTimeline timeline;
    CaseRequests requests;
    CasePhotos photos;
    final Div unavailable = new Div();

    public CaseView(CaseService cases, CaseRequestService requestService, CatalogService catalog,
                    AuthenticationContext authentication, Clock clock, ObjectProvider<CasePanel> panels,
                    ActorNames names) {
        this.cases = cases;
        this.names = names;
        this.requestService = requestService;
        this.panels = panels;
        this.catalog = catalog;
        this.authentication = authentication;
        this.clock = clock;
        unavailable.setId("case-unavailable");
        setMaxWidth("80em");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("id");
        if (id.isEmpty()) {
            showUnavailable();
            return;
        }
        load(id.get());
    }

    /** Loads the case as the current user may see it; out of scope or missing shows a message and no data. */
    void load(long id) {
        removeAll();
        try {
            details = cases.get(id);
            render(cases.history(id), requestService.requests(id), cases.photos(id));
        } catch (AccessDeniedException | RuleViolation e) {
            showUnavailable();
        }
    }

    private void showUnavailable() {
        details = null;
        removeAll();
        unavailable.setText(getTranslation("caseview.unavailable"));
        add(unavailable);
    }

    private void reload() {
        if (details != null) {
            load(details.id());
        }
    }

    private void render(List<HistoryEntry> history, List<RequestView> requestList, List<PhotoInfo> photoList) {
        CaseDetails c = details;
        header = new CaseHeader(c, LocalDateTime.now(clock));
        actions = new CaseActionBar(cases.allowedActions(c), requestList);
        actions.addActionListener(e -> open(e.action(), requestList));
        complainant = new CaseComplainant(c, authentication.hasRole(AppRoles.SUPERVISOR));
        complainant.addRevealRequestedListener(e -> askRevealReason());
        Optional<ItemView> item = c.listVersionId() == null ? Optional.empty()
                : catalog.item(c.listVersionId(), c.itemCode());
        add(header, actions, new CaseSections(c, item, this::unitName, complainant));
        photos = new CasePhotos(photoList, cases::photoData);
        requests = new CaseRequests(requestList, this::unitName);
        timeline = new CaseTimeline(history, this::unitName, names);
        if (!photoList.isEmpty()) {
            add(title("caseview.section.photos"), photos);
        }
        if (!requestList.isEmpty()) {
            add(title("caseview.section.requests"), requests);
        }
        panels.orderedStream().forEach(p -> p.create(c, this::reload).ifPresent(this::add));
        add(title("caseview.section.history"), timeline);
    }

    private H3 title(String key) {
        return new H3(getTranslation(key));
    }

    private String unitName(String code) {
        if (code == null) {
            return null;
        }
        return catalog.unit(code).map(UnitView::name).orElse(code);
    }

    // --- actions -----------------------------------------------------------------------------------------------

    private void open(CaseAction action, List<RequestView> requestList) {
        CaseActionDialog dialog = new CaseActionDialog(action, details, CaseChoices.of(catalog, clock, requestList));
        dialog.addSubmitListener(e -> submit(dialog, e.input()));
        dialog.addReloadListener(e -> {
            reload();
            dialog.reloaded();
            if (details == null) {
                dialog.close();
            }
        });
        dialog.open();
    }

    /** Calls the service with the case as the user saw it; a refusal keeps the dialog and its input open. */
    void submit(CaseActionDialog dialog, CaseActionInput input) {
        try {
            CaseCommands.run(cases, requestService, dialog.action, details.ref(), input);
        } catch (RuleViolation v) {
            Toasts.refused(v);
            dialog.refused("case.error.changed".equals(v.key()) || "error.concurrentChange".equals(v.key()));
            return;
        } catch (ObjectOptimisticLockingFailureException stale) {
            Toasts.refused(new RuleViolation("error.concurrentChange"));
            dialog.refused(true);
            return;
        } catch (AccessDeniedException denied) {
            Toasts.error(getTranslation("error.accessDenied"));
            dialog.refused(false);
            return;
        }
        dialog.close();
        Toasts.success(getTranslation("caseview.done", getTranslation(dialog.action.labelKey()), details.number()));
        reload();
    }

    private void askRevealReason() {
        CaseRevealDialog dialog = new CaseRevealDialog();
        dialog.addConfirmListener(e -> {
            try {
                complainant.show(cases.revealComplainant(details.id(), e.reason()));
                dialog.close();
            } catch (RuleViolation v) {
                Toasts.refused(v);
            } catch (AccessDeniedException denied) {
                Toasts.error(getTranslation("error.accessDenied"));
            }
        });
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return details == null ? getTranslation("caseview.title") : getTranslation("caseview.titleWith",
                details.number());
    }
}
