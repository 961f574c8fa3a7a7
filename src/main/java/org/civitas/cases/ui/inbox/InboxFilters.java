package org.civitas.cases.ui.inbox;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.combobox.MultiSelectComboBox.AutoExpandMode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civitas.base.ui.DatePickers;
import org.civitas.cases.inbox.CaseFilter;
import org.civitas.cases.CaseStatus;
import org.civitas.cases.Channel;
import org.civitas.catalog.CategoryView;
import org.civitas.catalog.ItemView;
import org.civitas.catalog.UnitView;
import org.civitas.catalog.Urgency;

/**
 * The inbox's full filter panel, shown on demand (the inbox's toolbar shows the active filters as chips, see
 * {@link #chips()}). Every change is applied at once (text fields on Enter or leaving the field);
 * street follows district and item follows category. The phone filter is only offered to those who see phones. A
 * keyword the search refuses (too short or too long) is marked on its field and left out of the filter.
 */
class InboxFilters extends Div {

    final MultiSelectComboBox<CaseStatus> status = new MultiSelectComboBox<>();
    final ComboBox<CategoryView> category = new ComboBox<>();
    final ComboBox<ItemView> item = new ComboBox<>();
    final ComboBox<UnitView> leadUnit = new ComboBox<>();
    final ComboBox<UnitView> district = new ComboBox<>();
    final ComboBox<UnitView> street = new ComboBox<>();
    final ComboBox<Channel> channel = new ComboBox<>();
    final ComboBox<Urgency> urgency = new ComboBox<>();
    final DatePicker from = datePicker("inbox.filter.from");
    final DatePicker to = datePicker("inbox.filter.to");
    final Checkbox overdue = new Checkbox();
    final Checkbox dueSoon = new Checkbox();
    final TextField number = new TextField();
    final TextField phone = new TextField();
    final TextField keyword = new TextField();

    private final InboxNames names;
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean silent;

