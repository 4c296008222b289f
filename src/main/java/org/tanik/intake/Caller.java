package org.tanik.intake;

/**
 * Who signed a request: a device's transport key id (base64url) in a state, or the organisation.
 *
 * @param keyId null only for a test-mode unsigned interop upload
 */
record Caller(String keyId, IntakeIndex.DeviceState state, boolean organisation) {

    /** The one identity unsigned interop uploads share in test mode. */
    static final Caller UNSIGNED_TEST_CLIENT = new Caller("unsigned-test-client", IntakeIndex.DeviceState.APPROVED, false);
}
