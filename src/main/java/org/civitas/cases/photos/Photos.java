package org.civitas.cases.photos;

import java.util.List;
import org.civitas.base.RuleViolation;

/** At most five images of at most 10 MB each, recognised by their first bytes (JPEG, PNG, GIF, WebP). */
public final class Photos {

    public static final int MAX_COUNT = 5;
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private Photos() {
    }

    public static void check(List<PhotoUpload> photos) {
        if (photos.size() > MAX_COUNT) {
            throw new RuleViolation("case.error.tooManyPhotos", MAX_COUNT);
        }
        for (PhotoUpload p : photos) {
            if (p.data() == null || p.data().length == 0 || p.data().length > MAX_BYTES) {
                throw new RuleViolation("case.error.photoSize", p.fileName());
            }
            if (contentType(p.data()) == null) {
                throw new RuleViolation("case.error.notAnImage", p.fileName());
            }
        }
    }

    /** The image type read from the magic bytes, or null when the content is not an image we accept. */
    public static String contentType(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return "image/png";
        }
        if (d.length >= 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8') {
            return "image/gif";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F'
                && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }
}
