package org.civitas.cases.intake;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.civitas.cases.Channel;

/**
 * A report as a channel or the operator hands it in. {@code itemCode} may be null: the case then waits in the
 * classification queue. {@code receivedAt} null means now. {@code mediaUrl}: a link to a photo the channel holds
 * (Open311's {@code media_url}), kept as a link and never fetched.
 */
public record NewCase(Channel channel, String channelRef, LocalDateTime receivedAt, String complainantName,
                      String complainantPhone, boolean anonymous, String districtCode, String streetCode,
                      String address, BigDecimal latitude, BigDecimal longitude, String description,
                      String itemCode, String mediaUrl) {

    /** A report without a media link (every channel but Open311). */
    public NewCase(Channel channel, String channelRef, LocalDateTime receivedAt, String complainantName,
                   String complainantPhone, boolean anonymous, String districtCode, String streetCode,
                   String address, BigDecimal latitude, BigDecimal longitude, String description, String itemCode) {
        this(channel, channelRef, receivedAt, complainantName, complainantPhone, anonymous, districtCode,
                streetCode, address, latitude, longitude, description, itemCode, null);
    }

    /** The codes as the tables hold them: trimmed, and blank means none (a blank code would break a foreign key). */
    public NewCase normalized() {
        return new NewCase(channel, code(channelRef), receivedAt, complainantName, complainantPhone, anonymous,
                code(districtCode), code(streetCode), address, latitude, longitude, description, code(itemCode),
                code(mediaUrl));
    }

    private static String code(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
