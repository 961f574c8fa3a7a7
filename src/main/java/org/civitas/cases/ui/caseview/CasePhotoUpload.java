package org.civitas.cases.ui.caseview;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.photos.Photos;

/**
 * Up to five images of up to 10 MB, kept in memory until the dialog is confirmed. The browser's checks are a
 * convenience; the service checks the count, the size and the content again.
 */
class CasePhotoUpload extends Upload {

    // filled by the upload request's thread, read by the UI thread
    private final List<PhotoUpload> uploaded = new CopyOnWriteArrayList<>();

    CasePhotoUpload() {
        setMaxFiles(Photos.MAX_COUNT);
        setMaxFileSize(Photos.MAX_BYTES);
        setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", "image/webp");
        // on a phone the button opens the rear camera at once (the file input's capture attribute)
        getElement().setProperty("capture", "environment");
        setId("case-photos-upload");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("caseview.photos.add"))
                .setMany(getTranslation("caseview.photos.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("caseview.photos.drop"))
                .setMany(getTranslation("caseview.photos.drop")));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("caseview.photos.tooBig"))
                .setIncorrectFileType(getTranslation("caseview.photos.wrongType"))
                .setTooManyFiles(getTranslation("caseview.photos.tooMany", Photos.MAX_COUNT)));
        setI18n(i18n);
        setUploadHandler(UploadHandler.inMemory((meta, bytes) -> uploaded.add(new PhotoUpload(meta.fileName(), bytes))));
        addFileRejectedListener(e -> Toasts.error(e.getErrorMessage()));
        addFileRemovedListener(e -> uploaded.removeIf(p -> p.fileName().equals(e.getFileName())));
    }

    List<PhotoUpload> photos() {
        return List.copyOf(uploaded);
    }
}
