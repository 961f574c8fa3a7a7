package org.civitas.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civitas.audit.AuditEvent;
import org.civitas.base.ReferenceCache;
import org.civitas.base.RuleViolation;
import org.civitas.cases.Channel;
import org.civitas.base.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel systems and their API keys. A key is 32 random bytes, shown once; only its SHA-256 is stored, and a
 * presented key is found by its hash and compared in constant time. Creating and revoking keys is audited.
 */
@Service
public class ChannelService {

    public static final String PRINCIPAL_PREFIX = "channel:";
    static final String KEY_PREFIX = "cvk_";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RowMapper<ChannelSystem> SYSTEM = (rs, i) -> new ChannelSystem(rs.getLong("id"),
            rs.getString("code"), rs.getString("name"), Channel.valueOf(rs.getString("channel")),
            rs.getString("callback_url"), rs.getString("hmac_secret"), rs.getBoolean("active"));

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final CurrentUser user;
    private final Clock clock;
    private final CallbackTargets callbackTargets;
    /** Keys by hash and systems by code: read on every API call (docs/benchmarks.md, intake). */
    private final ReferenceCache<String, Optional<ChannelSystem>> byKeyHash;
    private final ReferenceCache<String, Optional<ChannelSystem>> byCode;
    private final ReferenceCache<Channel, Optional<ChannelSystem>> byChannel;

    ChannelService(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, CurrentUser user, Clock clock,
                   CallbackTargets callbackTargets, @Value("${civitas.cache.reference-ttl:10s}") Duration cacheTtl) {
        this.jdbc = jdbc;
        this.events = events;
        this.user = user;
        this.clock = clock;
        this.callbackTargets = callbackTargets;
        this.byKeyHash = new ReferenceCache<>(cacheTtl, 1_000);
        this.byCode = new ReferenceCache<>(cacheTtl, 1_000);
        this.byChannel = new ReferenceCache<>(cacheTtl, 100);
    }

