package org.tanik.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanik.crypto.Ed25519;

class SignedTokensTest {

    private final byte[] intake = Ed25519.generatePrivateKey();
    private final Receipt receipt = new Receipt("ab".repeat(32), 1234, Instant.parse("2026-12-04T12:00:00Z"));

    @Test
    void aReceiptVerifiesUnderTheIntakeKeyOnly() {
        String token = receipt.sign(intake);
        assertThat(Receipt.verify(token, Ed25519.publicKey(intake))).contains(receipt);
        assertThat(Receipt.verify(token, Ed25519.publicKey(Ed25519.generatePrivateKey()))).isEmpty();
        assertThat(receipt.covers("AB".repeat(32), 1234)).isTrue();
        assertThat(receipt.covers("ab".repeat(32), 1235)).isFalse();
    }

    @Test
    void aTamperedReceiptIsRefused() {
        String token = receipt.sign(intake);
        String other = new Receipt("cd".repeat(32), 1234, receipt.receivedAt()).sign(intake);
        String spliced = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(Receipt.verify(spliced, Ed25519.publicKey(intake))).isEmpty();
        assertThat(Receipt.verify(token + ".x", Ed25519.publicKey(intake))).isEmpty();
        assertThat(Receipt.verify(null, Ed25519.publicKey(intake))).isEmpty();
    }

    @Test
    void anAllowListSignatureDoesNotPassAsAReceipt() {
        String device = Keys.keyId(Ed25519.publicKey(Ed25519.generatePrivateKey()));
        AllowList list = new AllowList(7, Instant.parse("2026-12-04T12:00:00Z"), List.of(device), List.of());
        String token = list.sign(intake);
        assertThat(AllowList.verify(token, Ed25519.publicKey(intake))).contains(list);
        assertThat(Receipt.verify(token, Ed25519.publicKey(intake))).isEmpty();
        assertThat(AllowList.verify(receipt.sign(intake), Ed25519.publicKey(intake))).isEmpty();
    }
}
