package org.civitas.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String displayName;
    private String passwordHash;
    private String unitCode;
    private String email;
    private boolean enabled = true;
    private LocalDateTime passwordChangedAt;
    private LocalDateTime createdAt;
    private boolean mustChangePassword;
    private boolean demo;
    /** The TOTP secret, encrypted by {@link TotpCipher}; set at enrolment, used once {@code totpEnabled}. */
    private String totpSecret;
    private boolean totpEnabled;
    /** The last 30-second step a code was accepted for: a code is good once (RFC 6238 §5.2). */
    private Long totpLastStep;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    private Set<String> roles = new TreeSet<>();

    @Version
    private long version;

    protected AppUser() {
    }

    AppUser(String username, String displayName, String passwordHash, LocalDateTime now) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
    }

    void changePassword(String hash, LocalDateTime now) {
        this.passwordHash = hash;
        this.passwordChangedAt = now;
    }

    boolean hasAnyRole(java.util.Collection<String> any) {
        return roles.stream().anyMatch(any::contains);
    }

    LocalDateTime getPasswordChangedAt() { return passwordChangedAt; }
    boolean isMustChangePassword() { return mustChangePassword; }
    void setMustChangePassword(boolean mustChangePassword) { this.mustChangePassword = mustChangePassword; }
    boolean isDemo() { return demo; }
    void markDemo() { this.demo = true; }
    String getTotpSecret() { return totpSecret; }
    boolean isTotpEnabled() { return totpEnabled; }
    Long getTotpLastStep() { return totpLastStep; }
    void setTotpLastStep(Long step) { this.totpLastStep = step; }

    /** A new secret waits for a confirming code; until then the old one (if any) no longer counts. */
    void startTotpEnrolment(String encryptedSecret) {
        this.totpSecret = encryptedSecret;
        this.totpEnabled = false;
        this.totpLastStep = null;
    }

    void confirmTotp(long step) {
        this.totpEnabled = true;
        this.totpLastStep = step;
    }

    void resetTotp() {
        startTotpEnrolment(null);
    }

    UserRow toRow() {
        return new UserRow(id, username, displayName, Set.copyOf(roles), unitCode, email, enabled, passwordChangedAt,
                version);
    }

    Long getId() { return id; }
    String getUsername() { return username; }
    String getDisplayName() { return displayName; }
    void setDisplayName(String displayName) { this.displayName = displayName; }
    String getPasswordHash() { return passwordHash; }
    String getUnitCode() { return unitCode; }
    void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    String getEmail() { return email; }
    void setEmail(String email) { this.email = email; }
    boolean isEnabled() { return enabled; }
    void setEnabled(boolean enabled) { this.enabled = enabled; }
    Set<String> getRoles() { return roles; }
    void setRoles(Set<String> roles) { this.roles = new TreeSet<>(roles); }
    long getVersion() { return version; }
}
