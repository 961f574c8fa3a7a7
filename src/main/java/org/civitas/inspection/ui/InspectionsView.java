package org.civitas.inspection.ui;

import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civitas.base.ui.PhoneColumns;
import org.civitas.base.ui.Toasts;
import org.civitas.catalog.CatalogService;
import org.civitas.catalog.UnitFilter;
import org.civitas.classify.ClassifierService;
import org.civitas.classify.ui.ItemSuggestions;
import org.civitas.inspection.CheckpointRow;
import org.civitas.inspection.CheckpointState;
import org.civitas.inspection.InspectionPlanService;
import org.civitas.inspection.InspectionService;
import org.civitas.inspection.NoticeService;
import org.civitas.inspection.NoticeRow;
import org.civitas.inspection.NoticeState;
import org.civitas.inspection.FindingRow;
import org.civitas.inspection.RoundRow;
import org.civitas.base.identity.AppRoles;
import org.springframework.data.domain.PageRequest;

/**
 * 实地检查: the rounds ({@code inspections?mine=open}: the inspector's own rounds not yet over); a selected round shows
 * its findings and its rectification notices, and a failed re-inspection offers the next step.
 */
@Route("inspections")
@Menu(order = 40, title = "menu.inspections", icon = "vaadin:search")
@RolesAllowed({AppRoles.INSPECTOR, AppRoles.SUPERVISOR, AppRoles.LEADER})
public class InspectionsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final InspectionService inspections;
    private final InspectionPlanService plans;
    private final NoticeService noticeService;
    private final CatalogService catalog;
    private final ClassifierService classifier;
    private final Clock clock;
    private final Map<String, String> unitNames = new HashMap<>();
    private final boolean inspector;
    final Grid<RoundRow> rounds = new Grid<>();
    final Grid<FindingRow> findings = new Grid<>();
    final Grid<NoticeRow> notices = new Grid<>();
    final Button newRound = new Button();
    final Button plan = new Button();
    final Grid<CheckpointRow> checkpoints = new Grid<>();
    final Button visitFound = new Button();
    final Button visitClear = new Button();
    private final VerticalLayout checkpointPart = new VerticalLayout();
    final Button recordFinding = new Button();
    final Button issueNotices = new Button();
    final Button reinspect = new Button();
    final Button nextStep = new Button();
    final VerticalLayout detail = new VerticalLayout();
    /** Read by the download requests, which run outside the UI's session lock. */
    private volatile RoundRow shownRound;
    private volatile NoticeRow shownNotice;
    RoundDialog roundDialog;
    FindingDialog findingDialog;
    ReinspectDialog reinspectDialog;
    NextStepDialog nextStepDialog;
    private boolean onlyMine;
    /** Set while the view itself re-selects a refreshed round row, so the detail is not loaded twice. */
    private boolean selecting;

    public InspectionsView(InspectionService inspections, NoticeService noticeService, CatalogService catalog,
                           ClassifierService classifier, InspectionPlanService plans, AuthenticationContext auth,
                           Clock clock) {
        this.inspections = inspections;
        this.classifier = classifier;
        this.plans = plans;
        this.clock = clock;
        this.noticeService = noticeService;
        this.catalog = catalog;
        this.inspector = auth.hasRole(AppRoles.INSPECTOR);
        catalog.units(UnitFilter.all(), PageRequest.of(0, 2000)).forEach(u -> unitNames.put(u.code(), u.name()));
        setWidthFull();
        newRound.setText(getTranslation("inspection.round.new"));
        newRound.setId("inspection-new-round");
        newRound.addClickListener(e -> openRoundDialog());
        newRound.setVisible(inspector);
        plan.setText(getTranslation("plan.title"));
        plan.setId("inspection-plan");
        plan.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PlanView.class)));
        plan.setVisible(inspector || auth.hasRole(AppRoles.SUPERVISOR));
        HorizontalLayout top = new HorizontalLayout(new H2(getTranslation("inspection.title")), newRound, plan);
        top.setWrap(true);
        top.setAlignItems(Alignment.BASELINE);
        add(top, roundGrid(), detail);
        detail.setPadding(false);
        detail.setVisible(false);
        recordFinding.setText(getTranslation("inspection.finding.new"));
        recordFinding.addClickListener(e -> openFindingDialog());
        issueNotices.setText(getTranslation("inspection.notices.issue"));
        issueNotices.addClickListener(e -> selected().ifPresent(r -> Toasts.attempt(
                () -> noticeService.issueNotices(r.id()), getTranslation("inspection.notices.issued"))
                .ifPresent(n -> showRound(r.id()))));
        reinspect.setText(getTranslation("inspection.reinspect.title"));
        reinspect.addClickListener(e -> notices.getSelectedItems().stream().findFirst().ifPresent(this::openReinspect));
        nextStep.setText(getTranslation("notice.next.open"));
        nextStep.setEnabled(false);
        nextStep.addClickListener(e -> notices.getSelectedItems().stream().findFirst().ifPresent(this::openNextStep));
        recordFinding.setId("inspection-record-finding");
        HorizontalLayout actions = new HorizontalLayout(recordFinding, issueNotices, reinspect, nextStep);
        actions.setVisible(inspector);
        actions.setWrap(true);
        var excel = Downloads.anchor(getTranslation("inspection.download.excel"),
                () -> shownRound.number() + ".xlsx", Downloads.XLSX, () -> inspections.roundExcel(shownRound.id()));
        var pdf = Downloads.anchor(getTranslation("notice.download.pdf"),
                () -> shownNotice.number() + ".pdf", Downloads.PDF, () -> noticeService.noticePdf(shownNotice.id()));
        pdf.setEnabled(false);
        notices.addSelectionListener(e -> {
            shownNotice = e.getFirstSelectedItem().orElse(null);
            pdf.setEnabled(shownNotice != null);
            nextStep.setEnabled(shownNotice != null && shownNotice.state() == NoticeState.FAILED);
        });
        visitFound.setText(getTranslation("plan.visit.found"));
        visitFound.addClickListener(e -> checkpoints.getSelectedItems().stream().findFirst()
                .ifPresent(this::openVisitDialog));
        visitClear.setText(getTranslation("plan.visit.clear"));
        visitClear.addClickListener(e -> checkpoints.getSelectedItems().stream().findFirst().ifPresent(c ->
                Toasts.attempt(() -> plans.clear(c.id()), getTranslation("plan.visit.cleared"))
                        .ifPresent(x -> showRound(c.roundId()))));
        checkpoints.addSelectionListener(e -> {
            boolean open = e.getFirstSelectedItem().map(c -> c.state() == CheckpointState.PLANNED).orElse(false);
            visitFound.setEnabled(open);
            visitClear.setEnabled(open);
        });
        visitFound.setEnabled(false);
        visitClear.setEnabled(false);
        HorizontalLayout visits = new HorizontalLayout(visitFound, visitClear);
        visits.setWrap(true);
        visits.setVisible(inspector);
        checkpointPart.setPadding(false);
        checkpointPart.add(new H4(getTranslation("plan.checkpoints")), visits, checkpointGrid());
        detail.add(checkpointPart);
        HorizontalLayout tools = new HorizontalLayout(actions, excel);
        tools.setWrap(true);
        tools.setAlignItems(Alignment.CENTER);
        detail.add(new H4(getTranslation("inspection.findings")), tools, findingGrid(),
                new H4(getTranslation("inspection.notices")), pdf, noticeGrid());
        // on a phone: the round's title and its findings; the finding's item, place and state; the notice's unit,
        // state and deadline. The rest is one tap away on a desktop (and in the round's workbook).
        PhoneColumns.hideOnPhone(this, Stream.of(PhoneColumns.at(rounds, 0, 2, 3, 4, 5),
                PhoneColumns.at(findings, 1, 3, 5, 6), PhoneColumns.at(notices, 0, 1, 5)).flatMap(List::stream).toList());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.inspections");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        onlyMine = inspector && event.getLocation().getQueryParameters().getParameters()
                .getOrDefault("mine", List.of()).contains("open");
        refresh();
    }

    void refresh() {
        rounds.setItems(onlyMine ? inspections.myOpenRounds() : inspections.rounds());
    }

    private java.util.Optional<RoundRow> selected() {
        return rounds.getSelectedItems().stream().findFirst();
    }

    void showRound(long id) {
        detail.setVisible(true);
        shownRound = inspections.round(id);
        // the round's row shows its finding count: replace it at once rather than on the next reload
        rounds.getListDataView().getItems().filter(r -> r.id() == id).findFirst().ifPresent(old -> {
            if (!old.equals(shownRound)) {
                rounds.getListDataView().addItemAfter(shownRound, old);
                boolean wasSelected = rounds.getSelectedItems().contains(old);
                rounds.getListDataView().removeItem(old);
                if (wasSelected) {
                    selecting = true;
                    try {
                        rounds.select(shownRound);
                    } finally {
                        selecting = false;
                    }
                }
            }
        });
        findings.setItems(inspections.findings(id));
        notices.setItems(noticeService.notices(id));
        List<CheckpointRow> stops = plans.checkpoints(id);
        checkpoints.setItems(stops);
        checkpointPart.setVisible(!stops.isEmpty());
    }

    /** The visit that found the problem: the finding form opens with the checkpoint's item and place. */
    private void openVisitDialog(CheckpointRow c) {
        var version = catalog.currentVersion(LocalDate.now(clock));
        findingDialog = new FindingDialog(catalog.itemsOfVersion(version.id()), catalog.districts(),
                catalog::streetsOf, new ItemSuggestions(classifier), (f, photos) -> Toasts.attempt(
                        () -> plans.visit(c.id(), f, photos),
                        getTranslation("inspection.finding.saved")).ifPresent(x -> {
                            findingDialog.close();
                            showRound(c.roundId());
                        }));
        findingDialog.prefill(c.itemCode(), c.districtCode(), c.streetCode(), c.place());
        findingDialog.open();
    }

    private Grid<CheckpointRow> checkpointGrid() {
        checkpoints.addColumn(CheckpointRow::seq).setHeader(getTranslation("plan.col.seq")).setWidth("4em")
                .setFlexGrow(0);
        ValueProvider<CheckpointRow, String> place = c -> (unitName(c.streetCode() == null ? c.districtCode()
                : c.streetCode()) + " " + c.place()).strip()
                + (c.cell() ? getTranslation("analysis.hotSpot.cell") : "");
        checkpoints.addColumn(place).setTooltipGenerator(place::apply).setHeader(getTranslation("plan.col.place"))
                .setFlexGrow(3);
        checkpoints.addColumn(CheckpointRow::itemName).setHeader(getTranslation("plan.col.item")).setFlexGrow(2);
        checkpoints.addColumn(CheckpointRow::score).setHeader(getTranslation("analysis.col.score")).setAutoWidth(true)
                .setFlexGrow(0);
        checkpoints.addColumn(c -> c.pastNotices() == null ? getTranslation("plan.noNotices")
                : c.pastNotices().replace(",", getTranslation("list.separator")))
                .setHeader(getTranslation("plan.col.notices")).setFlexGrow(1);
        checkpoints.addColumn(c -> getTranslation("plan.state." + c.state().name()))
                .setHeader(getTranslation("inspection.finding.state")).setAutoWidth(true).setFlexGrow(0);
        checkpoints.addThemeVariants(GridVariant.LUMO_COMPACT);
        checkpoints.setAllRowsVisible(true);
        return checkpoints;
    }

    private void openRoundDialog() {
        roundDialog = new RoundDialog(catalog.districts(), form -> Toasts.attempt(() -> inspections.createRound(form),
                getTranslation("inspection.round.saved")).ifPresent(r -> {
                    roundDialog.close();
                    refresh();
                }));
        roundDialog.startsOn.setValue(LocalDate.now(clock));
        roundDialog.endsOn.setValue(LocalDate.now(clock));
        roundDialog.markClean();
        roundDialog.open();
    }

    private void openFindingDialog() {
        selected().ifPresent(r -> {
            var version = catalog.currentVersion(LocalDate.now(clock));
            findingDialog = new FindingDialog(catalog.itemsOfVersion(version.id()), catalog.districts(),
                    catalog::streetsOf, new ItemSuggestions(classifier), (f, photos) -> Toasts.attempt(
                            () -> inspections.recordFinding(r.id(), f, photos), getTranslation("inspection.finding.saved")).ifPresent(x -> {
                                findingDialog.close();
                                showRound(r.id());
                            }));
            findingDialog.open();
        });
    }

    private void openReinspect(NoticeRow n) {
        reinspectDialog = new ReinspectDialog(noticeService.findingsOfNotice(n.id()), (result, note) ->
                Toasts.attempt(() -> noticeService.reinspect(n.id(), n.version(), result, note),
                        getTranslation("inspection.reinspect.saved")).ifPresent(x -> {
                            reinspectDialog.close();
                            showRound(n.roundId());
                            if (x.state() == NoticeState.FAILED) {
                                openNextStep(x);
                            }
                        }));
        reinspectDialog.open();
    }

    /** 回访未通过: a new deadline, the notice again, or 督办; each saved by the service, which records and audits it. */
    void openNextStep(NoticeRow n) {
        nextStepDialog = new NextStepDialog(n.number(), n.currentDueAt(),
                (due, note) -> nextStepDone(n, Toasts.attempt(() -> noticeService.setDeadline(n.id(), n.version(),
                        due, note), getTranslation("notice.next.deadlineSet"))),
                note -> nextStepDone(n, Toasts.attempt(() -> noticeService.reissue(n.id(), n.version(), note),
                        getTranslation("notice.next.reissued"))),
                reason -> nextStepDone(n, Toasts.attempt(() -> noticeService.handToSupervision(n.id(), n.version(),
                        reason), getTranslation("notice.next.supervised"))));
        nextStepDialog.open();
    }

    private void nextStepDone(NoticeRow n, java.util.Optional<NoticeRow> saved) {
        saved.ifPresent(x -> {
            nextStepDialog.close();
            showRound(n.roundId());
        });
    }

    private Grid<RoundRow> roundGrid() {
        rounds.addColumn(RoundRow::number).setHeader(getTranslation("inspection.round.number")).setAutoWidth(true);
        rounds.addColumn(RoundRow::title).setTooltipGenerator(RoundRow::title)
                .setHeader(getTranslation("inspection.round.title")).setWidth("16em").setFlexGrow(3);
        rounds.addColumn(r -> r.startsOn() + " ~ " + r.endsOn()).setHeader(getTranslation("inspection.round.dates"))
                .setAutoWidth(true);
        // the round's title is what the inspector reads first; a long team name gives way to it (full text on hover)
        rounds.addColumn(RoundRow::team).setTooltipGenerator(RoundRow::team)
                .setHeader(getTranslation("inspection.round.team")).setWidth("12em").setFlexGrow(1);
        String separator = getTranslation("list.separator");
        ValueProvider<RoundRow, String> districts = r -> r.districtCodes().stream().map(this::unitName)
                .collect(Collectors.joining(separator));
        rounds.addColumn(districts).setTooltipGenerator(districts::apply)
                .setHeader(getTranslation("inspection.round.districts"));
        ValueProvider<RoundRow, String> placeTypes = r -> r.placeTypes().stream()
                .map(t -> getTranslation("inspection.placeType." + t.name())).collect(Collectors.joining(separator));
        rounds.addColumn(placeTypes).setTooltipGenerator(placeTypes::apply)
                .setHeader(getTranslation("inspection.round.placeTypes"));
        rounds.addColumn(RoundRow::findings).setHeader(getTranslation("inspection.round.findings")).setAutoWidth(true);
        rounds.addSelectionListener(e -> {
            if (!selecting) {
                e.getFirstSelectedItem().ifPresentOrElse(r -> showRound(r.id()), () -> detail.setVisible(false));
            }
        });
        rounds.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        rounds.setEmptyStateText(getTranslation("inspection.empty"));
        rounds.setAllRowsVisible(true);
        return rounds;
    }

    private Grid<FindingRow> findingGrid() {
        findings.addColumn(f -> f.itemCode() + " " + f.itemName()).setHeader(getTranslation("inspection.finding.item"))
                .setFlexGrow(1);
        findings.addColumn(f -> getTranslation("inspection.placeType." + f.placeType().name()))
                .setHeader(getTranslation("inspection.finding.placeType")).setAutoWidth(true);
        findings.addColumn(f -> unitName(f.districtCode()) + " " + f.address())
                .setHeader(getTranslation("inspection.finding.address")).setFlexGrow(1);
        findings.addColumn(f -> unitName(f.unitCode())).setHeader(getTranslation("inspection.finding.unit"))
                .setAutoWidth(true);
        findings.addColumn(f -> getTranslation("inspection.findingState." + f.state().name()))
                .setHeader(getTranslation("inspection.finding.state")).setAutoWidth(true);
        findings.addColumn(FindingRow::photos).setHeader(getTranslation("inspection.finding.photos")).setAutoWidth(true);
        findings.addColumn(f -> f.caseNumber() == null ? "" : f.caseNumber())
                .setHeader(getTranslation("inspection.finding.case")).setAutoWidth(true);
        findings.addThemeVariants(GridVariant.LUMO_COMPACT);
        findings.setAllRowsVisible(true);
        return findings;
    }

    private Grid<NoticeRow> noticeGrid() {
        NoticesView.columns(notices, this, unitNames);
        notices.setAllRowsVisible(true);
        return notices;
    }

    private String unitName(String code) {
        return code == null ? "" : unitNames.getOrDefault(code, code);
    }
}
