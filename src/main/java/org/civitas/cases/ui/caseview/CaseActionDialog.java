package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civitas.base.ui.DatePickers;
import org.civitas.base.ui.UnsavedChanges;
import org.civitas.cases.CaseAction;
import org.civitas.cases.CaseDetails;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.Rating;
import org.civitas.cases.ReplyOutcome;
import org.civitas.cases.RequestKind;
import org.civitas.cases.RequestView;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;

/**
 * The small form behind an action button: only the fields the action needs, required ones checked before it
 * raises a {@link SubmitEvent}; the view calls the service. A refused action leaves the dialog open with the input;
 * when the case changed meanwhile, a reload button fetches the case again so the user can confirm once more. An
 * action the case never comes back from ({@link #IRREVERSIBLE}) says what it will do and asks once more; Esc or a
 * click outside asks before throwing typed input away.
 */
class CaseActionDialog extends Dialog {

    /** Final states a case never leaves: asked once more before the service is called. */
    static final Set<CaseAction> IRREVERSIBLE = EnumSet.of(CaseAction.INVALIDATE, CaseAction.MERGE, CaseAction.CLOSE);

    final CaseAction action;
    final ComboBox<ItemView> item = new ComboBox<>();
    final ComboBox<UnitView> district = new ComboBox<>();
    final ComboBox<UnitView> street = new ComboBox<>();
    final ComboBox<UnitView> unit = new ComboBox<>();
    final ComboBox<RequestView> request = new ComboBox<>();
    final RadioButtonGroup<ReplyOutcome> outcome = new RadioButtonGroup<>();
    final RadioButtonGroup<Rating> rating = new RadioButtonGroup<>();
    final RadioButtonGroup<Boolean> solved = new RadioButtonGroup<>();
    final TextField legalBasis = new TextField();
    final TextField master = new TextField();
    final DateTimePicker newDue = DatePickers.dateTime();
    final TextArea note = new TextArea();
    final CasePhotoUpload photos;
    final Paragraph stale = new Paragraph();
    final Button confirm = new Button();
    final Button reload = new Button();
    /** The last confirmation asked for an irreversible action (null before any). */
    ConfirmDialog irreversible;
    private final FormLayout form = new FormLayout();
    private final List<HasValue<?, ?>> required = new ArrayList<>();
    private final CaseDetails c;

