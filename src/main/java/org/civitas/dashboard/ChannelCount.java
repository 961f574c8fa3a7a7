package org.civitas.dashboard;

import org.civitas.cases.Channel;

public record ChannelCount(Channel channel, long count) {
}
