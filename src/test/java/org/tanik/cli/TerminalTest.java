package org.tanik.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a coordinator typed stays on its own line of the terminal, however it was written. */
class TerminalTest {

    @Test
    void lineBreaksControlsAndOverridesAreEscapedWordsAreNot() {
        assertThat(Terminal.oneLine("laptop seized\n2  2026-01-01T00:00:00Z  device.approve  fake"))
                .isEqualTo("laptop seized\\n2  2026-01-01T00:00:00Z  device.approve  fake");
        assertThat(Terminal.oneLine("a\r\u001b[2Jb\u0000\u2028\u2029")).isEqualTo("a\\u000d\\u001b[2Jb\\u0000\\u2028\\u2029");
        assertThat(Terminal.oneLine("\u202eabc\u202c \u2067x\u2069")).isEqualTo("\\u202eabc\\u202c \\u2067x\\u2069");
        String words = "Gözaltı İstanbul'da \\n ی\u200cک \u200f \ud83d\ude00 {0} | \"";
        assertThat(Terminal.oneLine(words)).isEqualTo(words);
    }
}