    /**
     * The active channel system a presented key belongs to; empty for an unknown, revoked or inactive one. A key
     * revoked on another node stops working here within {@code civitas.cache.reference-ttl}, at once on this one.
     */
    @PreAuthorize("permitAll()")
    public Optional<ChannelSystem> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(presentedKey.strip());
        return byKeyHash.get(hash, h -> jdbc.query("""
                SELECT k.key_hash, s.* FROM channel_api_key k JOIN channel_system s ON s.id = k.channel_system_id
                WHERE k.key_hash = :hash AND k.revoked_at IS NULL AND s.active""", Map.of("hash", h),
                (rs, i) -> Map.entry(rs.getString("key_hash"), SYSTEM.mapRow(rs, i))).stream()
                .filter(e -> MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.US_ASCII),
                        h.getBytes(StandardCharsets.US_ASCII)))
                .map(Map.Entry::getValue)
                .findFirst());
    }

    /**
     * A channel system by its code, with its HMAC secret: for an administrator, or for that system itself. The API
     * layer, the callbacks and the webhook sender of this package use {@link #find}.
     */
    @PreAuthorize("hasRole('ADMIN') or authentication.name == 'channel:' + #code")
    @Transactional(readOnly = true)
    public Optional<ChannelSystem> system(String code) {
        return load(code == null ? "" : code);
    }

    /** The channel system behind an API principal ({@code channel:<code>}), for the controllers of this package. */
    ChannelSystem caller(String principal) {
        String code = principal != null && principal.startsWith(PRINCIPAL_PREFIX)
                ? principal.substring(PRINCIPAL_PREFIX.length()) : "";
        return find(code).orElseThrow(() -> new IllegalStateException("No channel system for " + principal));
    }

    /**
     * The same, unguarded, for this package only: the principal's own system, the callback and its sender. One
     * SELECT, no transaction of its own; cached like {@link #authenticate}.
     */
    Optional<ChannelSystem> find(String code) {
        return byCode.get(code == null ? "" : code, this::load);
    }

    private Optional<ChannelSystem> load(String code) {
        return jdbc.query("SELECT * FROM channel_system WHERE code = :code", Map.of("code", code), SYSTEM).stream()
                .findFirst();
    }

    /** The channel system whose cases on this channel get status callbacks (cached like {@link #find}). */
    Optional<ChannelSystem> callbackSystem(Channel channel) {
        return byChannel.get(channel, ch -> jdbc.query("""
                SELECT * FROM channel_system WHERE channel = :channel AND active AND callback_url IS NOT NULL
                AND callback_url <> '' ORDER BY id""", Map.of("channel", ch.name()), SYSTEM).stream().findFirst());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ChannelSystem> systems() {
        return jdbc.query("SELECT * FROM channel_system ORDER BY code", Map.of(), SYSTEM);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<ApiKeyRow> keys() {
        return jdbc.query("""
                SELECT k.*, s.code FROM channel_api_key k JOIN channel_system s ON s.id = k.channel_system_id
                ORDER BY k.id DESC""", Map.of(), (rs, i) -> new ApiKeyRow(rs.getLong("id"), rs.getString("code"),
                rs.getString("key_prefix"), rs.getString("label"), rs.getObject("created_at", LocalDateTime.class),
                rs.getString("created_by"), rs.getObject("revoked_at", LocalDateTime.class)));
    }

    /**
     * Creates or updates a channel system; a new HMAC secret is made when it has none. A callback URL must be a
     * target {@link CallbackTargets} accepts (https, no address inside the network unless allowed).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public ChannelSystem saveSystem(String code, String name, Channel channel, String callbackUrl, boolean active) {
        return upsert(code, name, channel, callbackUrl, null, active, user.username());
    }

    ChannelSystem upsert(String code, String name, Channel channel, String callbackUrl, String secret,
                         boolean active, String actor) {
        if (code == null || !code.matches("[A-Z0-9_]{2,32}")) {
            throw new RuleViolation("channel.error.code");
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new RuleViolation("channel.error.name");
        }
        if (channel == null || channel == Channel.INSPECTION || channel == Channel.WEB) {
            throw new RuleViolation("channel.error.channel");
        }
        String url = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
        if (url != null && (url.length() > 500 || !url.matches("(?i)https?://\\S+"))) {
            throw new RuleViolation("channel.error.callbackUrl");
        }
        if (url != null) {
            callbackTargets.check(url);
        }
        Optional<ChannelSystem> existing = system(code);
        var p = new MapSqlParameterSource().addValue("code", code).addValue("name", name.strip())
                .addValue("channel", channel.name()).addValue("url", url).addValue("active", active)
                .addValue("now", LocalDateTime.now(clock));
        if (existing.isPresent()) {
            jdbc.update("""
                    UPDATE channel_system SET name = :name, channel = :channel, callback_url = :url, active = :active
                    WHERE code = :code""", p);
        } else {
            p.addValue("secret", secret != null ? secret : randomToken(32));
            jdbc.update("""
                    INSERT INTO channel_system (code, name, channel, callback_url, hmac_secret, active, created_at)
                    VALUES (:code, :name, :channel, :url, :secret, :active, :now)""", p);
        }
        forgetCached();
        ChannelSystem after = system(code).orElseThrow();
        events.publishEvent(AuditEvent.change(actor, existing.isPresent() ? "CHANNEL_UPDATED" : "CHANNEL_CREATED",
                "channel_system", code, existing.map(ChannelService::describe).orElse(null), describe(after)));
        return after;
    }

    /** A new key for a channel system. The returned key is shown once and can never be read again. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String createKey(String systemCode, String label) {
        return insertKey(systemCode, label, KEY_PREFIX + randomToken(32), user.username());
    }

    String insertKey(String systemCode, String label, String key, String actor) {
        ChannelSystem s = system(systemCode).orElseThrow(() -> new RuleViolation("channel.error.unknown", systemCode));
        if (label != null && label.length() > 100) {
            throw new RuleViolation("channel.error.label");
        }
        var p = new MapSqlParameterSource().addValue("system", s.id()).addValue("prefix", key.substring(0, 8))
                .addValue("hash", sha256(key)).addValue("label", label == null || label.isBlank() ? null : label.strip())
                .addValue("now", LocalDateTime.now(clock)).addValue("by", actor);
        jdbc.update("""
                INSERT INTO channel_api_key (channel_system_id, key_prefix, key_hash, label, created_at, created_by)
                VALUES (:system, :prefix, :hash, :label, :now, :by)""", p);
        forgetCached();
        events.publishEvent(AuditEvent.change(actor, "API_KEY_CREATED", "channel_api_key", s.code(), null,
                "{\"system\":\"" + s.code() + "\",\"prefix\":\"" + key.substring(0, 8) + "\"}"));
        return key;
    }

    /**
     * Revokes a key: the next request with it on this node is refused, on other nodes within
     * {@code civitas.cache.reference-ttl}.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revokeKey(long keyId) {
        int n = jdbc.update("""
                UPDATE channel_api_key SET revoked_at = :now, revoked_by = :by WHERE id = :id AND revoked_at IS NULL""",
                new MapSqlParameterSource().addValue("now", LocalDateTime.now(clock)).addValue("by", user.username())
                        .addValue("id", keyId));
        if (n == 0) {
            throw new RuleViolation("channel.error.keyRevoked");
        }
        forgetCached();
        events.publishEvent(AuditEvent.change(user.username(), "API_KEY_REVOKED", "channel_api_key", keyId, null, null));
    }

    private void forgetCached() {
        byKeyHash.clear();
        byCode.clear();
        byChannel.clear();
    }

    static String describe(ChannelSystem s) {
        return "{\"code\":\"" + s.code() + "\",\"channel\":\"" + s.channel() + "\",\"callback\":"
                + (s.callbackUrl() == null ? "null" : "\"" + s.callbackUrl().replace("\"", "\\\"") + "\"")
                + ",\"active\":" + s.active() + "}";
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