    CaseActionDialog(CaseAction action, CaseDetails c, CaseChoices choices) {
        this.action = action;
        this.c = c;
        this.photos = action == CaseAction.REPLY ? new CasePhotoUpload() : null;
        setHeaderTitle(getTranslation(action.labelKey()) + " · " + c.number());
        setWidth("32em");
        addClassName("field-dialog"); // fills a phone's screen (theme)
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        switch (action) {
            case DISPATCH -> dispatch(choices);
            case REDISPATCH -> {
                pick(unit, "caseview.unit", choices.dispatchUnits(), c.leadUnitCode());
                text(note, "caseview.note", true);
            }
            case SIGN -> form.add(new Paragraph(getTranslation("caseview.confirm.sign", c.number())));
            case SUB_DISPATCH -> pick(unit, "caseview.street", choices.streetsOf(c.leadUnitCode()), null);
            case REPLY -> {
                outcome.setLabel(getTranslation("caseview.replyOutcome"));
                outcome.setItems(ReplyOutcome.values());
                outcome.setItemLabelGenerator(CaseFormat::label);
                need(outcome);
                text(note, "caseview.replyText", true);
                form.add(photos);
            }
            case REQUEST_RETURN -> {
                text(note, "caseview.reason", true);
                legalBasis.setLabel(getTranslation("caseview.request.legalBasis"));
                legalBasis.setMaxLength(500);
                need(legalBasis);
            }
            case APPROVE_RETURN -> {
                requests(choices.pending(RequestKind.RETURN));
                pick(unit, "caseview.targetUnit", choices.dispatchUnits(), c.leadUnitCode());
                text(note, "caseview.note", false);
            }
            case REQUEST_EXTENSION -> {
                text(note, "caseview.reason", true);
                newDue.setLabel(getTranslation("caseview.newDue"));
                newDue.setStep(Duration.ofMinutes(30));
                if (c.handleDueAt() != null) {
                    newDue.setMin(c.handleDueAt());
                    newDue.setHelperText(getTranslation("caseview.newDue.help", CaseFormat.time(c.handleDueAt())));
                }
                need(newDue);
            }
            case APPROVE_EXTENSION -> {
                requests(choices.pending(RequestKind.EXTENSION));
                text(note, "caseview.note", false);
            }
            case REJECT_RETURN, REJECT_EXTENSION -> {
                requests(choices.pending(action == CaseAction.REJECT_RETURN ? RequestKind.RETURN : RequestKind.EXTENSION));
                text(note, "caseview.reason", true);
            }
            case RATE -> rate();
            case MERGE -> {
                master.setLabel(getTranslation("caseview.masterNumber"));
                master.setPlaceholder("WM…");
                need(master);
            }
            case SEND_BACK, REOPEN -> text(note, "caseview.note", true);
            case CLOSE, INVALIDATE -> text(note, "caseview.reason", true);
            default -> text(note, "caseview.note", false);
        }
        stale.setVisible(false);
        add(form, stale);
        confirm.setText(getTranslation(action.labelKey()));
        confirm.setId("case-action-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> submit());
        reload.setText(getTranslation("caseview.reload"));
        reload.setId("case-action-reload");
        reload.setVisible(false);
        reload.addClickListener(e -> fireEvent(new ReloadEvent(this)));
        getFooter().add(reload, new Button(getTranslation("action.cancel"), e -> close()), confirm);
        UnsavedChanges.guard(this, this::dirty);
    }

    private void dispatch(CaseChoices choices) {
        item.setLabel(getTranslation("caseview.item"));
        item.setItems(choices.currentItems());
        item.setItemLabelGenerator(i -> i.code() + " " + i.name());
        need(item);
        district.setLabel(getTranslation("caseview.district"));
        district.setItems(choices.districts());
        district.setItemLabelGenerator(UnitView::name);
        street.setLabel(getTranslation("caseview.street"));
        street.setItemLabelGenerator(UnitView::name);
        street.setClearButtonVisible(true);
        district.addValueChangeListener(e -> {
            street.clear();
            street.setItems(e.getValue() == null ? List.of() : choices.streetsOf(e.getValue().code()));
        });
        choices.districts().stream().filter(d -> d.code().equals(c.districtCode())).findFirst()
                .ifPresent(district::setValue);
        street.getListDataView().getItems().filter(s -> s.code().equals(c.streetCode())).findFirst()
                .ifPresent(street::setValue);
        form.add(item, district, street);
    }

    private void rate() {
        rating.setLabel(getTranslation("caseview.rating"));
        rating.setItems(Rating.values());
        rating.setItemLabelGenerator(CaseFormat::label);
        need(rating);
        solved.setLabel(getTranslation("caseview.solved"));
        solved.setItems(Boolean.TRUE, Boolean.FALSE);
        solved.setItemLabelGenerator(CaseFormat::yesNo);
        need(solved);
        text(note, "caseview.note", false);
    }

    /** A unit picker; {@code except} (the unit that has the case now) is left out. */
    private void pick(ComboBox<UnitView> box, String labelKey, List<UnitView> units, String except) {
        box.setLabel(getTranslation(labelKey));
        box.setItems(units.stream().filter(u -> !u.code().equals(except)).toList());
        box.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        need(box);
    }

    private void requests(List<RequestView> pending) {
        request.setLabel(getTranslation("caseview.request"));
        request.setItems(pending);
        request.setItemLabelGenerator(r -> getTranslation("caseview.request.option", r.requestedBy(),
                CaseFormat.time(r.requestedAt()), r.reason(), CaseFormat.time(r.requestedDue())));
        if (!pending.isEmpty()) {
            request.setValue(pending.get(0));
        }
        need(request);
    }

    private void text(TextArea area, String labelKey, boolean isRequired) {
        area.setLabel(getTranslation(labelKey));
        area.setMaxLength(2000);
        area.setMinHeight("6em");
        if (isRequired) {
            need(area);
        } else {
            form.add(area);
        }
    }

    private <C extends Component & HasValue<?, ?>> void need(C field) {
        field.setRequiredIndicatorVisible(true);
        required.add(field);
        form.add(field);
    }

    /** Checks the required fields and the new deadline here, so the user sees what is missing beside the field. */
    boolean valid() {
        boolean ok = true;
        for (HasValue<?, ?> f : required) {
            Object v = f.getValue();
            boolean missing = v == null || (v instanceof String s && s.isBlank());
            ok &= !missing;
            invalid(f, missing, "caseview.required");
        }
        if (action == CaseAction.REQUEST_EXTENSION && newDue.getValue() != null && c.handleDueAt() != null
                && !newDue.getValue().isAfter(c.handleDueAt())) {
            invalid(newDue, true, "case.error.extensionNotLater");
            ok = false;
        }
        return ok;
    }

    private void invalid(HasValue<?, ?> f, boolean invalid, String key) {
        if (f instanceof HasValidation v) {
            v.setInvalid(invalid);
            v.setErrorMessage(invalid ? getTranslation(key) : null);
        }
    }

    /** An action that cannot be undone is confirmed once more, with what it will do, before the service is called. */
    private void submit() {
        if (!valid()) {
            return;
        }
        CaseActionInput in = input();
        if (!IRREVERSIBLE.contains(action)) {
            fireEvent(new SubmitEvent(this, in));
            return;
        }
        irreversible = new ConfirmDialog();
        irreversible.setId("case-action-irreversible");
        irreversible.setHeader(getTranslation("caseview.irreversible.title", getTranslation(action.labelKey()),
                c.number()));
        irreversible.setText(getTranslation("caseview.irreversible." + action.name(), c.number(),
                action == CaseAction.MERGE ? in.masterNumber() : in.note()));
        irreversible.setCancelable(true);
        irreversible.setCancelText(getTranslation("caseview.irreversible.back"));
        irreversible.setConfirmText(getTranslation(action.labelKey()));
        irreversible.setConfirmButtonTheme("error primary");
        irreversible.addConfirmListener(e -> fireEvent(new SubmitEvent(this, in)));
        irreversible.open();
    }

    /** Typed text, a chosen deadline or photos: what Esc or a click outside would throw away. */
    boolean dirty() {
        return !note.isEmpty() || !legalBasis.isEmpty() || !master.isEmpty() || newDue.getValue() != null
                || (photos != null && !photos.photos().isEmpty());
    }

    CaseActionInput input() {
        return new CaseActionInput(blankToNull(note.getValue()), blankToNull(legalBasis.getValue()),
                item.getValue() == null ? null : item.getValue().code(),
                district.getValue() == null ? null : district.getValue().code(),
                street.getValue() == null ? null : street.getValue().code(),
                unit.getValue() == null ? null : unit.getValue().code(), outcome.getValue(),
                photos == null ? List.<PhotoUpload>of() : photos.photos(),
                request.getValue() == null ? null : request.getValue().id(), newDue.getValue(), rating.getValue(),
                Boolean.TRUE.equals(solved.getValue()), blankToNull(master.getValue()));
    }

    /** The service refused; {@code changed}: because someone changed the case since it was loaded. */
    void refused(boolean changed) {
        stale.setText(getTranslation("caseview.stale"));
        stale.setVisible(changed);
        reload.setVisible(changed);
    }

    /** The view loaded the case again: the input stays, the next confirm acts on the fresh version. */
    void reloaded() {
        stale.setVisible(false);
        reload.setVisible(false);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    Registration addReloadListener(ComponentEventListener<ReloadEvent> listener) {
        return addListener(ReloadEvent.class, listener);
    }

    static class SubmitEvent extends ComponentEvent<CaseActionDialog> {
        private final CaseActionInput input;

        SubmitEvent(CaseActionDialog source, CaseActionInput input) {
            super(source, false);
            this.input = input;
        }

        CaseActionInput input() {
            return input;
        }
    }

    static class ReloadEvent extends ComponentEvent<CaseActionDialog> {
        ReloadEvent(CaseActionDialog source) {
            super(source, false);
        }
    }
}
