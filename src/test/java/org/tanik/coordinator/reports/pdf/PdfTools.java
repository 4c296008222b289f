package org.tanik.coordinator.reports.pdf;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The PDF readers the tests check Tanik's PDFs with (poppler-utils: pdftotext, pdffonts, pdfinfo;
 * qpdf), as a reader outside Tanik sees the file. A missing tool fails the test when CI is set
 * (.ci/run installs them: a test never passes by not running), else skips it.
 */
final class PdfTools {

    private PdfTools() {
    }

    static void require(String tool) {
        if (onPath(tool)) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !"false".equalsIgnoreCase(ci)) {
            fail("CI is set and " + tool + " is missing: .ci/run installs it");
        }
        Assumptions.abort(tool + " is missing: .ci/run installs it (the test runs in CI)");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The text pdftotext extracts, pages separated by form feeds. */
    static String text(Path pdf) throws IOException, InterruptedException {
        return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** The text as laid out on the page: a table's row stays one line. */
    static String layoutText(Path pdf) throws IOException, InterruptedException {
        return run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-");
    }

    /** The text of each page. */
    static List<String> pages(Path pdf) throws IOException, InterruptedException {
        List<String> pages = new ArrayList<>(List.of(text(pdf).split("\f", -1)));
        if (!pages.isEmpty() && pages.get(pages.size() - 1).isBlank()) {
            pages.remove(pages.size() - 1); // pdftotext ends the last page with a form feed too
        }
        return pages;
    }

    static String fonts(Path pdf) throws IOException, InterruptedException {
        return run("pdffonts", pdf.toString());
    }

    static String info(Path pdf) throws IOException, InterruptedException {
        return run("pdfinfo", "-enc", "UTF-8", pdf.toString());
    }

    /** The file with every stream decompressed and no object streams: its raw bytes, readable. */
    static byte[] decompressed(Path pdf, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve(pdf.getFileName() + ".qdf");
        run("qpdf", "--qdf", "--object-streams=disable", pdf.toString(), out.toString());
        return Files.readAllBytes(out);
    }

    static String run(String... command) throws IOException, InterruptedException {
        require(command[0]);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command[0] + " did not finish");
        }
        if (p.exitValue() != 0) {
            fail(command[0] + " failed (" + p.exitValue() + "): " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
