package org.civitas.classify.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.civitas.base.ActorNames;
import org.civitas.base.RuleViolation;
import org.civitas.base.identity.AppRoles;
import org.civitas.base.ui.Toasts;
import org.civitas.classify.AutoDispatchSettings;
import org.civitas.classify.ClassifierFigures;
import org.civitas.classify.ClassifierService;
import org.civitas.classify.ModelInfo;

/**
 * 智能分类模型: the supervisor's view of the classifier (DD051) — the model in service, its accuracy in service over
 * the last 30 days overall and per category, the item pairs it confuses, its automatic dispatches and how many came
 * back, and the automatic-dispatch setting with what the threshold would have meant over the same days.
 */
@Route("classifier")
@Menu(order = 97, title = "menu.classifier", icon = "vaadin:lightbulb")
@RolesAllowed({AppRoles.SUPERVISOR, AppRoles.ADMIN})
public class ClassifierView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ClassifierService classifier;
    private final ActorNames names;
    final Div model = new Div();
    final Div inService = new Div();
    final Grid<ClassifierFigures.CategoryAccuracy> categories = new Grid<>();
    final Grid<ClassifierFigures.ConfusedPair> confused = new Grid<>();
    final Div auto = new Div();
    final Checkbox enabled = new Checkbox();
    final NumberField threshold = new NumberField();
    final NumberField placeThreshold = new NumberField();
    final Button save = new Button();
    final Button retrain = new Button();
    final Paragraph whatIf = new Paragraph();
    final Span settingsChanged = new Span();

    public ClassifierView(ClassifierService classifier, ActorNames names, AuthenticationContext auth) {
        this.classifier = classifier;
        this.names = names;
        setPadding(true);
        setMaxWidth("80em");
        retrain.setText(getTranslation("classifier.retrain"));
        retrain.addClickListener(e -> retrain());
        retrain.setDisableOnClick(true);
        categories.addColumn(ClassifierFigures.CategoryAccuracy::categoryName)
                .setHeader(getTranslation("classifier.category")).setFlexGrow(2);
        categories.addColumn(ClassifierFigures.CategoryAccuracy::judged)
                .setHeader(getTranslation("classifier.judged")).setFlexGrow(1);
        categories.addColumn(c -> percent(c.right(), c.judged()))
                .setHeader(getTranslation("classifier.top1")).setFlexGrow(1);
        confused.addColumn(ClassifierFigures.ConfusedPair::suggestedName)
                .setHeader(getTranslation("classifier.suggested")).setFlexGrow(2);
        confused.addColumn(ClassifierFigures.ConfusedPair::chosenName)
                .setHeader(getTranslation("classifier.chosen")).setFlexGrow(2);
        confused.addColumn(ClassifierFigures.ConfusedPair::count)
                .setHeader(getTranslation("classifier.times")).setFlexGrow(1);
        for (Grid<?> g : java.util.List.of(categories, confused)) {
            g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
            g.setAllRowsVisible(true);
        }
        enabled.setLabel(getTranslation("classifier.autoEnabled"));
        threshold.setLabel(getTranslation("classifier.threshold"));
        placeThreshold.setLabel(getTranslation("classifier.placeThreshold"));
        for (NumberField f : new NumberField[] {threshold, placeThreshold}) {
            f.setMin(AutoDispatchSettings.MIN);
            f.setMax(AutoDispatchSettings.MAX);
            f.setStep(0.05);
            f.setStepButtonsVisible(true);
            f.setWidth("11em");
        }
        threshold.setHelperText(getTranslation("classifier.threshold.help"));
        placeThreshold.setHelperText(getTranslation("classifier.placeThreshold.help"));
        save.setText(getTranslation("classifier.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        boolean supervisor = auth.hasRole(AppRoles.SUPERVISOR);
        enabled.setReadOnly(!supervisor);
        threshold.setReadOnly(!supervisor);
        placeThreshold.setReadOnly(!supervisor);
        save.setVisible(supervisor);
        settingsChanged.getStyle().set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");

        HorizontalLayout settingsRow = new HorizontalLayout(enabled, threshold, placeThreshold, save);
        settingsRow.setAlignItems(Alignment.BASELINE);
        settingsRow.setWrap(true);
        VerticalLayout left = column(new H3(getTranslation("classifier.model")), model, retrain,
                new H3(getTranslation("classifier.auto")), auto, settingsRow, settingsChanged, whatIf);
        VerticalLayout right = column(new H3(getTranslation("classifier.inService", ClassifierFigures.DAYS)),
                inService, categories, new H3(getTranslation("classifier.confused")), confused);
        FlexLayout columns = new FlexLayout(left, right);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.setWidthFull();
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        add(new H2(getTranslation("menu.classifier")), columns);
        refresh();
    }

    private static VerticalLayout column(Component... children) {
        VerticalLayout v = new VerticalLayout(children);
        v.setPadding(false);
        v.setSpacing(false);
        v.getStyle().set("flex", "1 1 26em").set("min-width", "0");
        return v;
    }

    private ClassifierFigures figures;

    void refresh() {
        ModelInfo m = classifier.activeModel();
        model.removeAll();
        model.add(line("classifier.version", String.valueOf(m.version())),
                line("classifier.trainedAt", TIME.format(m.trainedAt()) + " · "
                        + names.of(m.trainedBy(), this::getTranslation)),
                line("classifier.examples", getTranslation("classifier.examples.value", m.examples(), m.features())),
                line("classifier.heldOut", m.heldOutAccuracy() == null
                        ? getTranslation("classifier.heldOut.none")
                        : getTranslation("classifier.heldOut.value", pct(m.heldOutAccuracy()), m.heldOut())));
        figures = classifier.figures();
        inService.setText(figures.judged() == 0 ? getTranslation("classifier.inService.none", figures.days())
                : getTranslation("classifier.inService.value", figures.days(), figures.judged(),
                        figures.top1Right(), percent(figures.top1Right(), figures.judged())));
        categories.setItems(figures.categories());
        categories.setVisible(!figures.categories().isEmpty());
        confused.setItems(figures.confused());
        confused.setVisible(!figures.confused().isEmpty());
        auto.setText(getTranslation("classifier.auto.value", figures.days(), figures.autoDispatched(),
                figures.autoReturned()));
        AutoDispatchSettings s = classifier.autoDispatchSettings();
        enabled.setValue(s.enabled());
        threshold.setValue(s.threshold());
        placeThreshold.setValue(s.placeThreshold());
        settingsChanged.setText(s.updatedAt() == null ? getTranslation("classifier.settings.default")
                : getTranslation("classifier.settings.changed", TIME.format(s.updatedAt()),
                        names.of(s.updatedBy(), this::getTranslation)));
        showWhatIf();
    }

    /** What the saved thresholds would have meant; a value being edited counts once saved. */
    private void showWhatIf() {
        ClassifierFigures.WhatIf w = figures.whatIf();
        if (w.judged() == 0) {
            whatIf.setText(getTranslation("classifier.whatIf.none", figures.days()));
            return;
        }
        whatIf.setText(getTranslation("classifier.whatIf.value", figures.days(), fmt(w.threshold()),
                fmt(w.placeThreshold()), w.judged(), w.covered(), percent(w.covered(), w.judged()), w.right(),
                percent(w.right(), w.covered())));
    }

    void save() {
        try {
            classifier.saveAutoDispatchSettings(enabled.getValue(),
                    threshold.getValue() == null ? Double.NaN : threshold.getValue(),
                    placeThreshold.getValue() == null ? Double.NaN : placeThreshold.getValue());
            Toasts.success(getTranslation("classifier.saved"));
            refresh();
        } catch (RuleViolation v) {
            Toasts.refused(v);
        }
    }

    void retrain() {
        try {
            ModelInfo m = classifier.retrain();
            Toasts.success(getTranslation(m.active() ? "classifier.retrained" : "classifier.retrained.kept",
                    m.version()));
            refresh();
        } catch (RuleViolation v) {
            Toasts.refused(v);
        } finally {
            retrain.setEnabled(true);
        }
    }

    private Div line(String key, String value) {
        Span label = new Span(getTranslation(key));
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("min-width", "7em")
                .set("display", "inline-block");
        Div d = new Div(label, new Span(value));
        d.addClassName("classifier-line");
        return d;
    }

    private String percent(long part, long whole) {
        return whole == 0 ? "—" : pct((double) part / whole);
    }

    private static String pct(double d) {
        return String.format(Locale.ROOT, "%.1f%%", d * 100);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.classifier");
    }
}
