package org.civitas.cases;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A report as a channel or the operator hands it in. {@code itemCode} may be null: the case then waits in the
 * classification queue. {@code receivedAt} null means now.
 */
public record NewCase(Channel channel, String channelRef, LocalDateTime receivedAt, String complainantName,
                      String complainantPhone, boolean anonymous, String districtCode, String streetCode,
                      String address, BigDecimal latitude, BigDecimal longitude, String description,
                      String itemCode) {
}
