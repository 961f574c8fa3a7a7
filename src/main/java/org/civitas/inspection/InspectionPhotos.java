package org.civitas.inspection;

import java.util.List;
import org.civitas.base.RuleViolation;
import org.civitas.cases.photos.PhotoUpload;
import org.civitas.cases.photos.Photos;

/** The rules of case photos ({@link Photos}): at most five images, 10 MB each, recognised by their content. */
final class InspectionPhotos {

    private InspectionPhotos() {
    }

    static void check(List<PhotoUpload> photos) {
        if (photos.size() > Photos.MAX_COUNT) {
            throw new RuleViolation("inspection.error.tooManyPhotos", Photos.MAX_COUNT);
        }
        for (PhotoUpload p : photos) {
            if (p.data() == null || p.data().length == 0 || p.data().length > Photos.MAX_BYTES) {
                throw new RuleViolation("inspection.error.photoSize", p.fileName());
            }
            if (Photos.contentType(p.data()) == null) {
                throw new RuleViolation("inspection.error.notAnImage", p.fileName());
            }
        }
    }
}
