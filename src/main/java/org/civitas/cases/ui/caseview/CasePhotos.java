package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.LongFunction;
import org.civitas.base.RuleViolation;
import org.civitas.cases.photos.PhotoInfo;
import org.springframework.security.access.AccessDeniedException;

/**
 * The report's and the reply's photos as thumbnails that open full size. The bytes are fetched when the browser
 * asks for them, through the service, so the same scope check guards each image.
 */
class CasePhotos extends VerticalLayout {

    final FlexLayout thumbnails = new FlexLayout();

    CasePhotos(List<PhotoInfo> photos, LongFunction<byte[]> data) {
        setPadding(false);
        setSpacing(false);
        thumbnails.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        thumbnails.getStyle().set("gap", "var(--lumo-space-m)");
        for (PhotoInfo p : photos) {
            DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
                try {
                    byte[] bytes = data.apply(p.id());
                    return new DownloadResponse(new ByteArrayInputStream(bytes), p.fileName(), p.contentType(),
                            bytes.length);
                } catch (AccessDeniedException | RuleViolation e) {
                    return DownloadResponse.error(403);
                }
            });
            Image image = new Image(handler, p.fileName());
            image.setHeight("120px");
            image.getStyle().set("border-radius", "var(--lumo-border-radius-m)");
            Anchor open = new Anchor(handler, "");
            open.setTarget(AnchorTarget.BLANK);
            open.add(image);
            Span caption = new Span(CaseFormat.label(p.kind()) + " · " + p.fileName());
            caption.getStyle().set("font-size", "var(--lumo-font-size-s)");
            Div card = new Div(open, caption);
            card.getStyle().set("display", "flex").set("flex-direction", "column");
            card.addClassName("case-photo");
            thumbnails.add(card);
        }
        add(thumbnails);
    }

    int count() {
        return thumbnails.getComponentCount();
    }
}
