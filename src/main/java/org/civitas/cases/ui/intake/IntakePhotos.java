package org.civitas.cases.ui.intake;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.civitas.base.RuleViolation;
import org.civitas.base.ui.Toasts;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.photos.Photos;

/**
 * Up to five photos (fewer on the public form) kept in memory until the case is saved. A file that is not an image by
 * its content is refused at once; the service checks again when the case is registered. Shared by the operator's and
 * the public report form.
 */
public class IntakePhotos extends Composite<Upload> {

    final Upload upload = getContent();
    /** Filled by the upload request, which runs without the session lock. */
    private final List<PhotoUpload> files = new CopyOnWriteArrayList<>();
    private final int maxCount;

    IntakePhotos() {
        this(Photos.MAX_COUNT, "intake-photos", "intake.photos.drop");
    }

    /** {@code maxCount} at most {@link Photos#MAX_COUNT}; {@code dropKey} the hint, which names the limits. */
    public IntakePhotos(int maxCount, String id, String dropKey) {
        this.maxCount = Math.min(maxCount, Photos.MAX_COUNT);
        upload.setId(id);
        upload.setMaxFiles(this.maxCount);
        upload.setMaxFileSize(Photos.MAX_BYTES);
        upload.setAcceptedFileTypes("image/*");
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("intake.photos.add"))
                .setMany(getTranslation("intake.photos.add")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation(dropKey))
                .setMany(getTranslation(dropKey)));
        i18n.setError(new UploadI18N.Error()
                .setFileIsTooBig(getTranslation("intake.photos.tooBig"))
                .setIncorrectFileType(getTranslation("intake.photos.wrongType"))
                .setTooManyFiles(getTranslation("case.error.tooManyPhotos", this.maxCount)));
        upload.setI18n(i18n);
        upload.addFileRejectedListener(e -> Toasts.error(e.getErrorMessage()));
        upload.addFileRemovedListener(e -> files.removeIf(f -> f.fileName().equals(e.getFileName())));
        UI ui = UI.getCurrent();
        upload.setUploadHandler(new InMemoryUploadHandler((metadata, bytes) -> {
            RuleViolation refusal = check(metadata.fileName(), bytes);
            if (refusal == null) {
                files.add(new PhotoUpload(metadata.fileName(), bytes));
            } else {
                ui.access(() -> Toasts.refused(refusal));
            }
        }) {
            @Override
            public long getFileSizeMax() {
                return Photos.MAX_BYTES;
            }
        });
    }

    private RuleViolation check(String fileName, byte[] bytes) {
        if (files.size() >= maxCount) {
            return new RuleViolation("case.error.tooManyPhotos", maxCount);
        }
        if (bytes.length == 0 || bytes.length > Photos.MAX_BYTES) {
            return new RuleViolation("case.error.photoSize", fileName);
        }
        if (Photos.contentType(bytes) == null) {
            return new RuleViolation("case.error.notAnImage", fileName);
        }
        return null;
    }

    public List<PhotoUpload> uploads() {
        return List.copyOf(files);
    }

    public void clear() {
        files.clear();
        upload.clearFileList();
    }
}
