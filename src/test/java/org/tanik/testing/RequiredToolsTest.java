package org.tanik.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequiredToolsTest {

    @Test
    void aMissingToolFailsInCi() {
        assertThatThrownBy(() -> RequiredTools.require("true", t -> false, "age"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("age");
    }

    @Test
    void aMissingToolSkipsOnADeveloperMachine() {
        assertThatThrownBy(() -> RequiredTools.require(null, t -> false, "openssl"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("openssl");
        assertThatThrownBy(() -> RequiredTools.require("false", t -> false, "tar"))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void presentToolsPassEverywhere() {
        assertThatCode(() -> RequiredTools.require("true", t -> true, "age", "tar")).doesNotThrowAnyException();
    }

    @Test
    void theRealPathIsSearched() {
        // sh is on every machine the tests run on; a made-up name never is.
        assertThatCode(() -> RequiredTools.require("true", RequiredTools::onPath, "sh")).doesNotThrowAnyException();
        assertThatThrownBy(() -> RequiredTools.require("true", RequiredTools::onPath, "tanik-no-such-tool"))
                .isInstanceOf(AssertionError.class);
    }
}
