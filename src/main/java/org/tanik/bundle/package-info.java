/**
 * The bundle format: what travels from a volunteer's device to the organisation.
 *
 * <p>A bundle is an age v1 file to the organisation's X25519 recipients; inside is an uncompressed
 * ustar archive of manifest.json, manifest.sig (Ed25519 by the device key over the manifest's exact
 * bytes) and the entries the manifest lists: testimony records, then attachments named by the
 * SHA-256 of their content ({@link org.tanik.bundle.BundleBlob}, streamed, never held). The full
 * specification is src/site/markdown/bundle-format.md.
 *
 * <p>{@link org.tanik.bundle.BundleWriter} makes one, {@link org.tanik.bundle.BundleReader} verifies
 * one all or nothing, {@link org.tanik.bundle.TestimonyRecords} converts testimonies to entries and
 * back, and every refusal is a {@link org.tanik.bundle.BundleException} with a reason.
 */
package org.tanik.bundle;
