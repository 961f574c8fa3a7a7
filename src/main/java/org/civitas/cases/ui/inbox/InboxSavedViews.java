package org.civitas.cases.ui.inbox;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.inbox.InboxOrder;
import org.civitas.cases.lifecycle.InboxViews;
import org.civitas.cases.lifecycle.InboxViews.SavedView;

/**
 * 我的视图 beside the inbox's filter chips: the user's saved views, each opened in one click, and the dialogs to save
 * the current filters, sort and columns under a name and to rename or delete views. A refused name is marked on its
 * field with the reason and nothing changes.
 */
class InboxSavedViews extends MenuBar {

    /** What the inbox shows now, as a view would keep it. */
    record Current(String query, InboxOrder order, String columns) {
    }

    private final InboxViews views;
    private final Supplier<Current> current;
    private final Consumer<SavedView> opener;
    private final MenuItem root;
    Dialog saveDialog;
    final TextField saveName = new TextField();
    final Checkbox saveColumns = new Checkbox();
    Dialog manageDialog;

    InboxSavedViews(InboxViews views, Supplier<Current> current, Consumer<SavedView> opener) {
        this.views = views;
        this.current = current;
        this.opener = opener;
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        setId("inbox-views");
        root = addItem(VaadinIcon.BOOKMARK_O.create());
        root.add(new Span(getTranslation("inbox.views")));
        saveName.setLabel(getTranslation("inbox.views.name"));
        saveName.setMaxLength(InboxViews.NAME_MAX);
        saveName.setHelperText(getTranslation("inbox.views.name.help", InboxViews.NAME_MAX));
        saveName.setWidthFull();
        saveColumns.setLabel(getTranslation("inbox.views.withColumns"));
        saveColumns.setValue(true);
        saveName.addKeyPressListener(Key.ENTER, e -> save());
        rebuild();
    }

    /** The menu: every saved view by name, then 保存当前视图… and 管理视图…. */
    void rebuild() {
        SubMenu sub = root.getSubMenu();
        sub.removeAll();
        List<SavedView> mine = views.mine();
        for (SavedView v : mine) {
            sub.addItem(v.name(), e -> opener.accept(v));
        }
        if (!mine.isEmpty()) {
            sub.addSeparator();
        }
        sub.addItem(getTranslation("inbox.views.save"), e -> openSave());
        sub.addItem(getTranslation("inbox.views.manage"), e -> openManage()).setEnabled(!mine.isEmpty());
    }

    /** The saved views the menu offers, by name (for the menu and its tests). */
    List<String> names() {
        return views.mine().stream().map(SavedView::name).toList();
    }

    void openSave() {
        saveName.clear();
        saveName.setInvalid(false);
        saveDialog = new Dialog();
        saveDialog.setHeaderTitle(getTranslation("inbox.views.save.title"));
        saveDialog.setWidth("26em");
        Button save = new Button(getTranslation("action.save"), e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("inbox-views-save");
        saveDialog.add(new VerticalLayout(new Paragraph(getTranslation("inbox.views.save.text")), saveName,
                saveColumns));
        saveDialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> saveDialog.close()), save);
        saveDialog.open();
        saveName.focus();
    }

    /** Saves the current view under the name typed; a refused name stays in the field, marked with the reason. */
    void save() {
        Current now = current.get();
        try {
            SavedView v = views.save(saveName.getValue(), now.query(), now.order(),
                    saveColumns.getValue() ? now.columns() : null);
            saveDialog.close();
            Toasts.success(getTranslation("inbox.views.saved", v.name()));
            rebuild();
        } catch (RuleViolation refused) {
            saveName.setErrorMessage(Toasts.message(refused));
            saveName.setInvalid(true);
        }
    }

    void openManage() {
        manageDialog = new Dialog();
        manageDialog.setHeaderTitle(getTranslation("inbox.views.manage.title"));
        manageDialog.setWidth("32em");
        fillManage();
        manageDialog.getFooter().add(new Button(getTranslation("action.close"), e -> manageDialog.close()));
        manageDialog.open();
    }

    private void fillManage() {
        manageDialog.removeAll();
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        for (SavedView v : views.mine()) {
            TextField name = new TextField();
            name.setValue(v.name());
            name.setMaxLength(InboxViews.NAME_MAX);
            name.setAriaLabel(getTranslation("inbox.views.name"));
            name.setId("inbox-view-name-" + v.id());
            name.getStyle().set("flex", "1");
            Button rename = new Button(getTranslation("inbox.views.rename"), e -> rename(v, name));
            rename.setId("inbox-view-rename-" + v.id());
            Button delete = new Button(getTranslation("action.delete"), e -> delete(v));
            delete.setId("inbox-view-delete-" + v.id());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout row = new HorizontalLayout(name, rename, delete);
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            list.add(row);
        }
        if (list.getComponentCount() == 0) {
            list.add(new Paragraph(getTranslation("inbox.views.none")));
        }
        manageDialog.add(list);
    }

    private void rename(SavedView v, TextField name) {
        try {
            views.rename(v.id(), name.getValue());
        } catch (RuleViolation refused) {
            name.setErrorMessage(Toasts.message(refused));
            name.setInvalid(true);
            return;
        }
        Toasts.success(getTranslation("inbox.views.renamed", name.getValue().strip()));
        rebuild();
        fillManage();
    }

    private void delete(SavedView v) {
        try {
            views.delete(v.id());
            Toasts.success(getTranslation("inbox.views.deleted", v.name()));
        } catch (RuleViolation refused) {
            Toasts.refused(refused);
        }
        rebuild();
        fillManage();
    }
}
