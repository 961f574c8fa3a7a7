package org.civitas.channel;

import org.civitas.cases.Channel;

/** A system that files cases for citizens through the API: the 12345 platform, the app, WeChat. */
public record ChannelSystem(long id, String code, String name, Channel channel, String callbackUrl,
                            String hmacSecret, boolean active) {

    /** The name its API principal carries: {@code channel:<code>}. */
    public String principal() {
        return ChannelService.PRINCIPAL_PREFIX + code;
    }
}
