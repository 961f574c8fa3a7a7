package org.civitas.channel.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.Channel;
import org.civitas.channel.ApiKeyRow;
import org.civitas.channel.ChannelService;
import org.civitas.channel.ChannelSystem;
import org.civitas.base.identity.AppRoles;

/** Channel systems and their API keys; a new key is shown once, in a dialog, and never again. */
@Route("admin/channels")
@Menu(order = 96, title = "menu.channels", icon = "vaadin:connect")
@RolesAllowed(AppRoles.ADMIN)
public class ChannelsView extends VerticalLayout implements HasDynamicTitle {

    private static final java.time.format.DateTimeFormatter MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ChannelService channels;
    final Grid<ChannelSystem> systems = new Grid<>();
    final Grid<ApiKeyRow> keys = new Grid<>();
    final TextField code = new TextField();
    final TextField name = new TextField();
    final ComboBox<Channel> channel = new ComboBox<>();
    final TextField callback = new TextField();

    public ChannelsView(ChannelService channels) {
        this.channels = channels;
        setSizeFull();
        code.setLabel(getTranslation("channel.code"));
        name.setLabel(getTranslation("channel.name"));
        channel.setLabel(getTranslation("channel.type"));
        channel.setItems(EnumSet.of(Channel.HOTLINE_12345, Channel.APP, Channel.WECHAT, Channel.OTHER));
        channel.setItemLabelGenerator(c -> getTranslation("Channel." + c.name()));
        callback.setLabel(getTranslation("channel.callbackUrl"));
        callback.setHelperText(getTranslation("channel.callbackHint"));
        Button save = new Button(getTranslation("channel.save"), e -> Toasts.attempt(() -> channels.saveSystem(
                code.getValue().strip(), name.getValue(), channel.getValue(), callback.getValue(), true),
                getTranslation("channel.saved")).ifPresent(s -> refresh()));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("channel-save");
        HorizontalLayout form = new HorizontalLayout(code, name, channel, callback, save);
        form.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        systems.addColumn(ChannelSystem::code).setHeader(getTranslation("channel.code")).setAutoWidth(true);
        systems.addColumn(ChannelSystem::name).setHeader(getTranslation("channel.name")).setAutoWidth(true);
        systems.addColumn(s -> getTranslation("Channel." + s.channel().name())).setHeader(getTranslation("channel.type"));
        systems.addColumn(s -> s.callbackUrl() == null ? "" : s.callbackUrl())
                .setHeader(getTranslation("channel.callbackUrl")).setFlexGrow(1);
        systems.addComponentColumn(s -> {
            Button b = new Button(getTranslation("channel.newKey"), e -> newKey(s));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return b;
        }).setAutoWidth(true);
        systems.addItemClickListener(e -> {
            code.setValue(e.getItem().code());
            name.setValue(e.getItem().name());
            channel.setValue(e.getItem().channel());
            callback.setValue(e.getItem().callbackUrl() == null ? "" : e.getItem().callbackUrl());
        });

        keys.addColumn(ApiKeyRow::systemCode).setHeader(getTranslation("channel.code")).setAutoWidth(true);
        keys.addColumn(k -> k.prefix() + "…").setHeader(getTranslation("channel.keyPrefix")).setAutoWidth(true);
        keys.addColumn(k -> k.label() == null ? "" : k.label()).setHeader(getTranslation("channel.keyLabel"));
        keys.addColumn(k -> minute(k.createdAt())).setHeader(getTranslation("channel.keyCreated"));
        keys.addColumn(k -> k.active() ? getTranslation("channel.keyActive") : getTranslation("channel.keyRevokedAt",
                minute(k.revokedAt()))).setHeader(getTranslation("channel.keyState"));
        keys.addComponentColumn(k -> {
            Button b = new Button(getTranslation("channel.revoke"), e -> Toasts.attempt(() -> {
                channels.revokeKey(k.id());
                return k;
            }, getTranslation("channel.revoked")).ifPresent(x -> refresh()));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            b.setEnabled(k.active());
            return b;
        }).setAutoWidth(true);
        add(form, systems, new H3(getTranslation("channel.keys")), keys);
        refresh();
    }

    private void newKey(ChannelSystem s) {
        Toasts.attempt(() -> channels.createKey(s.code(), null), getTranslation("channel.keyCreatedToast"))
                .ifPresent(key -> {
                    Dialog d = new Dialog();
                    d.setHeaderTitle(getTranslation("channel.newKeyTitle", s.code()));
                    TextField shown = new TextField();
                    shown.setValue(key);
                    shown.setReadOnly(true);
                    shown.setWidthFull();
                    shown.setId("channel-new-key");
                    d.add(new Paragraph(getTranslation("channel.newKeyOnce")), shown);
                    d.getFooter().add(new Button(getTranslation("channel.close"), e -> d.close()));
                    d.setWidth("40em");
                    d.open();
                    refresh();
                });
    }

    private void refresh() {
        systems.setItems(channels.systems());
        keys.setItems(channels.keys());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.channels");
    }

    /** Times to the minute, as everywhere in the app (the database keeps microseconds). */
    private static String minute(java.time.LocalDateTime t) {
        return t == null ? "" : MINUTE.format(t);
    }
}
