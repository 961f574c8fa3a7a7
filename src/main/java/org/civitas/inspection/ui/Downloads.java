package org.civitas.inspection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.function.Supplier;

/** A button that downloads what the service renders at click time (the service checks roles and audits). */
final class Downloads {

    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Downloads() {
    }

    /** {@code file} and {@code bytes} run in the download request, outside the session lock. */
    static Anchor anchor(String label, Supplier<String> file, String contentType, Supplier<byte[]> bytes) {
        Anchor a = new Anchor((DownloadHandler) event -> {
            byte[] data = bytes.get();
            event.setFileName(file.get());
            event.setContentType(contentType);
            event.getOutputStream().write(data);
        }, AttachmentType.DOWNLOAD, "");
        a.add(new Button(label));
        return a;
    }
}
