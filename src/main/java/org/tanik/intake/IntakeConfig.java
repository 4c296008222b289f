package org.tanik.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.time.Duration;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Json;
import org.tanik.sync.Keys;

/**
 * {@code intake.json}: where the intake listens, its limits, and the organisation's public signing
 * key once set. Read strictly: an unknown or misspelt field is refused with its name rather than
 * silently ignored (a typo in a limit must not leave the default in force unnoticed).
 *
 * @param listen                "HOST:PORT"; loopback by default (Tor or a reverse proxy in front)
 * @param organisationKey       base64 of the organisation's Ed25519 signing key, or null until trusted
 * @param retentionDays         how long an acknowledged bundle is kept; 0 deletes it at once
 * @param logIpAddresses        false: request lines never carry an address
 */
@JsonPropertyOrder({"listen", "maxBundleBytes", "maxUploadsInFlight", "unapprovedQuotaBytes", "approvedQuotaBytes",
        "uploadExpiryHours", "retentionDays", "logIpAddresses", "organisationKey"})
public record IntakeConfig(String listen, long maxBundleBytes, int maxUploadsInFlight, long unapprovedQuotaBytes,
                           long approvedQuotaBytes, long uploadExpiryHours, long retentionDays, boolean logIpAddresses,
                           String organisationKey) {

    public static final String DEFAULT_LISTEN = "127.0.0.1:8443";
    static final long MIB = 1024L * 1024;
    private static final java.util.Set<String> FIELDS = java.util.Set.of("listen", "maxBundleBytes", "maxUploadsInFlight",
            "unapprovedQuotaBytes", "approvedQuotaBytes", "uploadExpiryHours", "retentionDays", "logIpAddresses",
            "organisationKey");

    @JsonCreator
    public IntakeConfig(@JsonProperty(value = "listen", required = true) String listen,
                        @JsonProperty(value = "maxBundleBytes", required = true) long maxBundleBytes,
                        @JsonProperty(value = "maxUploadsInFlight", required = true) int maxUploadsInFlight,
                        @JsonProperty(value = "unapprovedQuotaBytes", required = true) long unapprovedQuotaBytes,
                        @JsonProperty(value = "approvedQuotaBytes", required = true) long approvedQuotaBytes,
                        @JsonProperty(value = "uploadExpiryHours", required = true) long uploadExpiryHours,
                        @JsonProperty(value = "retentionDays", required = true) long retentionDays,
                        @JsonProperty(value = "logIpAddresses", required = true) boolean logIpAddresses,
                        @JsonProperty("organisationKey") String organisationKey) {
        ListenAddress.parse(listen);
        if (maxBundleBytes < 1 || maxUploadsInFlight < 1 || unapprovedQuotaBytes < 0 || approvedQuotaBytes < 0
                || uploadExpiryHours < 1 || retentionDays < 0) {
            throw invalid("intake.json");
        }
        if (organisationKey != null) {
            Keys.parse(organisationKey);
        }
        this.listen = listen;
        this.maxBundleBytes = maxBundleBytes;
        this.maxUploadsInFlight = maxUploadsInFlight;
        this.unapprovedQuotaBytes = unapprovedQuotaBytes;
        this.approvedQuotaBytes = approvedQuotaBytes;
        this.uploadExpiryHours = uploadExpiryHours;
        this.retentionDays = retentionDays;
        this.logIpAddresses = logIpAddresses;
        this.organisationKey = organisationKey;
    }

    /** The defaults: 2 GiB bundles, 64 uploads at once, 64 MiB / 10 GiB quotas, 24 h expiry, 7 days' retention. */
    public static IntakeConfig defaults(String listen) {
        return new IntakeConfig(listen, 2048 * MIB, 64, 64 * MIB, 10240 * MIB, 24, 7, false, null);
    }

    public IntakeConfig withOrganisationKey(String key) {
        return new IntakeConfig(listen, maxBundleBytes, maxUploadsInFlight, unapprovedQuotaBytes, approvedQuotaBytes,
                uploadExpiryHours, retentionDays, logIpAddresses, Keys.text(Keys.parse(key)));
    }

    public IntakeConfig withListen(String address) {
        return new IntakeConfig(address, maxBundleBytes, maxUploadsInFlight, unapprovedQuotaBytes, approvedQuotaBytes,
                uploadExpiryHours, retentionDays, logIpAddresses, organisationKey);
    }

    public IntakeConfig withLimits(long maxBundle, int maxUploads, long unapprovedQuota, long approvedQuota) {
        return new IntakeConfig(listen, maxBundle, maxUploads, unapprovedQuota, approvedQuota, uploadExpiryHours,
                retentionDays, logIpAddresses, organisationKey);
    }

    public IntakeConfig withRetentionDays(long days) {
        return new IntakeConfig(listen, maxBundleBytes, maxUploadsInFlight, unapprovedQuotaBytes, approvedQuotaBytes,
                uploadExpiryHours, days, logIpAddresses, organisationKey);
    }

    public IntakeConfig withLogIpAddresses(boolean log) {
        return new IntakeConfig(listen, maxBundleBytes, maxUploadsInFlight, unapprovedQuotaBytes, approvedQuotaBytes,
                uploadExpiryHours, retentionDays, log, organisationKey);
    }

    Duration uploadExpiry() {
        return Duration.ofHours(uploadExpiryHours);
    }

    Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    public byte[] json() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses intake.json; any mistake is refused with a sentence naming the field. */
    public static IntakeConfig parse(byte[] json) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Json.mapper().readTree(json);
            if (tree == null || !tree.isObject()) {
                throw invalid("intake.json");
            }
            // Unknown names first: a misspelt field would otherwise be reported as the right one missing.
            java.util.Iterator<String> names = tree.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!FIELDS.contains(name)) {
                    throw invalid("intake.json \"" + name + "\"");
                }
            }
            return Json.mapper().treeToValue(tree, IntakeConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw invalid("intake.json \"" + e.getPropertyName() + "\"");
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            if (e.getCause() instanceof TanikException t) {
                throw t;
            }
            String field = e.getPath().isEmpty() ? "" : " \"" + e.getPath().get(0).getFieldName() + "\"";
            throw invalid("intake.json" + field);
        } catch (IOException e) {
            throw invalid("intake.json");
        }
    }

    /** INVALID_INPUT naming what is wrong (the file, the field), never an English sentence of its own. */
    static TanikException invalid(String why) {
        return new TanikException(Problem.INVALID_INPUT, why);
    }
}
