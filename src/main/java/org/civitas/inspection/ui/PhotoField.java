package org.civitas.inspection.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.photos.Photos;

/** Up to five images kept in memory until the dialog is saved; the service checks count, size and content again. */
class PhotoField extends Upload {

    // filled by the upload request's thread, read by the UI thread
    final List<PhotoUpload> uploaded = new CopyOnWriteArrayList<>();

    PhotoField() {
        setMaxFiles(Photos.MAX_COUNT);
        setMaxFileSize(Photos.MAX_BYTES);
        setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", "image/webp");
        // on a phone the button opens the rear camera at once (the file input's capture attribute)
        getElement().setProperty("capture", "environment");
        setId("finding-photos");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("inspection.photos.add"))
                .setMany(getTranslation("inspection.photos.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("inspection.photos.drop"))
                .setMany(getTranslation("inspection.photos.drop")));
        setI18n(i18n);
        setUploadHandler(UploadHandler.inMemory((meta, bytes) -> uploaded.add(new PhotoUpload(meta.fileName(), bytes))));
        addFileRejectedListener(e -> Toasts.error(e.getErrorMessage()));
        addFileRemovedListener(e -> uploaded.removeIf(p -> p.fileName().equals(e.getFileName())));
    }

    List<PhotoUpload> photos() {
        return List.copyOf(uploaded);
    }
}
