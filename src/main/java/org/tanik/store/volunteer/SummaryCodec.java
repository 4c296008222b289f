package org.tanik.store.volunteer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tanik.error.Problem;
import org.tanik.error.TanikException;
import org.tanik.model.Status;
import org.tanik.model.TestimonyContent;
import org.tanik.model.TestimonySummary;

/**
 * A compact binary form of what the list shows (title, interview date, violation types). The list
 * decodes 10,000 of these on every unlock, where JSON parsing was the largest cost.
 */
final class SummaryCodec {

    private static final int FORMAT = 1;
    private static final long NO_DATE = Long.MIN_VALUE;

    private SummaryCodec() {
    }

    static byte[] encode(TestimonyContent c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writeString(out, c.title());
            out.writeLong(c.interview().date() == null ? NO_DATE : c.interview().date().toEpochDay());
            List<String> types = List.copyOf(c.violationTypes());
            out.writeShort(types.size());
            for (String type : types) {
                writeString(out, type);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    static TestimonySummary decode(byte[] bytes, String id, int version, Status status, Instant updated) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readByte() != FORMAT) {
                throw new TanikException(Problem.DATABASE_DAMAGED);
            }
            String title = readString(in);
            long day = in.readLong();
            int n = in.readUnsignedShort();
            List<String> types = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                types.add(readString(in));
            }
            return new TestimonySummary(id, version, status, title, day == NO_DATE ? null : LocalDate.ofEpochDay(day),
                    types, updated);
        } catch (IOException | java.time.DateTimeException e) {
            throw new TanikException(Problem.DATABASE_DAMAGED);
        }
    }

    /** Length-prefixed UTF-8: writeUTF would cap titles at 64 KiB of modified UTF-8. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("bad length");
        }
        return new String(in.readNBytes(n), java.nio.charset.StandardCharsets.UTF_8);
    }
}