    InboxFilters(InboxNames names, boolean phoneFilter) {
        this.names = names;
        setWidthFull();

        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        // every chosen state as its own chip, wrapping onto more lines, never one overflow chip saying "5"
        status.setAutoExpand(AutoExpandMode.VERTICAL);
        status.setSelectedItemsOnTop(true);
        status.setWidth("22em");
        category.setItems(names.categories);
        category.setItemLabelGenerator(CategoryView::name);
        item.setItems(names.items);
        item.setItemLabelGenerator(i -> i.code() + " " + i.name());
        leadUnit.setItems(names.leadUnits());
        leadUnit.setItemLabelGenerator(UnitView::name);
        district.setItems(names.districts());
        district.setItemLabelGenerator(UnitView::name);
        street.setItemLabelGenerator(UnitView::name);
        street.setEnabled(false);
        channel.setItems(Channel.values());
        channel.setItemLabelGenerator(c -> getTranslation("Channel." + c.name()));
        urgency.setItems(Urgency.values());
        urgency.setItemLabelGenerator(u -> getTranslation("Urgency." + u.name()));
        number.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        phone.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        phone.setVisible(phoneFilter);
        // on Enter or leaving the field, not while typing: a Chinese input method puts pinyin letters into the
        // field until a word is chosen, and each of those would start a search
        keyword.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        keyword.setMaxLength(CaseFilter.KEYWORD_MAX);
        keyword.setTooltipText(getTranslation("inbox.filter.keyword.help"));
        keyword.setErrorMessage(getTranslation("inbox.error.keyword", CaseFilter.KEYWORD_MIN, CaseFilter.KEYWORD_MAX));
        for (TextField t : List.of(number, phone, keyword)) {
            t.setClearButtonVisible(true);
        }
        for (ComboBox<?> c : List.of(category, item, leadUnit, district, street, channel, urgency)) {
            c.setClearButtonVisible(true);
        }
        status.setClearButtonVisible(true);
        label(status, "inbox.col.status");
        label(category, "inbox.filter.category");
        label(item, "inbox.filter.item");
        label(leadUnit, "inbox.col.leadUnit");
        label(district, "inbox.filter.district");
        label(street, "inbox.filter.street");
        label(channel, "inbox.col.channel");
        label(urgency, "inbox.filter.urgency");
        label(number, "inbox.col.number");
        label(phone, "inbox.col.phone");
        label(keyword, "inbox.filter.keyword");
        overdue.setLabel(getTranslation("inbox.filter.overdue"));
        dueSoon.setLabel(getTranslation("inbox.filter.dueSoon"));

        // dependent pickers are narrowed quietly: the change that caused it is applied once, below
        category.addValueChangeListener(e -> quietly(() -> {
            ItemView chosen = item.getValue();
            List<ItemView> choices = e.getValue() == null ? names.items
                    : names.items.stream().filter(i -> i.categoryCode().equals(e.getValue().code())).toList();
            item.setItems(choices);
            item.setValue(choices.contains(chosen) ? chosen : null);
        }));
        district.addValueChangeListener(e -> quietly(() -> {
            street.setItems(e.getValue() == null ? List.of() : names.streetsOf(e.getValue().code()));
            street.clear();
            street.setEnabled(e.getValue() != null);
        }));
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));
        for (HasValue<?, ?> field : fields()) {
            field.addValueChangeListener(e -> changed());
        }
        keyword.addValueChangeListener(e -> {
            keyword.setInvalid(!CaseFilter.validKeyword(e.getValue()));
            if (!keyword.isInvalid()) {
                changed();
            }
        });

        Button clear = new Button(getTranslation("inbox.filter.clear"), e -> setValue(CaseFilter.any(), true));
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        FlexLayout bar = new FlexLayout(keyword, status, category, item, leadUnit, district, street, channel, urgency,
                from, to, number, phone, overdue, dueSoon, clear);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        add(bar);
    }

    /** One active filter as the toolbar shows it: its name and value, and how to remove it. */
    record Chip(String text, Runnable remove) {
    }

    /** The filters set now, each removable on its own (a removal applies at once, like any change). */
    List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        if (!keyword.isEmpty() && !keyword.isInvalid()) {
            chips.add(new Chip(getTranslation("inbox.filter.keyword") + ": " + keyword.getValue(), keyword::clear));
        }
        if (!status.isEmpty()) {
            String names = status.getValue().stream().sorted().map(s -> getTranslation(s.labelKey()))
                    .collect(Collectors.joining(getTranslation("list.separator")));
            chips.add(new Chip(getTranslation("inbox.col.status") + ": " + names, status::clear));
        }
        for (ComboBox<?> c : List.of(category, item, leadUnit, district, street, channel, urgency)) {
            if (!c.isEmpty()) {
                chips.add(new Chip(c.getLabel() + ": " + label(c), c::clear));
            }
        }
        for (DatePicker d : List.of(from, to)) {
            if (!d.isEmpty()) {
                chips.add(new Chip(d.getLabel() + ": " + d.getValue(), d::clear));
            }
        }
        for (TextField t : List.of(number, phone)) {
            if (!t.isEmpty()) {
                chips.add(new Chip(t.getLabel() + ": " + t.getValue(), t::clear));
            }
        }
        for (Checkbox c : List.of(overdue, dueSoon)) {
            if (c.getValue()) {
                chips.add(new Chip(c.getLabel(), c::clear));
            }
        }
        return chips;
    }

    @SuppressWarnings("unchecked")
    private static <T> String label(ComboBox<T> c) {
        return c.getItemLabelGenerator().apply(c.getValue());
    }

    CaseFilter value() {
        return new CaseFilter(Set.copyOf(status.getValue()), code(category, CategoryView::code),
                code(item, ItemView::code), code(leadUnit, UnitView::code), code(district, UnitView::code),
                code(street, UnitView::code), channel.getValue(),
                urgency.getValue() == null ? null : urgency.getValue().name(), from.getValue(), to.getValue(),
                overdue.getValue(), dueSoon.getValue(), blankToNull(number.getValue()),
                phone.isVisible() ? blankToNull(phone.getValue()) : null,
                CaseFilter.validKeyword(keyword.getValue()) ? keyword.getValue() : null);
    }

    /** Shows a filter (from the address bar, or cleared); {@code notify} tells the listeners once afterwards. */
    void setValue(CaseFilter f, boolean notify) {
        quietly(() -> {
            status.setValue(f.statuses() == null || f.statuses().isEmpty() ? Set.of() : EnumSet.copyOf(f.statuses()));
            category.setValue(find(names.categories, CategoryView::code, f.categoryCode()));
            item.setValue(find(names.items, ItemView::code, f.itemCode()));
            leadUnit.setValue(find(names.leadUnits(), UnitView::code, f.leadUnitCode()));
            district.setValue(find(names.districts(), UnitView::code, f.districtCode()));
            street.setValue(find(names.streetsOf(f.districtCode()), UnitView::code, f.streetCode()));
            channel.setValue(f.channel());
            urgency.setValue(find(Arrays.asList(Urgency.values()), Urgency::name, f.urgency()));
            from.setValue(f.receivedFrom());
            to.setValue(f.receivedTo());
            overdue.setValue(f.overdue());
            dueSoon.setValue(f.dueSoon());
            number.setValue(Objects.requireNonNullElse(f.number(), ""));
            phone.setValue(Objects.requireNonNullElse(f.phone(), ""));
            keyword.setValue(Objects.requireNonNullElse(f.keyword(), ""));
            keyword.setInvalid(false);
        });
        if (notify) {
            listeners.forEach(Runnable::run);
        }
    }

    void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void changed() {
        if (!silent) {
            listeners.forEach(Runnable::run);
        }
    }

    private void quietly(Runnable change) {
        boolean was = silent;
        silent = true;
        try {
            change.run();
        } finally {
            silent = was;
        }
    }

    private List<HasValue<?, ?>> fields() {
        return List.of(status, category, item, leadUnit, district, street, channel, urgency, from, to, overdue, dueSoon,
                number, phone);
    }

    private void label(HasValue<?, ?> field, String key) {
        if (field instanceof HasLabel l) {
            l.setLabel(getTranslation(key));
        }
    }

    private static <T> T find(List<T> items, Function<T, String> code, String value) {
        return value == null ? null : items.stream().filter(i -> value.equals(code.apply(i))).findFirst().orElse(null);
    }

    private static <T> String code(AbstractField<?, T> field, Function<T, String> code) {
        return field.getValue() == null ? null : code.apply(field.getValue());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private DatePicker datePicker(String key) {
        DatePicker picker = DatePickers.date(getTranslation(key));
        picker.setClearButtonVisible(true);
        return picker;
    }
}
