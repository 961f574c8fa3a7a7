package org.civitas.cases;

import java.time.LocalDateTime;

/**
 * A report merged into a master case, as the master's view lists it: {@code complainantName} and
 * {@code complainantPhone} are masked for users who may not see them; {@code viaNumber} names the case it was merged
 * into when that case was itself merged into the master later (null when it was merged into the master directly).
 */
public record MergedCase(long id, String number, LocalDateTime receivedAt, Channel channel, String complainantName,
                         String complainantPhone, boolean anonymous, boolean complainantMasked, String viaNumber) {
}
